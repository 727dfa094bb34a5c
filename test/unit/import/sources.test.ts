/**
 * Each source read from fixture files in the vendor's documented shape (see
 * test/fixtures/import/README.md): the rows, their links, milestones and order, and a clear message
 * for input that cannot be imported.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { ImportInputError, type ImportFilter } from '../../../server/src/core/import/types';
import { readSource, type SourceRequest } from '../../../server/src/import/readSource';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'import');
const SLACK = join(FIXTURES, 'slack', 'export');
const at = (iso: string) => Date.parse(iso);
const INCIDENT: ImportFilter = { from: at('2024-03-05T13:30:00Z'), to: at('2024-03-05T15:30:00Z') };
const temp = mkdtempSync(join(tmpdir(), 'hindsight-import-'));
after(() => rmSync(temp, { recursive: true, force: true }));

const read = (request: Partial<SourceRequest> & Pick<SourceRequest, 'source' | 'path'>) =>
  readSource({ filter: INCIDENT, ...request });

function refuses(request: Partial<SourceRequest> & Pick<SourceRequest, 'source' | 'path'>, message: RegExp): void {
  assert.throws(
    () => read(request),
    (error: unknown) => error instanceof ImportInputError && message.test(error.message),
  );
}

/** The fixture export zipped as Slack gives it, optionally inside one top folder. */
function zipExport(name: string, top = ''): string {
  const files: Record<string, Uint8Array> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const full = join(folder, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[top + relative(SLACK, full).split(sep).join('/')] = readFileSync(full);
    }
  };
  walk(SLACK);
  const path = join(temp, name);
  writeFileSync(path, zipSync(files));
  return path;
}

describe('Slack export', () => {
  it('reads the chosen channels in the window, in time order, skipping joins and uploads', () => {
    const { rows } = read({ source: 'slack', path: SLACK, filter: { ...INCIDENT, channels: ['#inc-search'] } });
    assert.deepEqual(
      rows.map((r) => [new Date(r.instant).toISOString().slice(11, 16), r.actor, r.text.slice(0, 24)]),
      [
        ['14:08', 'Aiko', 'Search is returning 5xx '],
        ['14:10', 'Bram Visser', '↳ Looking now. If I drop'],
        ['14:20', 'chidi', 'Rolling back the index s'],
        ['14:25', 'U0ZOEY001', 'Error rate looks RESOLVE'],
      ],
    );
  });

  it('shows mentions and links as Markdown and keeps replies under their thread', () => {
    const { rows } = read({ source: 'slack', path: SLACK, filter: { ...INCIDENT, channels: ['inc-search'] } });
    assert.match(
      rows[0].text,
      /@Bram Visser can you look\? \[search overview\]\(https:\/\/grafana\.example\.com\/d\/srch01\)$/,
    );
    assert.equal(rows[1].threadOf, rows[0].sourceId);
    assert.match(rows[2].text, / & rotated it$/);
  });

  it('builds permalinks from the workspace address', () => {
    const filter = { ...INCIDENT, channels: ['inc-search'], baseUrl: 'https://acme.slack.com/' };
    const { rows } = read({ source: 'slack', path: SLACK, filter });
    assert.equal(rows[0].link, 'https://acme.slack.com/archives/C0INC0001/p1709647680000300');
    assert.equal(
      rows[1].link,
      'https://acme.slack.com/archives/C0INC0001/p1709647800000400?thread_ts=1709647680.000300&cid=C0INC0001',
    );
    assert.equal(rows[0].sourceId, 'slack:C0INC0001/1709647680.000300');
  });

  it('keeps only messages with the chosen reaction, whatever its skin tone', () => {
    const { rows } = read({ source: 'slack', path: SLACK, filter: { ...INCIDENT, onlyReacted: ':pushpin:' } });
    assert.deepEqual(
      rows.map((r) => r.actor),
      ['Aiko', 'chidi'],
    );
  });

  it('reads every channel when none is named, and says what it skipped', () => {
    const { rows, notes } = read({ source: 'slack', path: SLACK });
    assert.ok(rows.some((r) => r.sourceId.startsWith('slack:C0GEN0001/')));
    const bot = rows.find((r) => r.actor === 'alert-bot');
    assert.equal(bot?.text, '[FIRING:1] SearchErrorRate search-api', 'a bot post with only an attachment');
    assert.ok(
      notes.some((n) => /1 user id\(s\) not in users\.json.*U0ZOEY001/.test(n)),
      notes.join('\n'),
    );
    assert.ok(
      notes.some((n) => /1 messages without a readable timestamp/.test(n)),
      notes.join('\n'),
    );
  });

  it('reads the same from the zip, with or without a top folder', () => {
    const folder = read({ source: 'slack', path: SLACK }).rows;
    assert.deepEqual(read({ source: 'slack', path: zipExport('export.zip') }).rows, folder);
    assert.deepEqual(read({ source: 'slack', path: zipExport('nested.zip', 'Acme Slack export/') }).rows, folder);
  });

  it('refuses a truncated zip, a zip that is not an export, an unknown channel and an empty window', () => {
    const whole = readFileSync(zipExport('whole.zip'));
    const truncated = join(temp, 'truncated.zip');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    refuses({ source: 'slack', path: truncated }, /cannot be read as a zip .*truncated or damaged/);
    const other = join(temp, 'other.zip');
    writeFileSync(other, zipSync({ 'notes.txt': new TextEncoder().encode('hello') }));
    refuses({ source: 'slack', path: other }, /not a Slack export: there is no channels\.json/);
    refuses({ source: 'slack', path: join(FIXTURES, 'postmortem.md') }, /not a zip file or a folder of a Slack export/);
    refuses(
      { source: 'slack', path: SLACK, filter: { channels: ['incidents'] } },
      /no channel #incidents in the export; it has: inc-search, general/,
    );
    const empty = { from: at('2024-03-06T00:00:00Z'), to: at('2024-03-06T23:00:00Z') };
    refuses(
      { source: 'slack', path: SLACK, filter: empty },
      /no messages in the window 2024-03-06T00:00Z – 2024-03-06T23:00Z; the export runs from 2024-03-05T14:04Z to 2024-03-05T16:00Z/,
    );
  });
});

describe('PagerDuty log entries', () => {
  const path = join(FIXTURES, 'pagerduty', 'log_entries.json');

  it('gives the trigger, acknowledgement and resolve as milestones, linked to the incident', () => {
    const { rows, notes } = read({ source: 'pagerduty', path });
    assert.deepEqual(
      rows.map((r) => [r.text, r.actor, r.milestone]),
      [
        ['Triggered through the API', 'search-api', 'detected'],
        ['Acknowledged by Aiko Tanaka', 'Aiko Tanaka', 'acknowledged'],
        ['Note added: rolling back the index settings', 'Chidi Okoro', undefined],
        ['Resolved by Aiko Tanaka', 'Aiko Tanaka', 'resolved'],
      ],
    );
    assert.ok(rows.every((r) => r.link === 'https://acme.pagerduty.com/incidents/Q0SEARCH01'));
    assert.deepEqual(notes, ['1 notification entries were left out']);
  });

  it('refuses a file of another kind', () => {
    refuses(
      { source: 'pagerduty', path: join(FIXTURES, 'grafana', 'annotations.json') },
      /something other than log entries/,
    );
    refuses(
      { source: 'pagerduty', path: join(FIXTURES, 'alertmanager', 'webhook.json') },
      /not a PagerDuty log entry list/,
    );
    refuses({ source: 'pagerduty', path: join(FIXTURES, 'postmortem.md') }, /postmortem\.md is not JSON/);
  });
});

describe('Grafana annotations', () => {
  it('gives a region as its start and end, linked to the dashboard around that time', () => {
    const filter = { ...INCIDENT, baseUrl: 'https://grafana.example.com' };
    const { rows } = read({ source: 'grafana', path: join(FIXTURES, 'grafana', 'annotations.json'), filter });
    assert.deepEqual(
      rows.map((r) => r.text),
      [
        'Index settings change rolled out (deploy, search)',
        'End of: Index settings change rolled out (deploy, search)',
        'Rollback of the index settings complete (rollback)',
      ],
    );
    assert.equal(rows[0].link, 'https://grafana.example.com/d/srch01?from=1709645400000&to=1709649000000&viewPanel=4');
    assert.equal(rows[2].actor, 'chidi');
  });
});

describe('Alertmanager notifications', () => {
  it('gives a resolved alert its start as detected and its end as mitigated; a firing one only its start', () => {
    const { rows } = read({ source: 'alertmanager', path: join(FIXTURES, 'alertmanager', 'webhook.json') });
    assert.deepEqual(
      rows.map((r) => [new Date(r.instant).toISOString().slice(11, 19), r.text, r.milestone]),
      [
        ['14:03:30', 'Alert firing: SearchErrorRate: Search 5xx rate above 5%', 'detected'],
        ['14:05:00', 'Alert firing: SearchLatencyHigh: Search p99 above 2s', 'detected'],
        ['14:29:00', 'Alert resolved: SearchErrorRate: Search 5xx rate above 5%', 'mitigated'],
      ],
    );
    assert.equal(rows[0].link, 'http://prometheus.example.com:9090/graph?g0.expr=search_5xx_ratio&g0.tab=1');
  });
});

describe('CSV and JSON lines', () => {
  it('guesses the columns from the header and reads zoneless times in the mapped zone', () => {
    const path = join(FIXTURES, 'table', 'events.csv');
    const { rows, notes } = read({ source: 'csv', path, mapping: 'zone=Europe/Amsterdam', filter: {} });
    assert.deepEqual(
      rows.map((r) => [new Date(r.instant).toISOString().slice(11, 16), r.text, r.actor, r.link]),
      [
        ['13:06', 'Status page set to "investigating"', 'Aiko', 'https://status.example.com/incidents/88'],
        ['13:22', 'Cache warmed after the rollback', 'Chidi', undefined],
      ],
    );
    assert.deepEqual(notes, ['1 rows without a readable timestamp were skipped']);
  });

  it('reads JSON lines with zoned times and explicit mappings', () => {
    const { rows } = read({
      source: 'jsonl',
      path: join(FIXTURES, 'table', 'events.jsonl'),
      mapping: 'text=message,time=timestamp',
    });
    assert.deepEqual(
      rows.map((r) => new Date(r.instant).toISOString()),
      ['2024-03-05T14:06:00.000Z', '2024-03-05T14:06:00.000Z'],
    );
  });

  it('refuses times without a zone when no zone is mapped, and a mapping naming no column', () => {
    refuses(
      { source: 'csv', path: join(FIXTURES, 'table', 'events.csv') },
      /none of the 3 rows has a readable timestamp/,
    );
    refuses(
      { source: 'csv', path: join(FIXTURES, 'table', 'events.csv'), mapping: 'time=Date' },
      /has no column "Date" \(columns: When, What, Who, URL\)/,
    );
    refuses(
      { source: 'csv', path: join(FIXTURES, 'table', 'events.csv'), mapping: 'colour=red' },
      /"colour=red" is not a column mapping/,
    );
  });
});

describe('git history', () => {
  const repo = join(temp, 'repo');
  const git = (args: string[], date?: string) =>
    execFileSync('git', ['-C', repo, ...args], {
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Dana',
        GIT_AUTHOR_EMAIL: 'dana@example.com',
        GIT_COMMITTER_NAME: 'Dana',
        GIT_COMMITTER_EMAIL: 'dana@example.com',
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
    });
  const commit = (file: string, message: string, date: string) => {
    writeFileSync(join(repo, file), message);
    git(['add', file]);
    git(['commit', '-q', '-m', message], date);
  };

  it('gives commits in the window, tags as releases, linked through the remote', () => {
    execFileSync('git', ['init', '-q', repo]);
    commit('a.txt', 'Raise the index refresh interval', '2024-03-05T13:58:00Z');
    commit('b.txt', 'Revert the index refresh interval', '2024-03-05T14:18:00Z');
    git(['tag', 'v2.4.1']);
    commit('a.txt', 'Unrelated change next week', '2024-03-12T10:00:00Z');
    git(['remote', 'add', 'origin', 'git@github.com:acme/search.git']);
    const { rows } = read({ source: 'git', path: repo });
    assert.deepEqual(
      rows.map((r) => r.text.replace(/ \([0-9a-f]{8}\)$/, '')),
      ['Commit: Raise the index refresh interval', 'Release v2.4.1: Revert the index refresh interval'],
    );
    assert.match(rows[0].link!, /^https:\/\/github\.com\/acme\/search\/commit\/[0-9a-f]{40}$/);
    assert.equal(rows[0].actor, 'Dana');
    const onlyB = read({ source: 'git', path: repo, paths: ['b.txt'] }).rows;
    assert.deepEqual(
      onlyB.map((r) => r.text.slice(0, 15)),
      ['Release v2.4.1:'],
    );
  });

  it('refuses a folder that is not a repository', () => {
    const plain = mkdtempSync(join(tmpdir(), 'hindsight-not-a-repo-'));
    try {
      refuses({ source: 'git', path: plain }, /is not a git repository/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
