/**
 * Recurring services, tags and causes over test/fixtures/insights/tree, against the groups worked
 * out by hand in test/fixtures/insights/NOTES.md, and the key-term reading on its own.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { keyTerms } from '../../../server/src/core/insights/causeTerms';
import { collectIncidents } from '../../../server/src/core/insights/collect';
import { recurring } from '../../../server/src/core/insights/recurring';
import type { IncidentRecord } from '../../../server/src/core/insights/model';

const ROOT = join(__dirname, '..', '..', '..');
const { incidents } = collectIncidents(['test/fixtures/insights/tree'], { base: ROOT });
const slug = (file: string) =>
  file
    .split('/')
    .pop()!
    .replace(/^\d{4}-\d{2}-\d{2}-|\.md$/g, '');
const named = (groups: { name: string; postmortems: { file: string }[] }[]) =>
  groups.map((g) => [g.name, g.postmortems.map((p) => slug(p.file))]);

describe('key terms of cause sections', () => {
  it('stems words and keeps phrases of adjacent content words, cut at stop words and punctuation', () => {
    const terms = keyTerms('The connection pools were exhausted, after a deploy.');
    assert.deepEqual(
      terms.map((t) => t.key),
      ['connect', 'pool', 'connect pool', 'exhaust', 'deploy'],
    );
    assert.equal(terms.find((t) => t.key === 'connect pool')?.label, 'connection pools');
  });

  it('leaves out numbers, short words, adverbs and links', () => {
    const terms = keyTerms('It eventually hit 500 errors on db-1, see https://example.invalid/x likely; an anomaly');
    assert.deepEqual(
      terms.map((t) => t.label),
      ['hit', 'errors', 'anomaly'],
    );
  });
});

describe('recurring services, tags and causes', () => {
  const found = recurring(incidents);

  it('lists services and tags in two postmortems or more, biggest first, oldest postmortem first', () => {
    assert.deepEqual(named(found.services), [
      ['api', ['api-errors', 'db-failover', 'api-outage']],
      ['db', ['db-failover', 'db-disk']],
      ['web', ['web-login', 'web-slow']],
    ]);
    assert.deepEqual(named(found.tags), [
      ['capacity', ['db-disk', 'api-outage']],
      ['deploy', ['api-errors', 'api-outage']],
    ]);
  });

  it('groups causes by stemmed key term; a word covered by a phrase with the same postmortems is left out', () => {
    assert.deepEqual(named(found.causes), [
      ['connection pool', ['api-errors', 'api-outage']],
      ['deploy', ['api-errors', 'api-outage']],
      ['exhausted', ['api-errors', 'api-outage']],
      ['health checks', ['db-failover', 'web-slow']],
      ['hosts', ['api-errors', 'db-disk']],
      ['worker', ['api-errors', 'api-outage']],
    ]);
  });

  it('drops a term found in more than half of ten postmortems or more', () => {
    const base = incidents[0]!;
    const many: IncidentRecord[] = Array.from({ length: 10 }, (_, n) => ({
      ...base,
      file: `pm-${n}.md`,
      causeTerms: [
        { key: 'deploy', label: 'deploy' },
        ...(n < 5 ? [{ key: 'dns', label: 'DNS' }] : []),
        ...(n < 6 ? [{ key: 'cach', label: 'cache' }] : []),
      ],
    }));
    assert.deepEqual(
      recurring(many).causes.map((c) => [c.name, c.postmortems.length]),
      [['DNS', 5]],
    );
  });
});
