import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Analyzer, analyzeText } from '../../server/src/core/analyzer';
import { defaultConfig } from '../../server/src/core/config/config';
import { runRules } from '../../server/src/core/rules/run';
import { codeLenses, documentSymbols, foldingRanges } from '../../server/src/lsp/outline';

/** Real Markdown to mutate: every fixture the project has. */
const FIXTURES = join(__dirname, '..', 'fixtures');
const seeds: string[] = [];
const walk = (dir: string) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) walk(join(dir, entry.name));
    else if (entry.name.endsWith('.md')) seeds.push(readFileSync(join(dir, entry.name), 'utf8'));
  }
};
walk(FIXTURES);

const config = defaultConfig();

/**
 * Everything a consumer does with a document; none of it may throw. Returns the CPU time it took,
 * not the wall time, so a machine busy with other work does not fail the time limits.
 */
function exercise(text: string): number {
  const start = process.cpuUsage();
  const doc = analyzeText(text);
  runRules(doc, config, { today: '2025-06-01' });
  documentSymbols({ doc });
  foldingRanges({ doc });
  codeLenses({ doc });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const PIECES = [
  '---\n',
  '---',
  'type: postmortem\n',
  'title: [x\n',
  '## Timeline\n',
  '| Time | Event |\n',
  '| --- | --- |\n',
  '| 2024-03-05 14:0',
  '|',
  '- 23:50 ',
  '- **16:58 UTC** ',
  '00:10 ',
  'IST ',
  'PST ',
  '2024-02-30 ',
  '25:99 ',
  '```\n',
  '> ',
  '<!-- hindsight-disable ',
  '-->',
  '\t',
  '\r\n',
  '\u0000',
  '\uFEFF',
  '    - ',
  '[detected] ',
  'OUTAGE BEGINS ',
  'We should have ',
  'human error ',
  'down for 66 minutes ',
  '# ',
  'Setext\n===\n',
  '<details>',
  '* [ ] ',
  '\\|',
  '`x|y`',
];

describe('bad input', () => {
  it('never throws on mutated real postmortems', () => {
    const mutation = fc.record({
      seed: fc.constantFrom(...seeds),
      cuts: fc.array(
        fc.record({
          at: fc.nat(),
          remove: fc.nat({ max: 40 }),
          insert: fc.oneof(
            fc.constantFrom(...PIECES),
            fc.string({ maxLength: 20 }),
            fc.string({ unit: 'binary', maxLength: 8 }),
          ),
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(mutation, ({ seed, cuts }) => {
        let text = seed;
        for (const cut of cuts) {
          const at = cut.at % (text.length + 1);
          text = text.slice(0, at) + cut.insert + text.slice(at + cut.remove);
        }
        exercise(text);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on random text built from Markdown pieces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })), { maxLength: 120 }),
        (parts) => void exercise(parts.join('')),
      ),
      { numRuns: 400 },
    );
  });

  it('analyses any 100 KB document in under a second', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.constantFrom(...PIECES), { minLength: 20, maxLength: 60 }),
        (seed, noise) => {
          let text = '';
          let i = 0;
          while (text.length < 100_000) text += seed + noise[i++ % noise.length];
          const ms = exercise(text.slice(0, 100_000));
          assert.ok(ms < 1000, `${ms.toFixed(0)} ms`);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('reads hostile shapes and says what is wrong', () => {
    const deep = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    assert.doesNotThrow(() => exercise(`---\ntype: postmortem\n---\n## Timeline\n${deep}\n`));
    const rows = Array.from(
      { length: 100_000 },
      (_, i) =>
        `| 2024-03-05 ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | e${i} |`,
    ).join('\n');
    const table = analyzeText(`## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n${rows}\n`);
    assert.equal(table.timeline.entries.length, 100_000, 'a 100,000-row table is read whole');
    assert.ok(
      table.problems.some((p) => p.code === 'timeline/out-of-order'),
      'and its clock going back at midnight without a date is reported',
    );
    const huge = analyzeText('x'.repeat(11 * 1024 * 1024));
    assert.match(huge.problems[0].message, /11\.0 MB, over the 5\.0 MB limit/);
    const binary = analyzeText('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR');
    assert.equal(binary.problems[0].code, 'document/binary');
    const yaml = analyzeText('---\ntitle: "open\nseverity: [\n---\n# T\n');
    assert.ok(yaml.problems.some((p) => p.code === 'frontmatter/yaml-error'));
  });

  it('gives the same answers after an edit as on a fresh read, for mutated documents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), fc.constantFrom(...PIECES), (seed, at, insert) => {
        const analyzer = new Analyzer();
        analyzer.analyze('u', 1, seed);
        const edited = seed.slice(0, at % (seed.length + 1)) + insert + seed.slice(at % (seed.length + 1));
        const incremental = analyzer.analyze('u', 2, edited);
        const fresh = analyzeText(edited, 'u');
        assert.deepEqual(
          incremental.timeline.entries.map((e) => [e.range, e.time]),
          fresh.timeline.entries.map((e) => [e.range, e.time]),
        );
        assert.deepEqual(incremental.problems, fresh.problems);
      }),
      { numRuns: 200 },
    );
  });
});
