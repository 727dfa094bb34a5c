/** The templates in templates/: each satisfies its own built-in template, with blameless prompts. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config/config';
import { BUILTIN_TEMPLATES } from '../../../server/src/core/config/templates';

const FOLDER = join(__dirname, '..', '..', '..', 'templates');
const FRONTMATTER = [
  'type',
  'id',
  'title',
  'date',
  'severity',
  'status',
  'authors',
  'services',
  'template',
  'started',
  'detected',
  'acknowledged',
  'mitigated',
  'resolved',
];

describe('shipped templates', () => {
  it('are exactly the built-in templates, one file each', () => {
    const files = readdirSync(FOLDER)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3));
    assert.deepEqual(files.sort(), Object.keys(BUILTIN_TEMPLATES).sort());
  });

  for (const name of Object.keys(BUILTIN_TEMPLATES)) {
    describe(name, () => {
      const text = readFileSync(join(FOLDER, `${name}.md`), 'utf8');
      const doc = analyzeText(text, `file:///repo/templates/${name}.md`);
      const problems = checkDocument(doc, { config: defaultConfig(), error: undefined });

      it('has the frontmatter a postmortem needs, naming its own template', () => {
        assert.ok(doc.frontmatter);
        assert.deepEqual(doc.frontmatter.errors, []);
        for (const key of FRONTMATTER) assert.ok(doc.frontmatter.fields.has(key), `${name} has ${key}`);
        assert.equal(doc.frontmatter.data.type, 'postmortem');
        assert.equal(doc.frontmatter.data.template, name);
        assert.ok(!problems.some((p) => p.code.startsWith('frontmatter/')), problems.map((p) => p.message).join('\n'));
      });

      it('has every section its template requires', () => {
        const missing = problems.filter((p) => p.code === 'sections/missing');
        assert.deepEqual(
          missing.map((p) => p.message),
          [],
        );
      });

      it('prompts blamelessly, and is not itself reported as blaming', () => {
        assert.deepEqual(
          problems.filter((p) => p.code.startsWith('blameless/')).map((p) => p.message),
          [],
        );
        const prompts = [...text.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1]);
        assert.ok(
          prompts.length >= doc.sections.filter((s) => s.depth === 2).length - 1,
          'a prompt for (nearly) every section',
        );
        assert.ok(!/\bwho (caused|broke|is to blame|was responsible)|\bwhose fault|\bblame\b/i.test(text));
        if (doc.sections.some((s) => s.kinds.includes('contributing-factors')))
          assert.ok(text.includes('What were the contributing factors?'));
        if (doc.sections.some((s) => s.kinds.includes('where-we-got-lucky')))
          assert.ok(text.includes('Where did we get lucky?'));
      });
    });
  }
});
