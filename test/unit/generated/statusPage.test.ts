/**
 * What Hindsight writes passes Hindsight: the status page draft of every fixture and example
 * postmortem, checked as a document of its own, has no warning or error and no blameless finding.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config/config';
import { draftStatusUpdate } from '../../../server/src/core/statusPage';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCES = [
  ...readdirSync(join(ROOT, 'test', 'fixtures', 'status-page')).map((n) =>
    join(ROOT, 'test', 'fixtures', 'status-page', n),
  ),
  ...readdirSync(join(ROOT, 'examples'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => join(ROOT, 'examples', n)),
];

describe('the status page draft', () => {
  for (const path of SOURCES.filter((p) => p.endsWith('.md'))) {
    it(`of ${path.slice(ROOT.length + 1)} opens with hints only`, () => {
      const source = analyzeText(readFileSync(path, 'utf8'), `file://${path}`);
      const markdown = draftStatusUpdate(source);
      const problems = checkDocument(analyzeText(markdown, 'untitled:status-update.md'), {
        config: defaultConfig(),
        error: undefined,
      });
      assert.deepEqual(
        problems.filter((p) => p.severity !== 'hint').map((p) => `${p.code}: ${p.message}`),
        [],
        markdown,
      );
      assert.ok(
        !problems.some((p) => p.code.startsWith('blameless/') || p.code === 'actions/vigilance-remedy'),
        markdown,
      );
    });
  }
});
