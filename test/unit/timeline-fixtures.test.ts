import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/analyzer';
import { metricsReport } from '../../server/src/cli/metricsOutput';

/**
 * Each fixture under test/fixtures/timeline is a postmortem with an `.expected.json` beside it,
 * written by reading the document by hand. Only the keys the expectation lists are compared;
 * `null` means the engine must not find that milestone or duration. `problems`, when given, is the
 * complete list expected.
 */
interface Expected {
  description: string;
  milestones?: Record<string, string | null>;
  durations?: Record<string, number | null>;
  timeline?: { line: number; time: string | null }[];
  problems?: { code: string; line: number }[];
}

const folders = ['timeline', 'bad-input', 'milestones'].map((f) => join(__dirname, '..', 'fixtures', f));

/** The expectation beside a fixture; a missing, unreadable or shapeless one is an error, never a skip. */
function readExpected(path: string): Expected {
  const expected: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof expected !== 'object' || expected === null || Array.isArray(expected)) {
    throw new Error(`${path}: expected a JSON object`);
  }
  if (typeof (expected as Expected).description !== 'string')
    throw new Error(`${path}: "description" must be a string`);
  return expected as Expected;
}

for (const folder of folders) {
  const files = readdirSync(folder).filter((f) => f.endsWith('.md'));
  describe(`fixtures: ${folder.split(/[\\/]/).pop()}`, () => {
    it('holds fixtures', () => assert.ok(files.length > 0, `no fixtures in ${folder}`));
    for (const file of files) {
      let expected: Expected;
      try {
        expected = readExpected(join(folder, file.replace(/\.md$/, '.expected.json')));
      } catch (error) {
        it(`${file}: has a readable expectation`, () =>
          assert.fail(error instanceof Error ? error.message : String(error)));
        continue;
      }
      it(`${file}: ${expected.description}`, () => {
        const text = readFileSync(join(folder, file), 'utf8');
        const report = metricsReport(file, analyzeText(text, `file:///${file}`));
        for (const [kind, time] of Object.entries(expected.milestones ?? {})) {
          const found = report.milestones[kind as keyof typeof report.milestones];
          assert.equal(
            found?.time ?? null,
            time === null ? null : time.replace('.000Z', 'Z'),
            `milestone ${kind} (found ${JSON.stringify(found)})`,
          );
        }
        for (const [name, minutes] of Object.entries(expected.durations ?? {})) {
          assert.equal(report.durations[name as keyof typeof report.durations], minutes, `duration ${name}`);
        }
        if (expected.timeline) {
          const timed = report.timeline.filter((e) => e.time !== null).map((e) => ({ line: e.line, time: e.time }));
          assert.deepEqual(
            timed,
            expected.timeline.map((e) => ({ line: e.line, time: e.time })),
            'timed timeline entries',
          );
        }
        if (expected.problems) {
          // The exact list: a problem that is not expected is a false alarm, and fails as surely as a missed one.
          const found = report.problems.map((p) => `${p.code}@${p.line}`).sort();
          assert.deepEqual(found, expected.problems.map((p) => `${p.code}@${p.line}`).sort(), 'problems');
        }
      });
    }
  });
}
