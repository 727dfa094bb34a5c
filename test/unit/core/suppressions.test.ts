import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { defaultConfig } from '../../../server/src/core/config/config';
import { runRules } from '../../../server/src/core/rules/run';

it('honours disable, enable, next-line, line and file directives, by rule or family, and not inside code', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'core', 'suppressions.md'), 'utf8');
  const found = (t: string) =>
    runRules(analyzeText(t), defaultConfig())
      .filter((p) => p.code.startsWith('blameless/'))
      .map((p) => `${p.range.start.line + 1}:${p.code}`)
      .sort();
  assert.deepEqual(found(text), ['11:blameless/counterfactual', '13:blameless/human-error', '3:blameless/human-error']);
  assert.deepEqual(found(`<!-- hindsight-disable-file blameless/human-error -->\n${text}`), [
    '12:blameless/counterfactual',
  ]);
  assert.deepEqual(found(`<!-- hindsight-disable-file -->\n${text}`), []);
});
