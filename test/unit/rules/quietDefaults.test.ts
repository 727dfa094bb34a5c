/**
 * The default profile on postmortems written before Hindsight: frontmatter kept by another tool
 * is not an error, and a document with the essentials gets no section finding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { applyConfig, defaultConfig } from '../../../server/src/core/config/config';
import { PRESETS } from '../../../server/src/core/config/presets';

const TEXT = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules-quiet', 'status-tool-frontmatter.md'), 'utf8');
const run = (config = defaultConfig()) =>
  checkDocument(analyzeText(TEXT), { config, error: undefined }, { today: '2025-06-01' });

describe('the default profile on frontmatter written for another tool', () => {
  it('leaves a yes/no flag and its own keys alone, reports its own severity words as a hint, no louder', () => {
    const problems = run();
    const codes = problems.map((p) => `${p.code}:${p.severity}`);
    assert.ok(!codes.some((c) => c.startsWith('frontmatter/invalid-date')), codes.join(', '));
    assert.ok(codes.includes('frontmatter/invalid-value:hint'), codes.join(', '));
    assert.ok(codes.includes('frontmatter/missing-key:hint'), codes.join(', '));
    assert.ok(!codes.some((c) => c.startsWith('frontmatter/unknown-key')), "the tool's own keys are its business");
    assert.ok(!codes.some((c) => c.startsWith('sections/')), 'summary, timeline, cause and follow-ups are all there');
    assert.ok(!codes.some((c) => c.startsWith('actions/')), 'the follow-up names its owner and date');
  });

  it('under hindsight:strict, the same words are an error and the template is held in full', () => {
    const codes = run(applyConfig(defaultConfig(), PRESETS['hindsight:strict'], 'hindsight:strict')).map(
      (p) => `${p.code}:${p.severity}`,
    );
    assert.ok(codes.includes('frontmatter/invalid-value:error'), codes.join(', '));
    assert.ok(codes.includes('sections/missing:warning'), codes.join(', '));
    assert.ok(codes.includes('frontmatter/unknown-key:warning'), codes.join(', '));
  });
});
