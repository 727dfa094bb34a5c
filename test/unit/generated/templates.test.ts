/**
 * What Hindsight writes passes Hindsight: a new postmortem from each built-in template, filled in as
 * "New Postmortem…" fills it, opens with no warning or error (hints are the draft's to-do list).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fillTemplate } from '../../../client/src/newPostmortem/create';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config/config';
import { PRESETS } from '../../../server/src/core/config/presets';
import { applyConfig } from '../../../server/src/core/config/config';

const TEMPLATES = join(__dirname, '..', '..', '..', 'templates');
const names = readdirSync(TEMPLATES)
  .filter((n) => n.endsWith('.md'))
  .map((n) => n.replace(/\.md$/, ''));

function fresh(name: string): string {
  const values = {
    template: name,
    title: 'Checkout errors after the gateway deploy',
    severity: 'SEV2',
    date: '2025-06-18',
    id: 'INC-20250618-checkout',
    authors: ['Ada Lovelace'],
  };
  return fillTemplate(readFileSync(join(TEMPLATES, `${name}.md`), 'utf8'), values);
}

describe('a new postmortem from each template', () => {
  it('covers every template in templates/', () => assert.ok(names.length >= 5, names.join(', ')));

  for (const name of names) {
    it(`${name}: no warning or error, only hints, and none of them a blameless finding`, () => {
      const text = fresh(name);
      const problems = checkDocument(
        analyzeText(text, `file:///repo/postmortems/${name}.md`),
        { config: defaultConfig(), error: undefined },
        { today: '2025-06-18' },
      );
      const loud = problems.filter((p) => p.severity !== 'hint');
      assert.deepEqual(
        loud.map((p) => `${p.range.start.line + 1} ${p.code}: ${p.message}`),
        [],
      );
      assert.ok(
        problems.some((p) => p.code === 'sections/empty'),
        'the empty sections are still listed, as hints',
      );
      assert.ok(!problems.some((p) => p.code.startsWith('blameless/')));
    });

    it(`${name}: under hindsight:strict, only the empty sections a draft has yet to fill`, () => {
      const strict = applyConfig(defaultConfig(), PRESETS['hindsight:strict'], 'hindsight:strict');
      const problems = checkDocument(
        analyzeText(fresh(name), `file:///repo/postmortems/${name}.md`),
        { config: strict, error: undefined },
        { today: '2025-06-18' },
      );
      const codes = [...new Set(problems.filter((p) => p.severity !== 'hint').map((p) => p.code))];
      assert.deepEqual(
        codes.filter((c) => c !== 'sections/empty'),
        [],
      );
    });
  }
});
