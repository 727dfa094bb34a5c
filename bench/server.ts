/**
 * Edit → diagnostics through the real language server over stdio, as an editor sees it:
 * the time from sending a one-line change to receiving the pulled diagnostics of that version.
 */
import { editLine, generatePostmortem } from './generate';
import { PULL_DIAGNOSTICS, startBenchServer } from './lspServer';
import { median } from './measure';

/** Untimed edits first: an editor's server has long been running, and its code is optimised. */
const WARMUP = 25;

export async function editToDiagnostics(
  lineCounts: readonly number[],
  runs: number,
): Promise<{ lines: number; ms: number; findings: number }[]> {
  const server = await startBenchServer({ capabilities: PULL_DIAGNOSTICS });
  const { connection } = server;
  const results = [];
  for (const lines of lineCounts) {
    const { text, proseLine } = generatePostmortem(lines);
    const uri = `file:///bench/postmortems/generated-${lines}.md`;
    const source = text.split('\n');
    await connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
    let report = await connection.sendRequest<{ items: unknown[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    const samples: number[] = [];
    for (let version = 2; version < runs + WARMUP + 2; version++) {
      const before = source[proseLine];
      source[proseLine] = editLine(before, version);
      // As an editor sends it: the server declares incremental sync, so only the changed line travels.
      const range = { start: { line: proseLine, character: 0 }, end: { line: proseLine, character: before.length } };
      const start = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: source[proseLine] }],
      });
      report = await connection.sendRequest<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
      if (version >= WARMUP + 2) samples.push(performance.now() - start);
    }
    results.push({ lines, ms: median(samples), findings: report.items.length });
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  await server.stop();
  return results;
}
