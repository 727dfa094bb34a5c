/**
 * Single hostile lines that once took seconds (bench/hostileLines.ts finds them): every start of an
 * unclosed construct scanned to the end of the line, so time grew with the square of its length.
 * Each is checked at 500 KB, where the old scans took tens of seconds and one pass takes about one;
 * the test's own timeout, not a timing assertion, fails it if a scan per opener comes back.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { promisify } from 'node:util';
import { analyzeText } from '../../server/src/core/analyzer';
import { defaultConfig } from '../../server/src/core/config/config';
import { onlyComments } from '../../server/src/core/parse/blockCache';
import { runRules } from '../../server/src/core/rules/run';

const LINE_BYTES = 500 * 1024;
/** About ten times what one such line takes (a child process, the whole analysis) on a loaded machine. */
const TIMEOUT = { timeout: 30_000 };
const HELPER = join(__dirname, 'hostileLineTodos.ts');
const run = promisify(execFile);

/** The findings of the full analysis, as the server runs it. */
function check(text: string) {
  return runRules(analyzeText(text), defaultConfig(), { today: '2025-06-01' });
}

/**
 * Analyses `unit` repeated to 500 KB, then " TODO", in a child process that the test's timeout
 * stops (a synchronous scan in this process would finish before the timeout could fire). The
 * placeholder rule still reads the line to its end: the "TODO" after the hostile part is found.
 */
async function assertTodoFound(t: TestContext, unit: string): Promise<void> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', HELPER, unit, String(LINE_BYTES)], {
    signal: t.signal,
  });
  assert.deepEqual(JSON.parse(stdout), [{ line: 7, character: LINE_BYTES + 1 }]);
}

/** Each hostile unit, by what it is; the line repeats it to 500 KB. */
const UNITS: [name: string, unit: string][] = [
  ['unclosed "<https:" autolinks, no space between them', '<https:deploy'],
  ['unclosed "<www." autolinks', '<www.deploy'],
  ['URLs and times joined by "<", read by the timeline', 'https://e.io/p<10:42<UTC<'],
  ['unclosed "{{" placeholders', '{{deploy'],
  ['unclosed "<" before a word, a tag or placeholder never closed', '<xdeploy'],
  ['a run of "<"', '<'],
  // After an unclosed comment the line is prose again for this rule, as it was: the TODO is found.
  ['unclosed "<!--" comments', '<!--deploy'],
  // Whether such a block is only comments was a lazy pattern that backtracked 2^n ways on n comments.
  ['closed "<!-- -->" comments followed by text, one HTML block', '<!-- a -->'],
];

describe('hostile single lines are read in one pass', () => {
  for (const [name, unit] of UNITS) {
    it(name, TIMEOUT, (t) => assertTodoFound(t, unit));
  }

  it('tells an HTML block of comments alone from one with text after them', () => {
    assert.equal(onlyComments('<!-- a -->\n  <!-- b --> '), true);
    assert.equal(onlyComments('<!-- a --> text'), false);
    assert.equal(onlyComments('<!-- open'), false);
    assert.equal(onlyComments('<div>x</div>'), false);
    assert.equal(onlyComments('   '), false);
  });

  it('still skips code, closed comments and autolinks after an unclosed one', () => {
    const line = '<!-- open <https://e.io/TODO> `TODO` <https:TODO> <https:TODO no end, TODO';
    const findings = check(`---\ntitle: Mask\nstatus: published\n---\n\n# Summary\n\n${line}\n`);
    const todos = findings.filter((p) => p.code === 'placeholders/unfilled' && p.message.startsWith('"TODO"'));
    // Only the last two: after a "<https:" with no ">", no comment or autolink can close, but it is prose.
    const last = line.lastIndexOf('TODO');
    assert.deepEqual(
      todos.map((p) => p.range.start.character),
      [line.lastIndexOf('TODO', last - 1), last],
    );
  });
});
