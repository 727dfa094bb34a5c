import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { loadConfig } from '../../../server/src/core/config/load';
import { RULES, RULES_BY_ID } from '../../../server/src/core/rules';
import { applyEdits } from '../../../server/src/core/text/edits';

/**
 * One fixture a rule: test/fixtures/rules/<family>/<name>.md is the fixture of rule <family>/<name>.
 * A line that must carry a finding of a rule ends with `<!-- expect: rule/id -->` (in frontmatter:
 * `# expect: rule/id`); every other line must carry none of that rule's findings.
 */
const ROOT = join(__dirname, '..', '..', 'fixtures', 'rules');
const TODAY = '2025-06-01';
const MARKER = /(?:<!--|#)\s*expect:\s*([\w/,\s-]+?)\s*(?:-->|$)/;

function fixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtures(path) : name.endsWith('.md') ? [path] : [];
  });
}

function expectedLines(text: string, id: string): number[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ ids: (MARKER.exec(line)?.[1] ?? '').split(/[\s,]+/), line: i + 1 }))
    .filter(({ ids }) => ids.includes(id))
    .map(({ line }) => line);
}

function check(path: string, text: string) {
  return checkDocument(analyzeText(text, `file://${path}`), loadConfig(dirname(path)), { today: TODAY });
}

const files = fixtures(ROOT);

describe('rule fixtures', () => {
  for (const path of files) {
    const id = relative(ROOT, path).replace(/\\/g, '/').replace(/\.md$/, '');
    const rule = RULES_BY_ID.get(id);
    it(`${id}: reports exactly the marked lines${rule?.fixable ? ', and its fixes leave nothing to report' : ''}`, () => {
      assert.ok(rule, `no rule named ${id} for fixture ${path}`);
      const text = readFileSync(path, 'utf8');
      const problems = check(path, text).filter((p) => p.code === id);
      assert.deepEqual([...new Set(problems.map((p) => p.range.start.line + 1))].sort((a, b) => a - b), expectedLines(text, id));
      assert.ok(expectedLines(text, id).length > 0, 'a fixture marks at least one finding');
      if (rule.fixable) {
        const edits = problems.flatMap((p) => p.fixes?.[0]?.edits ?? []);
        assert.ok(edits.length > 0, 'a fixable rule offers a fix in its fixture');
        const doc = analyzeText(text);
        const fixed = applyEdits(text, doc.lines, edits);
        const unfixable = problems.filter((p) => !p.fixes?.length).length;
        assert.equal(check(path, fixed).filter((p) => p.code === id).length, unfixable, `after the fixes:\n${fixed}`);
      }
    });
  }

  it('every rule has a fixture', () => {
    const covered = new Set(files.map((f) => relative(ROOT, f).replace(/\\/g, '/').replace(/\.md$/, '')));
    // document/* rules refuse files (binary, over 5 MB) that do not belong in a fixture folder; the CLI tests cover them.
    assert.deepEqual(RULES.map((r) => r.id).filter((id) => !covered.has(id) && !id.startsWith('document/')), []);
  });
});
