import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './client';

describe('server under hostile input', () => {
  const client = new TestClient({ pull: true });
  before(() => client.initialize());
  after(async () => assert.equal(await client.stop(), 0));

  const open = (name: string, text: string) => {
    const uri = `file:///hostile/postmortems/${name}`;
    void client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    return uri;
  };

  it('answers a 10 MB file with one clear diagnostic, and keeps serving', async () => {
    const uri = open('huge.md', '- 2024-01-01 10:00 UTC event\n'.repeat(360_000));
    const { items } = await client.pull(uri);
    assert.deepEqual(
      items.map((d) => d.code),
      ['document/too-large'],
    );
    assert.match(items[0].message, /over the 5\.0 MB limit/);
    const symbols = await client.connection.sendRequest<unknown[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    assert.deepEqual(symbols, []);
  });

  it('answers binary content with one clear diagnostic', async () => {
    const uri = open('image.md', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000');
    assert.deepEqual(
      (await client.pull(uri)).items.map((d) => d.code),
      ['document/binary'],
    );
  });

  it('survives malformed YAML, a half-written table and deep nesting in one file', async () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const uri = open(
      'mess.md',
      `---\ntitle: "open\nseverity: [\n---\n## Timeline\n| Time | Event |\n| --- |\n| 2024-0\n${deep}\n`,
    );
    const { items } = await client.pull(uri);
    assert.ok(items.some((d) => d.code === 'frontmatter/yaml-error'));
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 7, character: 3 },
    });
    assert.ok(hover === null || typeof hover === 'object');
  });
});
