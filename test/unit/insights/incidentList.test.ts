/**
 * Incidents with no postmortem: the CSV reading on its own and `hindsight report --incidents` over
 * the fixture tree, against test/fixtures/insights/NOTES.md.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IncidentListError, parseIncidentList, severityRank } from '../../../server/src/core/insights/incidentList';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = process.env.HINDSIGHT_CLI ?? join(ROOT, 'dist', 'cli.js');
const LISTS = 'test/fixtures/insights/incidents';

function report(...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [CLI, 'report', 'test/fixtures/insights/tree', '--today', '2025-07-01', '--format', 'json', ...args],
    { cwd: ROOT, encoding: 'utf8', timeout: 30_000 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('incident list', () => {
  it('reads ids, days, severities and quoted titles', () => {
    const listed = parseIncidentList(readFileSync(join(ROOT, LISTS, 'incidents.csv'), 'utf8'));
    assert.equal(listed.length, 6);
    assert.deepEqual(listed[1], { id: 'INC-104', date: '2025-04-05', severity: 'SEV1', title: 'API outage overnight' });
    assert.equal(listed[2]!.title, 'Payment provider timeouts, then retries');
  });

  it('ranks severities written as SEV, P or a number, and gives words no rank', () => {
    assert.deepEqual(['SEV1', 'sev 2', 'P0', '3', 'high'].map(severityRank), [1, 2, 0, 3, undefined]);
  });

  it('refuses a list with no date column, a bad day or a broken quote, saying where', () => {
    const read = (name: string) => () => parseIncidentList(readFileSync(join(ROOT, LISTS, name), 'utf8'));
    assert.throws(
      read('no-date-column.csv'),
      (e: Error) => e instanceof IncidentListError && /no "date" column/.test(e.message),
    );
    assert.throws(read('bad-date.csv'), /row 3: "yesterday" is not a date/);
    assert.throws(read('unclosed-quote.csv'), IncidentListError);
    assert.throws(() => parseIncidentList(''), /the file is empty/);
  });
});

describe('hindsight report --incidents', () => {
  it('lists severe incidents that no postmortem names, oldest first', () => {
    const r = report('--incidents', `${LISTS}/incidents.csv`);
    assert.equal(r.code, 0, r.stderr);
    const { unwritten } = JSON.parse(r.stdout);
    assert.equal(unwritten.minSeverity, 'SEV2');
    assert.equal(unwritten.considered, 4);
    assert.equal(unwritten.unranked, 1);
    assert.deepEqual(
      unwritten.incidents.map((i: { id: string }) => i.id),
      ['INC-099', 'INC-110', 'INC-111'],
    );
  });

  it('keeps to the report window and to the severity asked for', () => {
    const since = JSON.parse(report('--incidents', `${LISTS}/incidents.csv`, '--since', '2025-01-01').stdout);
    assert.equal(since.unwritten.considered, 3);
    assert.equal(since.unwritten.incidents.length, 2);
    const sev1 = JSON.parse(report('--incidents', `${LISTS}/incidents.csv`, '--min-severity', 'SEV1').stdout);
    assert.deepEqual(
      sev1.unwritten.incidents.map((i: { id: string }) => i.id),
      ['INC-110'],
    );
  });

  it('exits 2 with the reason on a bad list, a missing file or an unranked severity', () => {
    const bad = report('--incidents', `${LISTS}/bad-date.csv`);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad-date\.csv: row 3: "yesterday" is not a date/);
    assert.equal(report('--incidents', `${LISTS}/nowhere.csv`).code, 2);
    const word = report('--incidents', `${LISTS}/incidents.csv`, '--min-severity', 'high');
    assert.equal(word.code, 2);
    assert.match(word.stderr, /--min-severity takes a ranked severity/);
  });

  it('leaves the section out when no list is given', () => {
    assert.equal(JSON.parse(report().stdout).unwritten, undefined);
  });
});
