import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { loadConfig } from '../../../server/src/core/config/load';
import type { Problem } from '../../../server/src/core/model';
import { applyEdits } from '../../../server/src/core/text/edits';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'config', 'presets');
const TEXT = readFileSync(join(FIXTURES, 'queue-backlog.md'), 'utf8');

function findings(profile: string): Problem[] {
  return checkDocument(analyzeText(TEXT), loadConfig(join(FIXTURES, profile)), { today: '2025-04-01' });
}

const of = (problems: Problem[], code: string) => problems.filter((p) => p.code === code);

describe('presets', () => {
  it('recommended (the default): one finding for the missing essentials, empty draft sections as hints', () => {
    for (const profile of ['recommended', '.']) {
      const problems = findings(profile);
      const missing = of(problems, 'sections/missing');
      assert.equal(missing.length, 1, missing.map((p) => p.message).join('\n'));
      assert.match(missing[0].message, /a summary or the impact and the contributing factors or root cause/);
      assert.equal(missing[0].fixes?.length, 2, 'a fix for each missing section');
      const doc = analyzeText(TEXT);
      const fixed = applyEdits(
        TEXT,
        doc.lines,
        missing[0].fixes!.flatMap((f) => f.edits),
      );
      const headings = fixed.split('\n').filter((l) => l.startsWith('## '));
      assert.deepEqual(headings.slice(0, 2), ['## Summary', '## Timeline'], 'the summary goes before the timeline');
      assert.ok(headings.indexOf('## Contributing factors') < headings.indexOf('## Follow-ups'), fixed);
      assert.deepEqual(
        of(checkDocument(analyzeText(fixed), loadConfig(join(FIXTURES, profile))), 'sections/missing'),
        [],
      );
      assert.deepEqual(
        of(problems, 'sections/empty').map((p) => p.severity),
        ['hint'],
        'a draft is unfinished',
      );
      assert.deepEqual(
        of(problems, 'frontmatter/missing-key').map((p) => p.severity),
        ['hint'],
      );
      const incomplete = of(problems, 'actions/incomplete');
      assert.deepEqual(
        incomplete.map((p) => p.message),
        [
          '"Pin the broker client version in the consumer images" has no owner or due date: add an owner ' +
            'and a due date so it can be followed up.',
          '"Add a lag alert per consumer group — @queue-team" has no due date: add a due date so it can be ' +
            'followed up.',
        ],
      );
    }
  });

  it('strict: the whole default template, empty sections and missing statuses as warnings', () => {
    const problems = findings('strict');
    assert.equal(loadConfig(join(FIXTURES, 'strict')).error, undefined);
    const missing = of(problems, 'sections/missing');
    assert.ok(missing.length >= 8, missing.map((p) => p.message).join('\n'));
    assert.ok(missing.some((p) => p.message.includes('"Where we got lucky"')));
    assert.deepEqual(
      of(problems, 'sections/empty').map((p) => p.severity),
      ['warning'],
    );
    assert.deepEqual(
      of(problems, 'frontmatter/missing-key').map((p) => p.severity),
      ['warning'],
    );
    assert.match(of(problems, 'actions/incomplete')[0].message, /has no owner, due date or status/);
  });

  it('keeps the former action rule ids working: off drops a field, a level sets the merged rule', () => {
    const problems = of(findings('aliases'), 'actions/incomplete');
    assert.ok(problems.length > 0);
    for (const p of problems) {
      assert.equal(p.severity, 'error');
      assert.doesNotMatch(p.message, /owner/);
    }
    const disable = '<!-- hindsight-disable-next-line actions/missing-due-date -->';
    const silenced = `${TEXT}\n${disable}\n- Document the upgrade order\n`;
    const lines = checkDocument(analyzeText(silenced), loadConfig(join(FIXTURES, 'aliases'))).map(
      (p) => p.range.start.line,
    );
    assert.ok(
      !lines.includes(silenced.split('\n').length - 2),
      'the old id in a disable comment silences the new rule',
    );
  });

  it('names the presets that exist when a configuration extends one that does not', () => {
    const { error } = loadConfig(join(FIXTURES, 'unknown'));
    assert.match(
      error!.message,
      /extends "hindsight:loud", which is not a preset \(there are hindsight:recommended and hindsight:strict\)/,
    );
  });
});

describe('the configuration schema', () => {
  it('accepts a preset in extends', async () => {
    const { default: Ajv } = await import('ajv');
    const schema = JSON.parse(
      readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'hindsight.schema.json'), 'utf8'),
    );
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const profile of ['strict', 'recommended', 'aliases']) {
      const file = JSON.parse(readFileSync(join(FIXTURES, profile, '.hindsight.json'), 'utf8'));
      assert.ok(validate(file), JSON.stringify(validate.errors));
    }
  });
});
