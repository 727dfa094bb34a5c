/** snippets/postmortem.code-snippets: expanded as VS Code would with every default, then read by the engine. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config/config';
import { BUILTIN_TEMPLATES } from '../../../server/src/core/config/templates';
import type { PostmortemDocument } from '../../../server/src/core/model';
import { applyEdits } from '../../../server/src/core/text/edits';

interface Snippet {
  prefix: string;
  body: string | string[];
  description: string;
}

const FILE = join(__dirname, '..', '..', '..', 'snippets', 'postmortem.code-snippets');
const snippets = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Snippet>;
const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));

/** What VS Code would insert at 14:51 local time on 2024-03-05, `offset` from UTC, accepting every default. */
function expand(prefix: string, offset = '+01:00'): string {
  const snippet = byPrefix.get(prefix);
  assert.ok(snippet, `a snippet with prefix ${prefix}`);
  const variables: Record<string, string> = {
    CURRENT_YEAR: '2024',
    CURRENT_MONTH: '03',
    CURRENT_DATE: '05',
    CURRENT_HOUR: '14',
    CURRENT_MINUTE: '51',
    CURRENT_SECOND: '07',
    CURRENT_TIMEZONE_OFFSET: offset,
  };
  return resolve(Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body, variables);
}

/** Resolves tab stops, placeholders (to their defaults), choices (to the first) and variables. */
function resolve(body: string, variables: Record<string, string>): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '\\' && i + 1 < body.length) {
      out += body[i + 1];
      i += 2;
    } else if (ch === '$' && body[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      for (; j < body.length && depth > 0; j++) {
        if (body[j] === '\\') j++;
        else if (body[j] === '{') depth++;
        else if (body[j] === '}') depth--;
      }
      out += resolveInner(body.slice(i + 2, j - 1), variables);
      i = j;
    } else if (ch === '$' && /[0-9A-Z_]/i.test(body[i + 1] ?? '')) {
      const name = /^[0-9]+|^[A-Z_][A-Z_0-9]*/i.exec(body.slice(i + 1))![0];
      if (!/^[0-9]/.test(name)) {
        assert.ok(name in variables, `known variable ${name}`);
        out += variables[name];
      }
      i += 1 + name.length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function resolveInner(inner: string, variables: Record<string, string>): string {
  const m = /^([0-9]+|[A-Z_][A-Z_0-9]*)(?::([\s\S]*)|\|([\s\S]*)\|)?$/i.exec(inner);
  assert.ok(m, `a well-formed \${${inner}}`);
  const [, name, fallback, choices] = m;
  if (choices !== undefined) return choices.split(',')[0];
  if (/^[A-Z_]/i.test(name)) {
    assert.ok(name in variables, `known variable ${name}`);
    return variables[name];
  }
  return fallback === undefined ? '' : resolve(fallback, variables);
}

const analyse = (text: string): PostmortemDocument =>
  analyzeText(text, 'file:///repo/postmortems/2024-03-05-snippets.md');

describe('snippets', () => {
  it('each have a unique prefix, a body and a description', () => {
    assert.ok(Object.keys(snippets).length >= 15);
    for (const [name, s] of Object.entries(snippets)) {
      assert.match(s.prefix, /^pm-[a-z-]+$/, name);
      assert.ok(
        typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')),
        name,
      );
      assert.ok(typeof s.description === 'string' && s.description.startsWith('Hindsight: '), name);
    }
    assert.equal(byPrefix.size, Object.keys(snippets).length, 'prefixes are unique');
  });

  it('include a section snippet for every section of the incident template', () => {
    for (const requirement of BUILTIN_TEMPLATES.incident.sections) {
      const found = [...byPrefix.keys()].filter((p) =>
        analyse(expand(p)).sections.some((s) => s.kinds.some((k) => requirement.kinds.includes(k))),
      );
      assert.ok(found.length > 0, `a snippet for ${requirement.heading}`);
    }
  });

  it('expand to frontmatter the engine reads', () => {
    const doc = analyse(`${expand('pm-frontmatter')}\n# Checkout errors\n`);
    assert.ok(doc.frontmatter);
    assert.deepEqual(doc.frontmatter.errors, []);
    assert.equal(doc.frontmatter.data.type, 'postmortem');
    assert.equal(doc.frontmatter.data.id, 'INC-20240305');
    assert.equal(doc.frontmatter.data.severity, 'SEV2');
    assert.equal(doc.frontmatter.data.template, 'incident');
    const codes = checkDocument(doc, { config: defaultConfig(), error: undefined }).map((p) => p.code);
    assert.ok(!codes.some((c) => c.startsWith('frontmatter/')), codes.join(', '));
  });

  it('stamp timeline rows with the local time and its offset, read as an exact instant', () => {
    for (const [offset, utc] of [
      ['+01:00', '2024-03-05T13:51:00.000Z'],
      ['+00:00', '2024-03-05T14:51:00.000Z'],
      ['-07:00', '2024-03-05T21:51:00.000Z'],
      ['+05:30', '2024-03-05T09:21:00.000Z'],
    ]) {
      const table = expand('pm-timeline', offset).trimEnd();
      const doc = analyse(`${table}\n${expand('pm-row', offset)}\n`);
      assert.equal(doc.timeline.entries.length, 2, offset);
      for (const entry of doc.timeline.entries) {
        assert.equal(new Date(entry.time!).toISOString(), utc, offset);
        assert.equal(entry.confidence, 'exact');
        assert.equal(entry.text.startsWith('What was observed or done'), true, entry.text);
      }
    }
  });

  it('rows stamped in local time become UTC through the mixed-zones quick fix', () => {
    const table = expand('pm-timeline')
      .trimEnd()
      .replace(/\n[^\n]*$/, '\n| 2024-03-05 13:40 UTC | Deploy starts | x |');
    const doc = analyse(`${table}\n${expand('pm-row')}\n`);
    const mixed = checkDocument(doc, { config: defaultConfig(), error: undefined }).find(
      (p) => p.code === 'timeline/mixed-zones',
    );
    assert.ok(mixed?.fixes?.[0]);
    const fixed = applyEdits(doc.text, doc.lines, mixed.fixes[0].edits);
    assert.match(fixed, /^\| 2024-03-05 13:51 UTC \| What was observed or done \|/m);
  });

  it('expand to action items with every field', () => {
    const table = expand('pm-actions').trimEnd();
    const doc = analyse(`${table}\n${expand('pm-action')}\n`);
    assert.equal(doc.actionItems.length, 2);
    for (const item of doc.actionItems) {
      assert.equal(item.action.text, 'Add what will change, starting with a verb');
      assert.equal(item.owner?.text, '@owner');
      assert.equal(item.dueDate, '2024-03-05');
      assert.equal(item.state, 'open');
      assert.equal(item.type?.text, 'prevent');
    }
  });

  it('together make an incident postmortem with every section and no blame', () => {
    const order = [
      'pm-summary',
      'pm-impact',
      'pm-timeline',
      'pm-detection',
      'pm-response',
      'pm-factors',
      'pm-resolution',
      'pm-went-well',
      'pm-improve',
      'pm-lucky',
      'pm-actions',
      'pm-lessons',
    ];
    const text = [expand('pm-frontmatter'), '# Checkout errors', '', ...order.map((p) => expand(p))].join('\n');
    const doc = analyse(text);
    const problems = checkDocument(doc, { config: defaultConfig(), error: undefined }, { today: '2024-03-05' });
    const codes = problems.map((p) => p.code);
    assert.ok(!codes.includes('sections/missing'), codes.join(', '));
    assert.ok(!codes.some((c) => c.startsWith('blameless/')), codes.join(', '));
    assert.ok(!codes.some((c) => c.startsWith('actions/')), codes.join(', '));
  });
});
