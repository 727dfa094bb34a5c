/**
 * Docs that run: each rule's documented example is fed to the rule. The "flagged" example must give
 * exactly the documented findings, on the example's own lines; the "better" example none.
 *
 * An example is a whole document when it starts with `---`. Otherwise it is placed into a clean
 * postmortem (fixtures/rule-examples/base.md): a fragment of `key: value` lines goes into the
 * frontmatter, any other into the body (a fragment opening with `## Heading` replaces that section,
 * or is added when the base has none; one without a heading that opens with a list item or table
 * row ends the Action items for an action rule and the Timeline for any other, a row joining the
 * section's table; else it ends the Summary). A line `…` separates
 * a frontmatter fragment from a body fragment that follows it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { defaultConfig } from '../../../server/src/core/config/config';
import { RULES } from '../../../server/src/core/rules';
import type { Rule } from '../../../server/src/core/rules/rule';
import { runRules } from '../../../server/src/core/rules/run';

const BASE = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rule-examples', 'base.md'), 'utf8');
/** Far enough before the base's due dates that nothing in it is overdue. */
const TODAY = '2025-06-01';

/**
 * Rules whose findings are about the file itself, not its text, or about files beside it (a service
 * catalog): no Markdown example alone can show them. Their fixtures do.
 */
const NO_EXAMPLE_POSSIBLE = new Set(['document/binary', 'document/too-large', 'frontmatter/unknown-service']);

/**
 * Examples that do not yet give their rule's finding: most need more context than a fragment gives
 * (a timeline without a zone statement, a "today", a severity that asks for action types). Each
 * leaves this list when its example runs; one listed that starts passing fails the test, so the
 * list can only shrink.
 */
const PENDING = new Set([
  'timeline/assumed-year',
  'sections/missing',
  'timeline/missing-zone',
  'timeline/no-detection',
  'timeline/no-resolution',
  'timeline/zone-contradicts-date',
  'metrics/mismatch',
  'actions/missing-due-date',
  'actions/missing-owner',
  'actions/missing-status',
  'actions/overdue',
  'actions/required-type',
]);

/** How many findings a flagged example documents, when more than one (one per flagged line). */
const FINDINGS = new Map([['frontmatter/invalid-value', 2]]);

const KEY_VALUE = /^[A-Za-z_][\w-]*:(?:\s|$)/;

interface Composed {
  text: string;
  /** Zero-based lines that came from the example. */
  exampleLines: Set<number>;
}

/** Lines of `text` with the example's lines marked, so findings can be traced back to them. */
type Marked = { line: string; fromExample: boolean }[];
const marked = (text: string, fromExample: boolean): Marked => text.split('\n').map((line) => ({ line, fromExample }));

function intoFrontmatter(doc: Marked, fragment: string[]): Marked {
  const end = doc.findIndex((l, i) => i > 0 && l.line === '---');
  const out = [...doc];
  for (const line of fragment) {
    const key = line.split(':')[0];
    const at = out.findIndex((l, i) => i > 0 && i < end && l.line.split(':')[0] === key);
    if (at >= 0) out[at] = { line, fromExample: true };
    else out.splice(end, 0, { line, fromExample: true });
  }
  return out;
}

/**
 * The section a fragment without a heading belongs to: an action rule's rows and items to the action
 * items, other lists and tables to the timeline, prose to the summary.
 */
function sectionFor(fragment: string[], ruleId: string): string {
  if (!/^\s*(?:[-*] |\|)/.test(fragment[0])) return '## Summary';
  return ruleId.startsWith('actions/') ? '## Action items' : '## Timeline';
}

function intoBody(doc: Marked, fragment: string[], ruleId: string): Marked {
  const heading = /^## /.test(fragment[0]) ? fragment[0] : sectionFor(fragment, ruleId);
  const start = doc.findIndex((l) => l.line === heading);
  const added = marked(fragment.join('\n'), true);
  if (start < 0) return [...doc, { line: '', fromExample: false }, ...added];
  let end = doc.findIndex((l, i) => i > start && /^## /.test(l.line));
  if (end < 0) end = doc.length;
  if (heading === fragment[0])
    return [...doc.slice(0, start), ...added, { line: '', fromExample: false }, ...doc.slice(end)];
  // A table row joins the table the section ends with; anything else follows a blank line.
  let last = end - 1;
  while (last > start && doc[last].line.trim() === '') last--;
  if (fragment[0].startsWith('|') && doc[last].line.startsWith('|'))
    return [...doc.slice(0, last + 1), ...added, ...doc.slice(last + 1)];
  return [...doc.slice(0, end - 1), { line: '', fromExample: false }, ...added, ...doc.slice(end - 1)];
}

export function compose(example: string, ruleId = ''): Composed {
  let doc: Marked;
  if (example.startsWith('---')) {
    const whole = marked(example, true);
    const closes = whole.findIndex((l, i) => i > 0 && l.line === '---');
    const body = whole.slice(closes + 1).some((l) => l.line.trim() !== '');
    doc = body ? whole : [...whole, ...marked(BASE.slice(BASE.indexOf('\n---\n') + 5), false)];
  } else {
    const parts = example.split(/\n…\n/).map((part) => part.split('\n'));
    doc = marked(BASE, false);
    parts.forEach((part, index) => {
      const frontmatter = parts.length > 1 ? index === 0 : part.every((line) => KEY_VALUE.test(line));
      doc = frontmatter ? intoFrontmatter(doc, part) : intoBody(doc, part, ruleId);
    });
  }
  const exampleLines = new Set(doc.flatMap((l, i) => (l.fromExample ? [i] : [])));
  return { text: doc.map((l) => l.line).join('\n'), exampleLines };
}

function findings(rule: Rule, example: string) {
  const { text, exampleLines } = compose(example, rule.id);
  const config = defaultConfig();
  config.rules = { ...config.rules, [rule.id]: { level: rule.level === 'off' ? 'warning' : rule.level, options: {} } };
  const problems = runRules(analyzeText(text, 'file:///examples/postmortems/example.md'), config, {
    today: TODAY,
    rules: [rule],
  });
  return { problems: problems.filter((p) => p.code === rule.id), exampleLines };
}

function runsAsDocumented(rule: Rule): string | undefined {
  const { flagged, better } = rule.example!;
  const reported = findings(rule, flagged);
  const expected = FINDINGS.get(rule.id) ?? 1;
  if (reported.problems.length !== expected)
    return `flagged example gives ${reported.problems.length} findings, documented ${expected}`;
  const astray = reported.problems.find((p) => !reported.exampleLines.has(p.range.start.line));
  if (astray)
    return `flagged example gives a finding outside it, line ${astray.range.start.line + 1}: ${astray.message}`;
  const fine = findings(rule, better).problems;
  if (fine.length > 0) return `better example still gives ${fine.length} findings: ${fine[0].message}`;
  return undefined;
}

describe('documented rule examples', () => {
  it('the base postmortem the examples are placed in is clean for every rule', () => {
    const problems = runRules(analyzeText(BASE, 'file:///examples/postmortems/example.md'), defaultConfig(), {
      today: TODAY,
    });
    assert.deepEqual(
      problems.map((p) => `${p.code}@${p.range.start.line + 1}`),
      [],
    );
  });

  for (const rule of RULES) {
    if (NO_EXAMPLE_POSSIBLE.has(rule.id)) continue;
    it(`${rule.id}${PENDING.has(rule.id) ? ' (pending)' : ''}`, () => {
      assert.ok(rule.example, `${rule.id} has no example`);
      const failure = runsAsDocumented(rule);
      if (PENDING.has(rule.id)) assert.ok(failure, `${rule.id} now runs as documented: remove it from PENDING`);
      else assert.equal(failure, undefined);
    });
  }
});
