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
 * `# expect: rule/id`). Naming a rule twice on a line expects two findings there; `rule/id@12`
 * also pins the finding's 1-based start column. Every line must carry exactly as many findings of
 * the fixture's rule as its marker names: none on an unmarked line.
 */
const ROOT = join(__dirname, '..', '..', 'fixtures', 'rules');
const TODAY = '2025-06-01';
const MARKER = /(?:<!--|#)\s*expect:\s*([\w/,@\s-]+?)\s*(?:-->|$)/;
const MARKED_ID = /^([\w/-]+?)(?:@(\d+))?$/;

function fixtures(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtures(path) : name.endsWith('.md') ? [path] : [];
  });
}

/** The findings a fixture's markers expect of one rule: one entry per finding, column when pinned. */
function expectedFindings(text: string, id: string): Finding[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    const names = (MARKER.exec(line)?.[1] ?? '').split(/[\s,]+/).filter(Boolean);
    return names.flatMap((name) => {
      const match = MARKED_ID.exec(name);
      if (!match) throw new Error(`line ${i + 1}: cannot read the expect marker "${name}"`);
      if (match[1] !== id) return [];
      return [{ line: i + 1, column: match[2] === undefined ? undefined : Number(match[2]) }];
    });
  });
}

interface Finding {
  line: number;
  column?: number;
}

/**
 * Found and expected findings as comparable text, one entry per line: `line ×count`, plus the
 * found columns the markers pin. Pinned columns are matched against the found ones on that line.
 */
function perLine(findings: Finding[], pinned: Finding[]): string[] {
  const lines = [...new Set(findings.map((f) => f.line))].sort((a, b) => a - b);
  return lines.map((line) => {
    const here = findings.filter((f) => f.line === line);
    const wanted = pinned.filter((f) => f.line === line && f.column !== undefined).map((f) => f.column!);
    const columns = here.map((f) => f.column).filter((c): c is number => c !== undefined && wanted.includes(c));
    const shown = [...new Set(columns)].sort((a, b) => a - b);
    return `line ${line} ×${here.length}${shown.length > 0 ? ` at columns ${shown.join(',')}` : ''}`;
  });
}

function check(path: string, text: string) {
  return checkDocument(analyzeText(text, `file://${path}`), loadConfig(dirname(path)), { today: TODAY });
}

const files = fixtures(ROOT);

describe('rule fixtures', () => {
  for (const path of files) {
    const id = relative(ROOT, path).replace(/\\/g, '/').replace(/\.md$/, '');
    const rule = RULES_BY_ID.get(id);
    it(`${id}: reports exactly the marked findings${rule?.fixable ? ', and its fixes leave nothing to report' : ''}`, () => {
      assert.ok(rule, `no rule named ${id} for fixture ${path}`);
      const text = readFileSync(path, 'utf8');
      const problems = check(path, text).filter((p) => p.code === id);
      const expected = expectedFindings(text, id);
      const found = problems.map((p) => ({ line: p.range.start.line + 1, column: p.range.start.character + 1 }));
      assert.deepEqual(perLine(found, expected), perLine(expected, expected));
      assert.ok(expected.length > 0, 'a fixture marks at least one finding');
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
    // document/* rules refuse files (binary, over 5 MB) that do not belong in a fixture folder; CLI tests cover them.
    assert.deepEqual(
      RULES.map((r) => r.id).filter((id) => !covered.has(id) && !id.startsWith('document/')),
      [],
    );
  });
});
