/**
 * The status page draft (core/statusPage.ts) on fixture postmortems under test/fixtures/status-page/:
 * its title, timeframe and sections, and that no internal detail (people, emails, hosts, IP
 * addresses, links, tickets, code) gets into it, comment for the author included.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../server/src/core/analyzer';
import { Redactor } from '../../server/src/core/redact';
import { draftStatusUpdate, humanDuration } from '../../server/src/core/statusPage';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'status-page');
const draft = (name: string) =>
  draftStatusUpdate(analyzeText(readFileSync(join(FIXTURES, name), 'utf8'), `file:///postmortems/${name}`));

/** The body of a `## heading` section of the draft. */
function section(markdown: string, heading: string): string {
  const match = new RegExp(
    `^## ${heading}\\n\\n([\\s\\S]*?)(?=\\n## |\\n<!-- (?:Drafted|hindsight-)|(?![^]))`,
    'm',
  ).exec(markdown);
  assert.ok(match, `no "${heading}" section in:\n${markdown}`);
  return match[1].trim();
}

/** Everything internal that internal-details.md mentions, as words (so "Tom" does not match "bottom"). */
const INTERNAL = [
  /priya/i,
  /raman/i,
  /\bTom\b/,
  /okafor/i,
  /\bLena\b/,
  /\bWard\b/,
  /jdoe/i,
  /\bSam\b/,
  /\bLee\b/,
  /sam\.lee/i,
  /@/,
  /example\.com/,
  /\.internal\b/,
  /wiki\.corp/,
  /grafana/i,
  /metabase/i,
  /https?:/,
  /\bdb-[23*]/,
  /ip-10-0-7-21/,
  /10\.20\.3\.1[45]/,
  /fd00:12:34::7/,
  /search-east-4/,
  /prod\.example/,
  /OPS-22\d\d/,
  /SRCH-\d+/,
  /INC-4411/,
  /#5123/,
  /pg_ctl/,
  /`/,
  /SEV1/,
];

describe('draftStatusUpdate', () => {
  const markdown = draft('internal-details.md');

  it('takes the title from the frontmatter and the timeframe from the impact window, in UTC', () => {
    assert.match(markdown, /^# Search outage after the failover on a server\n/);
    assert.match(markdown, /^\*\*When:\*\* 8 July 2025, 14:05–14:57 UTC \(52 minutes\)$/m);
  });

  it('builds summary, impact and resolution from the first paragraph or list of each section', () => {
    assert.match(
      section(markdown, 'Summary'),
      /^On 8 July search returned errors for 52 minutes\. A team member saw that a server stopped accepting writes/,
    );
    assert.equal(
      section(markdown, 'Impact'),
      '- Customers could not search the catalogue; product pages still loaded.\n' +
        '- About 12% of checkouts that began with a search were abandoned (dashboard).',
    );
    assert.equal(
      section(markdown, 'Resolution'),
      'A team member moved traffic to a server and rebuilt the index. Search has worked normally since 14:57 UTC.',
    );
  });

  it('lists open action items, action text only, as next steps', () => {
    const steps = section(markdown, 'What we are changing')
      .split('\n')
      .filter((l) => l.startsWith('- '));
    assert.deepEqual(steps, [
      '- Check write health after a failover on hosts before switching traffic',
      '- Alert when the search error rate exceeds 1% for 2 minutes',
      '- Page the search rotation, not a team member, on replica lag',
    ]);
  });

  it('leaves out every name, handle, email, host, IP address, internal URL, ticket and code span', () => {
    for (const pattern of INTERNAL) assert.doesNotMatch(markdown, pattern);
  });

  it('tells the author, in a trailing comment, what kinds of detail it left out', () => {
    const note = /<!-- Drafted by Hindsight[^]*-->\n$/.exec(markdown)?.[0] ?? '';
    assert.match(note, /names or handles of people/);
    for (const kind of [
      'email addresses',
      'host names',
      'IP addresses',
      'links',
      'ticket or pull request references',
      'code spans',
    ])
      assert.ok(note.includes(kind), kind);
  });

  it('takes the title from the H1 and spans midnight with both dates', () => {
    const other = draft('crosses-midnight.md');
    assert.match(other, /^# Delayed order emails\n/);
    assert.match(
      other,
      /^\*\*When:\*\* 3 October 2025, 23:40 UTC to 4 October 2025, 00:55 UTC \(1 hour 15 minutes\)$/m,
    );
    assert.match(section(other, 'Impact'), /^<!-- The postmortem says nothing customer-facing about the impact/);
    assert.match(section(other, 'Resolution'), /^<!-- The postmortem has no resolution section/);
    assert.match(section(other, 'What we are changing'), /^- Alert on queue age rather than depth$/m);
  });

  it('keeps ordinary words that look like names, hosts or tickets', () => {
    // The author is "will": the word "will" stays, as do UTF-8 and SHA-256.
    assert.match(
      section(draft('crosses-midnight.md'), 'Summary'),
      /We will keep the UTF-8 templates and the SHA-256 signatures as they are; the fix was in the mail queue\.$/,
    );
  });

  it('gives times of day alone when the document never gives a date', () => {
    const doc = analyzeText(
      '# Queue stall\n\n## Timeline\n\nAll times UTC.\n\n' +
        '- 23:40 [started] Queue stops\n- 00:55 [resolved] Queue drains\n',
    );
    assert.match(draftStatusUpdate(doc), /^\*\*When:\*\* 23:40 UTC to 00:55 UTC \(1 hour 15 minutes\)$/m);
  });

  it('says where the postmortem gives nothing to draft from', () => {
    const empty = draftStatusUpdate(analyzeText('---\ntype: postmortem\n---\n'));
    assert.match(empty, /^# Service incident$/m);
    assert.match(empty, /^\*\*When:\*\* <!-- No start or end time was found/m);
    assert.match(empty, /Nothing internal was found to leave out/);
  });

  it('leaves the authors, reviewers and owners of the example postmortems out of their drafts', () => {
    const examples = join(ROOT, 'examples');
    for (const name of readdirSync(examples).filter((n) => /^\d.*\.md$/.test(n))) {
      const doc = analyzeText(readFileSync(join(examples, name), 'utf8'), `file:///examples/${name}`);
      const out = draftStatusUpdate(doc);
      const people = [
        doc.frontmatter?.data.authors,
        doc.frontmatter?.data.reviewers,
        ...doc.actionItems.map((a) => a.owner?.text),
      ]
        .flat()
        .filter((p): p is string => typeof p === 'string');
      for (const person of people)
        for (const part of person
          .replace(/^@/, '')
          .split(/[._\s]+/)
          .filter((p) => p.length >= 3)) {
          assert.doesNotMatch(out, new RegExp(`\\b${part}\\b`, 'i'), `${name}: ${part}`);
        }
      assert.doesNotMatch(out, /@|https?:|`/, name);
    }
  });
});

describe('draftStatusUpdate, on a postmortem with blame, internal figures and a "try harder" item', () => {
  const markdown = draft('blame-and-figures.md');

  it('gives the impact window, not start to resolution, and the same duration in the body', () => {
    assert.match(markdown, /^\*\*When:\*\* 2 September 2025, 10:02–10:41 UTC \(39 minutes\)$/m);
    assert.doesNotMatch(markdown, /52 minutes/);
    assert.match(
      section(markdown, 'Summary'),
      /for 39 minutes\. Name resolution failed for about 39 minutes in two regions/,
    );
  });

  it('drops the sentences the blameless rules flag and those with money, revenue or error budget', () => {
    assert.doesNotMatch(markdown, /human error|should have|on-call engineer/i);
    const body = markdown.slice(0, markdown.indexOf('<!-- Drafted'));
    assert.doesNotMatch(body, /\$|revenue|error budget/i);
    assert.equal(section(markdown, 'Impact'), '- Requests to the API from the EU and US regions failed to resolve.');
    assert.doesNotMatch(markdown, /DNS-412/);
  });

  it('lists open preventive items as next steps, completed ones as done, never both, never "be more careful"', () => {
    const items = (heading: string) =>
      section(markdown, heading)
        .split('\n')
        .filter((l) => l.startsWith('- '));
    const open = items('What we are changing');
    const done = items('What we have done');
    assert.deepEqual(open, [
      '- Validate zone files in the publish script before they go live',
      '- Alert on resolver SERVFAIL rate per region',
    ]);
    // "Restored the previous zone file" is already the resolution's own sentence.
    assert.deepEqual(done, ['- Added a second person to review zone changes']);
    assert.doesNotMatch(markdown, /careful/i);
    assert.doesNotMatch(markdown, /handbook/, "a process item is the team's housekeeping, not a promise to customers");
  });

  it('says in its closing comment what it removed', () => {
    const note = /<!-- Drafted by Hindsight[^]*-->\n$/.exec(markdown)?.[0] ?? '';
    assert.match(note, /1 sentence that judged people/);
    assert.match(note, /1 sentence or item with internal figures/);
    assert.match(note, /1 "try harder" action item/);
    assert.match(note, /1 duration in the text changed to the window's \(39 minutes\)/);
    assert.doesNotMatch(note, /Nothing internal/);
  });
});

describe('Redactor', () => {
  const redact = (text: string, people: string[] = []) => new Redactor(people).redact(text);

  it('replaces people, hosts and addresses, and removes links, tickets and code', () => {
    assert.equal(
      redact('Ana Lima restarted web-3 at 10.0.0.5.', ['ana.lima']),
      'A team member restarted a server at a server.',
    );
    assert.equal(
      redact('Mail ops@example.com or @ana about api.prod.example.net and cache.local:6379.'),
      'Mail a team member or a team member about servers.',
    );
    assert.equal(redact('Restarted db1.eu.example.net and ip-10-0-0-1.'), 'Restarted servers.');
    assert.equal(redact('Rolled back (PLAT-812, PR #4411) with `kubectl rollout undo`.'), 'Rolled back.');
    assert.equal(
      redact('See the [runbook](https://wiki.internal/x) and https://grafana.example.com/d/1 now.'),
      'See the runbook and now.',
    );
    assert.equal(redact('Nodes 2001:db8::1 and fe80::1 were fine.'), 'Nodes servers were fine.');
  });

  it('counts what it removed', () => {
    const redactor = new Redactor(['Ana Lima']);
    redactor.redact('Ana paged @bo about db-1 (10.1.1.1) via https://x.internal, OPS-1 and `x`.');
    assert.deepEqual(redactor.counts, { people: 2, emails: 0, hosts: 1, ips: 1, links: 1, tickets: 1, code: 1 });
  });

  it('leaves alone what only looks like a name, host, address or ticket', () => {
    const text =
      'We will check UTF-8, SHA-256, COVID-19 and ISO-8601 input at 14:02:00 UTC, e.g. on checkout-api ' +
      'v2.3.1 (p99 99.9%) from example.com, in Node.js and config.yaml.';
    assert.equal(redact(text, ['will', 'Platform team', 'TBD']), text);
  });

  it('cuts very long text between words, so no name is left half-redacted', () => {
    const start = performance.now();
    const out = redact(`${'word '.repeat(1999)}priya.raman ${'x'.repeat(20_000)}`, ['priya.raman']);
    assert.ok(performance.now() - start < 1000);
    // The cut falls inside "priya.raman": the whole word goes.
    assert.match(out, /^(?:word ){1998}word …$/);
    assert.equal(redact('a.'.repeat(20_000)), '…');
  });

  it('matches a known person however the name is written', () => {
    for (const written of ['priya.raman', 'Priya Raman', 'PRIYA RAMAN', 'Priya', 'Raman', 'priya_raman']) {
      assert.equal(redact(`Paged by ${written}.`, ['priya.raman']), 'Paged by a team member.', written);
    }
  });
});

describe('humanDuration', () => {
  it('reads as words', () => {
    assert.equal(humanDuration(45), '45 minutes');
    assert.equal(humanDuration(61), '1 hour 1 minute');
    assert.equal(humanDuration(3 * 1440 + 120 + 5), '3 days 2 hours');
    assert.equal(humanDuration(0.2), 'less than a minute');
  });
});
