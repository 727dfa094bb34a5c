import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './client';

// The VS Code extension starts the server over node IPC; other editors use stdio (server.test.ts).
describe('server over node IPC (as the VS Code extension starts it)', () => {
  const client = new TestClient({ pull: true, transport: 'node-ipc' });
  before(async () => {
    const init = await client.initialize();
    assert.ok(init.capabilities.diagnosticProvider);
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('answers diagnostic pulls', async () => {
    const report = await client.pull(client.open('broken-frontmatter.md').uri);
    assert.ok(report.items.some((d) => d.code === 'frontmatter/yaml-error'));
  });

  it('says why a file is or is not a postmortem (hindsight/classify)', async () => {
    const postmortem = await client.classify(client.open('ambiguous-zone.md').uri);
    assert.equal(postmortem.postmortem, true);
    assert.match(postmortem.reason, /type: postmortem/);

    const notes = await client.classify(client.open('notes.md').uri);
    assert.equal(notes.postmortem, false);
    assert.match(notes.reason, /include patterns/);

    const closed = await client.classify('file:///nowhere/closed.md');
    assert.deepEqual(closed, { postmortem: false, reason: 'the file is not open in the editor' });
  });
});
