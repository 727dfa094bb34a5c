import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { codes, fixture, TestClient } from './client';

describe('hindsight.run: onSave', () => {
  const client = new TestClient({ pull: true, configuration: () => [{ run: 'onSave' }], onRefresh: () => undefined });
  before(() => client.initialize());
  after(async () => assert.equal(await client.stop(), 0));

  it('keeps the findings of the saved file while typing, and updates them on save', async () => {
    const { uri, text } = fixture('ambiguous-zone.md');
    client.open('ambiguous-zone.md');
    assert.deepEqual(
      codes((await client.pull(uri)).items).filter((c) => c.startsWith('timeline/')),
      ['timeline/ambiguous-zone@11'],
    );
    const fixed = text.replace(/IST/g, 'UTC');
    client.change(uri, 2, fixed);
    assert.deepEqual(
      codes((await client.pull(uri)).items).filter((c) => c.startsWith('timeline/')),
      ['timeline/ambiguous-zone@11'],
      'unsaved edits are not checked',
    );
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    assert.deepEqual(
      codes((await client.pull(uri)).items).filter((c) => c.startsWith('timeline/')),
      [],
      'the saved text is',
    );
  });
});
