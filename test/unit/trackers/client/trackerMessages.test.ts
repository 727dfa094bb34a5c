/** The VS Code-independent decisions behind the tracker commands, on both sides of the protocol. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noTrackerMessage, planSummary } from '../../../../client/src/trackers/planSummary';
import { remapTickets } from '../../../../server/src/trackers/remapTickets';
import { exportReport, refreshReport } from '../../../../server/src/trackers/report';
import { collectCredentials, secretKey } from '../../../../client/src/trackers/secretKeys';
import type { ExportItem } from '../../../../server/src/trackers/types';

const item = (index: number, action: string): ExportItem => ({ index, action, state: 'open' });

describe('mapping created tickets after the document changed', () => {
  it('follows each action to its new row', () => {
    const planned = [item(0, 'Add a canary'), item(1, 'Alert on errors')];
    const created = [
      { index: 0, key: 'acme/web#1', url: 'u1' },
      { index: 1, key: 'acme/web#2', url: 'u2' },
    ];
    // A row was inserted above, and whitespace/case changed in one action.
    const current = [item(0, 'Brand new row'), item(1, 'add a  canary'), item(2, 'Alert on errors')];
    assert.deepEqual(remapTickets(planned, created, current), {
      tickets: [
        { index: 1, key: 'acme/web#1', url: 'u1' },
        { index: 2, key: 'acme/web#2', url: 'u2' },
      ],
      unplaced: [],
    });
  });

  it('matches equal actions in order and leaves a ticket unplaced when its row is gone or tracked', () => {
    const planned = [item(0, 'Same'), item(1, 'Same'), item(2, 'Removed')];
    const created = [
      { index: 2, key: 'K3', url: '' },
      { index: 1, key: 'K2', url: '' },
      { index: 0, key: 'K1', url: '' },
    ];
    const { tickets, unplaced } = remapTickets(planned, created, [item(4, 'Same'), item(7, 'Same')]);
    assert.deepEqual(
      tickets.map((t) => [t.key, t.index]),
      [
        ['K1', 4],
        ['K2', 7],
      ],
    );
    assert.deepEqual(
      unplaced.map((t) => t.key),
      ['K3'],
    );
  });
});

describe('credentials', () => {
  const specs = [
    { id: 'email', env: 'HINDSIGHT_JIRA_EMAIL', label: 'Jira Cloud account email', secret: false },
    { id: 'token', env: 'HINDSIGHT_JIRA_TOKEN', label: 'Jira Cloud API token', secret: true },
  ];
  it('are stored under hindsight.<tracker>.<id>', () =>
    assert.equal(secretKey('jira', 'token'), 'hindsight.jira.token'));
  it('come from storage first, then the environment; blanks are missing', () => {
    assert.deepEqual(
      collectCredentials(specs, { token: 's3cret' }, { HINDSIGHT_JIRA_EMAIL: 'a@b', HINDSIGHT_JIRA_TOKEN: 'env' }),
      { credentials: { email: 'a@b', token: 's3cret' }, missing: [] },
    );
    assert.deepEqual(
      collectCredentials(specs, { token: '  ' }, {}).missing.map((s) => s.id),
      ['email', 'token'],
    );
  });
});

describe('messages', () => {
  const actions = new Map([
    [0, 'Add a canary'],
    [1, 'Alert on errors'],
    [2, 'Runbook'],
  ]);
  it('an export report names what was created, skipped and failed, with the tracker’s own error', () => {
    const report = exportReport({
      tracker: 'github',
      created: [
        { index: 0, key: 'acme/web#1', url: 'https://github.com/acme/web/issues/1' },
        { index: 2, key: 'acme/web#2', url: 'u', note: 'not assigned: no GitHub login is known for "Sam"' },
      ],
      skipped: 3,
      unusable: [],
      failed: [{ index: 1, error: 'GitHub answered 500: Server Error' }],
      unplaced: [],
      actions,
    });
    assert.equal(report.level, 'warning');
    assert.equal(
      report.message,
      'Hindsight: created 2 tickets in github (acme/web#1, acme/web#2); 3 skipped (already have ' +
        'tickets); 1 failed: "Alert on errors": GitHub answered 500: Server Error; 1 needs attention ' +
        '(acme/web#2: not assigned: no GitHub login is known for "Sam").',
    );
    assert.deepEqual(
      report.log.filter((l) => l.startsWith('failed')),
      ['failed "Alert on errors": GitHub answered 500: Server Error'],
    );
  });

  it('says which tickets could not be written back, and is an error when nothing was created', () => {
    const unplaced = exportReport({
      tracker: 'linear',
      created: [{ index: 0, key: 'ENG-7', url: 'https://linear.app/x/ENG-7' }],
      skipped: 0,
      unusable: [],
      failed: [],
      unplaced: [{ index: 0, key: 'ENG-7', url: 'https://linear.app/x/ENG-7' }],
      actions,
    });
    assert.equal(unplaced.level, 'warning');
    assert.match(
      unplaced.message,
      /1 ticket could not be written back because its row changed meanwhile: ENG-7 https:\/\/linear.app\/x\/ENG-7/,
    );
    const none = exportReport({
      tracker: 'linear',
      created: [],
      skipped: 0,
      unusable: [],
      failed: [{ index: 0, error: 'Team not found' }],
      unplaced: [],
      actions,
    });
    assert.equal(none.level, 'error');
    assert.equal(none.message, 'Hindsight: no tickets created in linear; 1 failed: "Add a canary": Team not found.');
  });

  it('a refresh report counts what was read and updated', () => {
    assert.deepEqual(refreshReport({ tracker: 'github', read: 3, updated: 1, failed: [], noTickets: false }), {
      level: 'info',
      message: 'Hindsight: read 3 statuses from github; 1 row updated.',
      log: [],
    });
    const partly = refreshReport({
      tracker: 'github',
      read: 1,
      updated: 0,
      failed: [{ key: 'acme/web#4', error: 'GitHub answered 404: Not Found' }],
      noTickets: false,
    });
    assert.equal(partly.level, 'warning');
    assert.equal(
      partly.message,
      'Hindsight: read 1 status from github; every row was up to date; 1 could not be read: acme/web#4: ' +
        'GitHub answered 404: Not Found.',
    );
    assert.match(
      refreshReport({ tracker: 'x', read: 0, updated: 0, failed: [], noTickets: true }).message,
      /export them first/,
    );
  });

  it('the confirmation lists items to create and those skipped with their ticket', () => {
    const summary = planSummary(
      {
        version: 1,
        actionItems: 2,
        toCreate: [{ index: 0, action: 'Add a canary', owner: '@dana', due: '2025-04-01', priority: 'high' }],
        skipped: [{ index: 1, ticket: 'acme/web#9', action: 'Alert on errors' }],
        unusable: [],
      },
      'github (github)',
    );
    assert.equal(summary.message, 'Create 1 ticket in github (github)?');
    assert.equal(summary.confirm, 'Create 1 Ticket');
    assert.equal(
      summary.detail,
      'Will create in github (github):\n• Add a canary (@dana, due 2025-04-01, high)\n\n' +
        'Skipped, already tracked:\n• Alert on errors — acme/web#9',
    );
    assert.equal(summary.title, 'Create 1 Ticket in github (github)');
    assert.deepEqual(summary.items, [
      { label: 'Add a canary', description: '@dana, due 2025-04-01, high', picked: true, index: 0 },
    ]);
    assert.equal(summary.placeholder, 'Skipped: 1 already tracked (acme/web#9). Uncheck any to leave for later.');
  });

  it('with no tracker, says what to add and where', () => {
    const message = noTrackerMessage('/repo/.hindsight.json');
    assert.match(message, /under "trackers" in \/repo\/\.hindsight\.json/);
    assert.match(message, /"type": "github", "repo": "owner\/repo"/);
    assert.match(noTrackerMessage(undefined), /\.hindsight\.json at the root/);
  });
});
