import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './client';

describe('highlighting over stdio', () => {
  const client = new TestClient({ pull: true });
  let legend: { tokenTypes: string[] };
  const tokens = (uri: string) =>
    client.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });

  before(async () => {
    const init = await client.initialize();
    legend = (init.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend;
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('declares its token types', () => {
    assert.ok(legend.tokenTypes.includes('postmortemSeverity'), legend.tokenTypes.join(', '));
  });

  it('highlights a postmortem', async () => {
    const { uri, text } = client.open('features.md');
    const { data } = await tokens(uri);
    assert.ok(data.length > 0);
    // The first token is the zone the timeline declares: "All times in UTC."
    const line = text.split('\n').indexOf('All times in UTC.');
    assert.deepEqual(data.slice(0, 4), [line, 13, 3, legend.tokenTypes.indexOf('postmortemZone')]);
  });

  it('leaves other Markdown alone, whatever it mentions', async () => {
    const { uri } = client.open('readme-not-postmortem.md');
    assert.deepEqual((await tokens(uri)).data, []);
  });
});
