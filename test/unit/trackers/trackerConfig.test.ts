/** The `trackers` configuration, credentials from the environment, and the export plan. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { analyzeText } from '../../../server/src/core/analyzer';
import { applyConfig, defaultConfig } from '../../../server/src/core/config/config';
import { resolveTracker, trackerNames } from '../../../server/src/trackers/config';
import { credentialsFromEnv, credentialSpecs } from '../../../server/src/trackers/credentials';
import { planExport } from '../../../server/src/trackers/plan';

const ROOT = join(__dirname, '..', '..', '..');
const withTrackers = (file: Record<string, unknown>) => applyConfig(defaultConfig(), file, '/repo/.hindsight.json');

describe('trackers configuration', () => {
  it('resolves a tracker by name, or the only one, with Jira defaults', () => {
    const config = withTrackers({
      trackers: { jira: { type: 'jira-cloud', baseUrl: 'https://acme.atlassian.net', project: 'PAY' } },
    });
    assert.deepEqual(trackerNames(config), ['jira']);
    const jira = resolveTracker(config);
    assert.equal(jira.type, 'jira-cloud');
    if (jira.type !== 'jira-cloud') return;
    assert.equal(jira.issueType, 'Task');
    assert.deepEqual(jira.labels, ['postmortem']);
    assert.equal(jira.auth, 'basic');
    assert.equal(jira.priorities.high, 'High');
    assert.throws(() => resolveTracker(config, 'linear'), /No tracker named "linear".*configured: jira/);
    assert.throws(() => resolveTracker(defaultConfig()), /No tracker is configured/);
    const two = withTrackers({ trackers: { a: { type: 'csv', path: 'a.csv' }, b: { type: 'json', path: 'b.json' } } });
    assert.throws(() => resolveTracker(two), /Several trackers are configured \(a, b\)/);
    assert.throws(
      () => resolveTracker(withTrackers({ trackers: { j: { type: 'jira-cloud', baseUrl: 'https://x' } } })),
      /trackers\.j\.project is required/,
    );
  });

  it('rejects secrets in configuration files, naming the environment variable', () => {
    assert.throws(
      () => withTrackers({ trackers: { jira: { type: 'jira-cloud', project: 'PAY', token: 'abc' } } }),
      /trackers\.jira\.token: secrets are never read from configuration files; set HINDSIGHT_JIRA_TOKEN.*Set Tracker Credentials/,
    );
    assert.throws(
      () => withTrackers({ trackers: { gh: { type: 'github', repo: 'a/b', apiKey: 'abc' } } }),
      /HINDSIGHT_GITHUB_TOKEN/,
    );
    assert.throws(() => withTrackers({ trackers: { x: { type: 'trello' } } }), /type must be one of/);
    assert.throws(() => withTrackers({ documentUrl: 'ftp://x' }), /documentUrl/);
  });

  it('is described by the JSON Schema, which rejects a token and an unknown type', () => {
    // strictTuples: a rule's [level, options] may omit its options, which Ajv's strict mode would warn about.
    const validate = new Ajv({ allErrors: true, strictTuples: false }).compile(
      JSON.parse(readFileSync(join(ROOT, 'schemas', 'hindsight.schema.json'), 'utf8')),
    );
    const config = JSON.parse(
      readFileSync(join(ROOT, 'test', 'fixtures', 'trackers', 'jira', 'cli', '.hindsight.json'), 'utf8'),
    ) as { trackers: { jira: Record<string, unknown> } };
    assert.ok(validate(config), JSON.stringify(validate.errors));
    assert.equal(validate({ trackers: { jira: { ...config.trackers.jira, token: 'x' } } }), false);
    assert.equal(validate({ trackers: { jira: { type: 'trello' } } }), false);
  });

  it('reads credentials from the environment only, the Jira email also from configuration', () => {
    const config = withTrackers({
      trackers: {
        jira: { type: 'jira-cloud', baseUrl: 'https://a.atlassian.net', project: 'PAY', email: 'bot@example.com' },
        dc: { type: 'jira-dc', baseUrl: 'https://j', project: 'OPS' },
      },
    });
    const jira = resolveTracker(config, 'jira');
    assert.deepEqual(
      credentialSpecs(jira).map((s) => [s.id, s.env, s.secret]),
      [
        ['email', 'HINDSIGHT_JIRA_EMAIL', false],
        ['token', 'HINDSIGHT_JIRA_TOKEN', true],
      ],
    );
    assert.deepEqual(credentialsFromEnv(jira, { HINDSIGHT_JIRA_TOKEN: 't' }), { token: 't', email: 'bot@example.com' });
    assert.deepEqual(credentialsFromEnv(jira, { HINDSIGHT_JIRA_TOKEN: 't', HINDSIGHT_JIRA_EMAIL: 'me@example.com' }), {
      token: 't',
      email: 'me@example.com',
    });
    assert.deepEqual(
      credentialsFromEnv(resolveTracker(config, 'dc'), { HINDSIGHT_JIRA_DC_TOKEN: 'p', HINDSIGHT_JIRA_TOKEN: 't' }),
      { token: 'p' },
    );
  });
});

describe('export plan', () => {
  it('skips items with a ticket, exports the rest with their fields, and says which cannot be used', () => {
    const doc = analyzeText(
      [
        '---',
        'id: INC-7',
        'title: Login outage',
        'severity: SEV1',
        '---',
        '',
        '## Action items',
        '',
        '| Action | Owner | Due | Priority | Ticket |',
        '| --- | --- | --- | --- | --- |',
        '| Rotate certs | ana@example.com | 2025-04-01 | P1 | [PAY-7](https://acme.atlassian.net/browse/PAY-7) |',
        '| Page on expiry | @bob | 10 April 2025 | low | n/a |',
        '|  | carol | | | |',
        '',
      ].join('\n'),
    );
    const plan = planExport(doc, { file: 'postmortems/login outage.md', documentUrl: 'https://docs.example.com/pm/' });
    assert.deepEqual(plan.incident, {
      title: 'Login outage',
      file: 'postmortems/login outage.md',
      id: 'INC-7',
      severity: 'SEV1',
      link: 'https://docs.example.com/pm/postmortems/login%20outage.md',
      ticketsInDocument: ['PAY-7'],
    });
    assert.deepEqual(plan.skipped, [{ index: 0, ticket: 'PAY-7' }]);
    assert.deepEqual(plan.toCreate, [
      {
        index: 1,
        action: 'Page on expiry',
        state: 'unknown',
        owner: '@bob',
        due: '2025-04-10',
        priority: 'low',
        priorityText: 'low',
      },
    ]);
    assert.deepEqual(plan.unusable, [{ index: 2, reason: 'line 13: the action is empty' }]);
  });
});
