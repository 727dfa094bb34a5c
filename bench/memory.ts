/**
 * Heap after the first edit and after many edits of one 10,000-line document, each edit a new
 * text, analysed and checked as the language server does. Needs --expose-gc; prints JSON.
 * Usage: node --expose-gc --import tsx bench/memory.ts [edits]
 */
import { Analyzer } from '../server/src/core/analyzer';
import { checkDocument } from '../server/src/core/check';
import { defaultConfig } from '../server/src/core/config/config';
import { editLine, generatePostmortem } from './generate';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const edits = Number(process.argv[2] ?? 1000);
const loaded = { config: defaultConfig(), error: undefined };
const { text, proseLine, tableLine } = generatePostmortem(10_000, 7);
const lines = text.split('\n');
const originals = [lines[proseLine], lines[tableLine]];
const analyzer = new Analyzer();
const uri = 'bench:memory';

/** Edit n: the prose line and the timeline row in turn, each time to a text never seen before. */
function edit(n: number): void {
  const at = n % 2 ? tableLine : proseLine;
  lines[at] = editLine(originals[n % 2], n);
  checkDocument(analyzer.analyze(uri, n + 1, lines.join('\n')), loaded);
}

function heapMB(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 1048576;
}

checkDocument(analyzer.analyze(uri, 0, text), loaded);
edit(1);
const first = heapMB();
const started = performance.now();
for (let n = 2; n <= edits; n++) edit(n);
const seconds = (performance.now() - started) / 1000;
const last = heapMB();
process.stdout.write(JSON.stringify({ edits, first, last, growth: last / first - 1, seconds }) + '\n');
