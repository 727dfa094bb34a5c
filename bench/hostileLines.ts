/**
 * Hostile single lines and shapes, timed through the full analysis the language server runs
 * (`analyzeText`, then `runRules` with the default configuration). Each case is built at its full
 * size and at a quarter of it, each in a child process of its own cut off after a timeout, so one
 * stall cannot hide the others; time that grows much more than 4× from the quarter to the whole
 * is worse than linear, which a loaded machine cannot fake.
 *
 *   node --import tsx bench/hostileLines.ts                  every case: CPU ms at 1/4 and full size
 *   node --import tsx bench/hostileLines.ts "<case>" [bytes]  one case, once (add --cpu-prof to profile:
 *     node --cpu-prof --import tsx bench/hostileLines.ts "<case>")
 *   HOSTILE_TIMEOUT_MS sets the cut-off (default 30000); HOSTILE_FILTER=text keeps the cases naming it.
 *
 * Cases: 100 KB of tokens joined by one separator (each of - . _ / : @ # * ` ~ | \ [ ( <, digits and
 * spaces; plain words, then words with times, URLs and addresses); 100 KB runs of one character;
 * deeply nested lists and quotes; a 5 MB line; 50,000 table rows; CRLF and lone CR line ends; NUL
 * bytes (refused when in the first 64 KB, so also past it). "SLOW" marks over 1 s per 100 KB or
 * growth over 8× for 4× the size.
 */
import { spawnSync } from 'node:child_process';
import { analyzeText } from '../server/src/core/analyzer';
import { defaultConfig } from '../server/src/core/config/config';
import { runRules } from '../server/src/core/rules/run';

const KB100 = 100 * 1024;
/** Just under the 5 MB past which a file is refused unread, so the line is analysed. */
const FIVE_MB = 5 * 1024 * 1024 - 1024;
/** Published, so rules that wait for review or publication (placeholders, say) run too. */
const HEAD = [
  '---',
  'type: postmortem',
  'title: Hostile line',
  'date: 2025-03-04',
  'severity: SEV2',
  'status: published',
  'template: incident',
  'timezone: UTC',
  'started: 2025-03-04T14:02:00Z',
  'resolved: 2025-03-04T15:08:00Z',
  '---',
  '',
  '# Summary',
  '',
  '',
].join('\n');
const TAIL = '\n\n## Timeline\n\n- 10:00 UTC start\n';

/** Letters only, varied so no regular expression sees one repeated token. */
const WORDS = ['deploy', 'cache', 'x', 'Node', 'api', 'rollback', 'db', 'on', 'Engineer', 'queue', 'ab', 'http'];
/** What a pasted log holds: times, zones, URLs, addresses, a scheme alone; no spaces. */
const MIXED = ['a', 'deploy', 'x1', '10:42', 'UTC', 'https://e.io/p', 'www.e.io', 'ops@e.io', 'mailto:x', 'the'];

/** Tokens joined by `joiner(i)` until the line reaches `bytes` characters. */
function joined(bytes: number, joiner: (i: number) => string, words = WORDS): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const piece = words[i % words.length] + joiner(i);
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('').slice(0, bytes);
}

/** `count` lines from `line(i)`, as many as fit in `bytes`. */
function lines(bytes: number, line: (i: number) => string, eol = '\n'): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    parts.push(line(i));
    size += parts[i].length + eol.length;
  }
  return parts.join(eol);
}

const doc = (body: string) => HEAD + body + TAIL;
const SEPARATORS = ['-', '.', '_', '/', ':', '@', '#', '*', '`', '~', '|', '\\', '[', '(', '<', ' '];
/** Openers of inline constructs, repeated with no closer: each start must not scan the rest of the line. */
const OPENERS = ['<!--', '<https:', '<www.', '<a@b', '{{', '<your ', '<a ', '[a](', '![a', '``', '**', '<x', '](<'];
const RUNS = ['a', '-', '.', '_', '/', ':', '@', '#', '*', '`', '~', '|', '\\', '[', '(', '<', ' ', '!', '>', '0'];

interface Case {
  /** Full size in characters of the hostile part. */
  bytes: number;
  make: (bytes: number) => string;
}

const hundredKb = (make: (bytes: number) => string): Case => ({ bytes: KB100, make });
const tableRow = (i: number) => `| 10:${String(i % 60).padStart(2, '0')} | row ${i} |`;

/** Every case by name. */
export const CASES: Record<string, Case> = {
  ...Object.fromEntries(SEPARATORS.map((s) => [`words joined by "${s}"`, hundredKb((n) => doc(joined(n, () => s)))])),
  'words joined by digits': hundredKb((n) => doc(joined(n, (i) => String(i % 10)))),
  ...Object.fromEntries(
    SEPARATORS.map((s) => [`log tokens joined by "${s}"`, hundredKb((n) => doc(joined(n, () => s, MIXED)))]),
  ),
  'log tokens joined by digits': hundredKb((n) => doc(joined(n, (i) => String(i % 10), MIXED))),
  ...Object.fromEntries(
    OPENERS.map((o) => [`unclosed "${o}" and a word`, hundredKb((n) => doc(joined(n, () => '', [o + 'deploy'])))]),
  ),
  ...Object.fromEntries(RUNS.map((c) => [`run of "${c}"`, hundredKb((n) => doc(c.repeat(n)))])),
  'nested list on one line': hundredKb((n) => doc('- '.repeat(n / 2) + 'item')),
  'nested list, each line deeper': hundredKb((n) => doc(lines(n, (i) => `${'  '.repeat(i % 300)}- item ${i}`))),
  'nested quotes on one line': hundredKb((n) => doc('> '.repeat(n / 2) + 'quoted')),
  'nested quotes and lists mixed': hundredKb((n) => doc('> - 1. '.repeat(n / 7) + 'x')),
  'a 5 MB line of words': { bytes: FIVE_MB, make: (n) => doc(joined(n, () => ' ')) },
  'a 5 MB line joined by "."': { bytes: FIVE_MB, make: (n) => doc(joined(n, () => '.')) },
  '50,000 table rows': {
    bytes: 50_000 * 20,
    make: (n) => doc('| time | event |\n| --- | --- |\n' + lines(n, tableRow)),
  },
  'CRLF line ends': hundredKb((n) => doc(lines(n, (i) => `The deploy ${i} was rolled back.`)).replace(/\n/g, '\r\n')),
  'lone CR line ends': hundredKb((n) => doc(lines(n, (i) => `Line ${i} of text.`, '\r'))),
  'NUL bytes': hundredKb((n) => doc(joined(n, (i) => (i % 3 ? '\0' : ' ')))),
  'NUL bytes past the first 64 KB': hundredKb((n) =>
    doc(joined(70 * 1024, () => ' ') + '\n\n' + joined(n, (i) => (i % 3 ? '\0' : ' '))),
  ),
};

/** CPU milliseconds of the full analysis of one document, after warming the code on a small one of its kind. */
function timeOne(make: (bytes: number) => string, bytes: number): number {
  const config = defaultConfig();
  runRules(analyzeText(make(2_000)), config, { today: '2025-06-01' });
  const text = make(bytes);
  const start = process.cpuUsage();
  runRules(analyzeText(text), config, { today: '2025-06-01' });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** One case at one size in a child process: CPU ms, or a reason it has none. */
function timeInChild(name: string, bytes: number, timeoutMs: number): number | string {
  const run = spawnSync(process.execPath, [...process.execArgv, __filename, name, String(bytes)], {
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  const ms = Number.parseFloat(run.stdout);
  if (run.status === 0 && Number.isFinite(ms)) return ms;
  if (run.signal) return `> ${timeoutMs / 1000} s`;
  return `failed: ${run.stderr.trim().split('\n').slice(-1)[0]}`;
}

function runAll(): void {
  const timeoutMs = Number(process.env.HOSTILE_TIMEOUT_MS ?? 30_000);
  const filter = process.env.HOSTILE_FILTER ?? '';
  const show = (t: number | string) => (typeof t === 'number' ? `${t.toFixed(0)} ms` : t).padStart(10);
  console.log(`${'case'.padEnd(34)} ${'size'.padStart(8)} ${'at 1/4'.padStart(10)} ${'whole'.padStart(10)}  growth`);
  for (const [name, { bytes }] of Object.entries(CASES).filter(([n]) => n.includes(filter))) {
    const quarter = timeInChild(name, Math.floor(bytes / 4), timeoutMs);
    const whole = timeInChild(name, bytes, timeoutMs);
    const growth = typeof quarter === 'number' && typeof whole === 'number' ? whole / Math.max(quarter, 1) : undefined;
    const slow = typeof whole !== 'number' || whole / (bytes / KB100) > 1000 || (growth !== undefined && growth > 8);
    const size = bytes >= 1024 * 1024 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
    const grew = growth === undefined ? '' : `${growth.toFixed(1)}×`;
    console.log(
      `${name.padEnd(34)} ${size.padStart(8)} ${show(quarter)} ${show(whole)}  ${grew.padStart(6)}` +
        (slow ? '  SLOW' : ''),
    );
  }
}

if (require.main === module) {
  const [name, bytes] = process.argv.slice(2);
  if (name === undefined) runAll();
  else {
    const chosen = CASES[name];
    if (!chosen) throw new Error(`no case "${name}"; known: ${Object.keys(CASES).join(', ')}`);
    process.stdout.write(`${timeOne(chosen.make, bytes === undefined ? chosen.bytes : Number(bytes))}\n`);
  }
}
