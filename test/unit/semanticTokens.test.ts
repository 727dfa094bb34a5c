/**
 * Highlighting of postmortems by semantic tokens (server/src/lsp/semanticTokens.ts): what is highlighted in prose,
 * headings, lists and tables, what never is (code, comments, links, frontmatter, look-alikes), and the LSP encoding.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/analyzer';
import { highlightTokens, semanticTokens, SEMANTIC_TOKENS_LEGEND } from '../../server/src/lsp/semanticTokens';

const HEAD = '---\ntype: postmortem\ntitle: Checkout outage\n---\n\n';

/** Each token as `text=type`, in document order. */
function highlighted(body: string): string[] {
  const text = HEAD + body;
  const doc = analyzeText(text, 'file:///w/postmortems/outage.md');
  const lines = text.split('\n');
  return highlightTokens(doc).map(
    (t) => `${lines[t.line].slice(t.character, t.character + t.length)}=${t.type.replace('postmortem', '')}`,
  );
}

describe('semantic tokens', () => {
  it('marks a timestamp as date, time and zone, in prose and in a table cell', () => {
    assert.deepEqual(highlighted('2024-03-05 14:51 UTC checkout errors rise\n'), [
      '2024-03-05=Date',
      '14:51=Time',
      'UTC=Zone',
    ]);
    const table =
      '| Time | Event | Ticket |\n| ---- | ----- | ------ |\n' +
      '| 2024-03-05 14:51 UTC | Alert fires [detected] | PAY-123 |\n';
    assert.deepEqual(highlighted(table), [
      '2024-03-05=Date',
      '14:51=Time',
      'UTC=Zone',
      '[detected]=Milestone',
      'PAY-123=Ticket',
    ]);
  });

  it('marks the other time and zone forms', () => {
    const text =
      'At 2024-03-05T14:51:07Z, 2:51 p.m. PDT, 23:15-00:30 CET, 14:51+01:00 and 09:10 Europe/Paris; ' +
      '5 March 2024; 14:51 UTC+01:00.\n';
    assert.deepEqual(highlighted(text), [
      '2024-03-05=Date',
      '14:51:07=Time',
      'Z=Zone',
      '2:51 p.m.=Time',
      'PDT=Zone',
      '23:15=Time',
      '00:30=Time',
      'CET=Zone',
      '14:51=Time',
      '+01:00=Zone',
      '09:10=Time',
      'Europe/Paris=Zone',
      '5 March 2024=Date',
      '14:51=Time',
      'UTC+01:00=Zone',
    ]);
  });

  it('marks severities, milestone markers and ticket keys in headings and lists', () => {
    const text =
      '# SEV1: checkout outage\n\n- 14:51 OUTAGE BEGINS, tracked in PAY-123 (a Sev-2 before)\n' +
      '- 15:02 [detected] pager fires\n';
    assert.deepEqual(highlighted(text), [
      'SEV1=Severity',
      '14:51=Time',
      'OUTAGE BEGINS=Milestone',
      'PAY-123=Ticket',
      'Sev-2=Severity',
      '15:02=Time',
      '[detected]=Milestone',
    ]);
  });

  it('leaves look-alikes alone', () => {
    const text =
      'UTF-8, SHA-256, ISO-8601 and CVE-2024-1234; May 5 at 127.0.0.1:8080; version 1.14:30; us-WEST-2; [x] done.\n';
    assert.deepEqual(highlighted(text), []);
  });

  it('marks nothing in code, comments, link targets or the frontmatter', () => {
    const sample = '2024-03-05 14:51 UTC SEV1 [detected] OUTAGE BEGINS PAY-123';
    const body = [
      '```',
      sample,
      '```',
      '',
      '~~~yaml',
      sample,
      '~~~',
      '',
      `Inline \`${sample}\` code.`,
      '',
      `<!-- ${sample} -->`,
      '',
      `    ${sample}`,
      '',
      'See [the alert](https://example.com/PAY-123/14:51) and <https://x.test/SEV1>.',
      '',
    ].join('\n');
    const doc = analyzeText(
      `---\ntype: postmortem\ntitle: ${sample}\n---\n\n${body}`,
      'file:///w/postmortems/outage.md',
    );
    assert.deepEqual(highlightTokens(doc), []);
  });

  it("encodes tokens relative to the one before, with the legend's type index", () => {
    const doc = analyzeText(`${HEAD}Paged at 14:51 UTC.\n\n[resolved] PAY-9\n`, 'file:///w/postmortems/outage.md');
    const types = SEMANTIC_TOKENS_LEGEND.tokenTypes;
    const line = HEAD.split('\n').length - 1;
    assert.deepEqual(semanticTokens({ doc }).data, [
      line,
      9,
      5,
      types.indexOf('postmortemTime'),
      0,
      0,
      6,
      3,
      types.indexOf('postmortemZone'),
      0,
      2,
      0,
      10,
      types.indexOf('postmortemMilestone'),
      0,
      0,
      11,
      5,
      types.indexOf('postmortemTicket'),
      0,
    ]);
  });

  it('answers nothing for a document that is not a postmortem', () => {
    assert.deepEqual(semanticTokens(undefined).data, []);
  });
});
