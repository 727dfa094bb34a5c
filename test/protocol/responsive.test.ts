/**
 * The server stays responsive: while a 1 MB postmortem is being analysed for diagnostics, a hover
 * on another, small document is answered first. Ordering is read from the answers themselves:
 * no sleeps, no timing thresholds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './client';

/** About 1 MB of postmortem: prose paragraphs and a long timeline, every line different. */
function largePostmortem(): string {
  const lines = [
    '---',
    'type: postmortem',
    'title: Storage latency',
    'date: 2025-05-02',
    '---',
    '',
    '# Storage latency',
    '',
  ];
  for (let section = 0; lines.join('\n').length < 1_048_576; section++) {
    lines.push(`## Notes ${section}`, '');
    for (let p = 0; p < 20; p++) {
      lines.push(
        `Replica ${section}-${p} lagged by ${section * 7 + p} seconds while the compaction job ${p} ran on volume ${section}; the read path retried and queued requests behind it.`,
        '',
      );
    }
    lines.push('| Time | Event |', '| --- | --- |');
    for (let row = 0; row < 40; row++)
      lines.push(
        `| 2025-05-02 ${String(row % 24).padStart(2, '0')}:${String((section + row) % 60).padStart(2, '0')} | Volume ${section} latency at ${row * 3 + section} ms |`,
      );
    lines.push('');
  }
  return lines.join('\n');
}

describe('a large document does not hold up requests on other documents', () => {
  const client = new TestClient({ pull: true });
  before(() => client.initialize());
  after(async () => assert.equal(await client.stop(), 0));

  it('answers a hover on a small document before the diagnostics of a 1 MB one', async () => {
    const small = client.open('features.md');
    // The small document is analysed once first, as it would be in an editor already showing it.
    await client.pull(small.uri);

    const bigUri = 'file:///responsive/postmortems/large.md';
    const text = largePostmortem();
    assert.ok(text.length >= 1_048_576);
    void client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text },
    });

    const order: string[] = [];
    const diagnostics = client.pull(bigUri).then((report) => (order.push('large diagnostics'), report));
    // Sent after the diagnostic request, so the server has started on the large document.
    const hover = client.connection
      .sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: small.uri },
        position: { line: 22, character: 4 },
      })
      .then((answer) => (order.push('small hover'), answer));

    const [report, answer] = await Promise.all([diagnostics, hover]);
    assert.deepEqual(order, ['small hover', 'large diagnostics']);
    assert.match(answer?.contents.value ?? '', /2025-03-04/, 'the hover is a real answer about the small document');
    assert.ok(report.items.length > 0, 'and the large document is analysed in the end');
  });
});
