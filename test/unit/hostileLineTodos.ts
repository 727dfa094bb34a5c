/**
 * Helper of hostileLines.test.ts, run as a child process so the test's timeout can stop it:
 * analyses a published postmortem whose summary is `unit` repeated to `bytes`, then " TODO", and
 * prints the start of each "TODO" placeholder found, as JSON.
 * Usage: node --import tsx test/unit/hostileLineTodos.ts <unit> <bytes>
 */
import { analyzeText } from '../../server/src/core/analyzer';
import { defaultConfig } from '../../server/src/core/config/config';
import { runRules } from '../../server/src/core/rules/run';

const [unit, bytes] = [process.argv[2], Number(process.argv[3])];
const line = unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
const head = '---\ntitle: Hostile\nstatus: published\n---\n\n# Summary\n\n';
const text = `${head}${line} TODO\n\n## Timeline\n\n- 10:00 UTC start\n`;
const todos = runRules(analyzeText(text), defaultConfig(), { today: '2025-06-01' })
  .filter((p) => p.code === 'placeholders/unfilled' && p.message.startsWith('"TODO"'))
  .map((p) => p.range.start);
process.stdout.write(JSON.stringify(todos));
