import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { codes, fixture, TestClient } from './client';

// Problem lists grow as rules are added, so these check for the codes they are about, not whole lists.

describe('server over stdio, pull diagnostics (as VS Code)', () => {
  const client = new TestClient({ pull: true });
  before(async () => {
    const init = await client.initialize();
    assert.ok(init.capabilities.diagnosticProvider, 'announces pull diagnostics to a client that supports them');
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('reports a broken frontmatter at the line of the value that broke', async () => {
    const { uri } = client.open('broken-frontmatter.md');
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    const yaml = report.items.find((d) => d.code === 'frontmatter/yaml-error');
    assert.ok(yaml, JSON.stringify(report.items));
    assert.equal(yaml.range.start.line, 2);
    assert.equal(yaml.source, 'hindsight');
    assert.equal(yaml.severity, 1);
  });

  it('updates diagnostics when the document changes', async () => {
    const { uri, text } = client.open('ambiguous-zone.md');
    assert.ok(codes((await client.pull(uri)).items).includes('timeline/ambiguous-zone@11'));
    client.change(uri, 2, text.replace(/IST/g, 'UTC'));
    assert.ok(!(await client.pull(uri)).items.some((d) => d.code === 'timeline/ambiguous-zone'));
  });

  it('leaves Markdown that is not a postmortem alone', async () => {
    const { uri } = client.open('notes.md');
    assert.deepEqual((await client.pull(uri)).items, []);
  });
});

describe('server over stdio, pushed diagnostics (as Neovim)', () => {
  const client = new TestClient({ pull: false });
  before(async () => {
    const init = await client.initialize();
    assert.equal(init.capabilities.diagnosticProvider, undefined);
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('publishes diagnostics for an opened postmortem, then for each new version', async () => {
    const uri = client.open('broken-frontmatter.md').uri;
    const first = await client.nextPublish(uri);
    assert.equal(first.version, 1);
    assert.ok(codes(first.diagnostics).includes('frontmatter/yaml-error@3'), JSON.stringify(first.diagnostics));

    const next = client.nextPublish(uri);
    client.change(uri, 5, fixture('ambiguous-zone.md').text);
    const second = await next;
    assert.equal(second.version, 5);
    assert.ok(!second.diagnostics.some((d) => d.code === 'frontmatter/yaml-error'));
    assert.ok(codes(second.diagnostics).includes('timeline/ambiguous-zone@11'));

    const cleared = client.nextPublish(uri);
    client.close(uri);
    assert.deepEqual((await cleared).diagnostics, [], 'clears them when the document is closed');
  });

  it('publishes an empty list for Markdown that is not a postmortem', async () => {
    const published = await client.nextPublish(client.open('notes.md').uri);
    assert.deepEqual(published.diagnostics, []);
  });
});
