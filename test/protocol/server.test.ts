import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './client';

const codes = (items: { code: string; range: { start: { line: number } } }[]) => items.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

describe('server over stdio, pull diagnostics (as VS Code)', () => {
  const client = new TestClient();
  before(async () => {
    const init = await client.initialize(true);
    assert.ok(init.capabilities.diagnosticProvider, 'announces pull diagnostics to a client that supports them');
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('reports a broken frontmatter at its line and keeps reading the rest', async () => {
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
    assert.deepEqual(codes((await client.pull(uri)).items), ['timeline/ambiguous-zone@11']);
    client.change(uri, 2, text.replace(/IST/g, 'UTC'));
    assert.deepEqual(codes((await client.pull(uri)).items), []);
  });

  it('leaves Markdown that is not a postmortem alone', async () => {
    const { uri } = client.open('notes.md');
    assert.deepEqual((await client.pull(uri)).items, []);
  });
});

describe('server over stdio, pushed diagnostics (as Neovim)', () => {
  const client = new TestClient();
  before(async () => {
    const init = await client.initialize(false);
    assert.equal(init.capabilities.diagnosticProvider, undefined);
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('publishes diagnostics for an opened postmortem', async () => {
    const published = client.nextPublish(client.open('ambiguous-zone.md').uri);
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    assert.deepEqual(codes(diagnostics), ['timeline/ambiguous-zone@11']);
  });

  it('publishes the new version after a change', async () => {
    const { uri, text } = { uri: client.open('broken-frontmatter.md').uri, text: '' };
    await client.nextPublish(uri);
    const next = client.nextPublish(uri);
    client.change(uri, 5, `---\ntype: postmortem\ntitle: Fixed\n---\n${text}`);
    const published = await next;
    assert.equal(published.version, 5);
    assert.deepEqual(codes(published.diagnostics), []);
  });
});
