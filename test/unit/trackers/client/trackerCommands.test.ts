/**
 * The three tracker commands, driven through a fake `vscode` and the language server's requests
 * (served in this process over JSON-RPC) against an in-process GitHub that checks every request.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { githubFetch, GITHUB_FIXTURES, issueAnswer, type Answer, type SeenRequest } from '../githubContract';
import { fakeTrackerVscode, installVscode } from './fakeTrackerVscode';
import { inProcessServer } from './inProcessServer';

const SECRET = 'ghp_s3cret_never_shown';
const POSTMORTEM = readFileSync(join(GITHUB_FIXTURES, 'github-postmortem.md'), 'utf8');
const GITHUB = { type: 'github', repo: 'acme/web', assignees: { 'Sam Lee': 'samlee' } };

const shared: Record<string, unknown> = {};
let uninstall: () => void;
let registerTrackerCommands: (context: unknown, server: unknown) => void;
let workspace: string;
let secrets: Map<string, string>;
let realFetch: typeof fetch;
let savedToken: string | undefined;

/** GitHub as a script: issues numbered from 100; states by number for reads. */
let states: Record<string, 'open' | 'closed'>;
let failWith: Answer | undefined;
/** Called after each issue is created (to cancel half-way, say); the answer waits for it. */
let afterCreate: (() => void | Promise<void>) | undefined;
async function github(request: SeenRequest): Promise<Answer> {
  if (failWith) return failWith;
  if (request.operationId === 'issues/create') await afterCreate?.();
  // The lookup for issues an earlier run created: this fake keeps none.
  if (request.operationId === 'issues/list-for-repo') return { status: 200, body: [] };
  if (request.operationId === 'issues/get')
    return {
      status: 200,
      body: issueAnswer('acme/web', Number(request.params.issue_number), {
        state: states[request.params.issue_number] ?? 'open',
      }),
    };
  const body = request.body as { title: string; assignees?: string[] };
  return {
    status: 201,
    body: issueAnswer('acme/web', 100 + github.created++, { title: body.title, assignees: body.assignees }),
  };
}
github.created = 0;
let contract: Awaited<ReturnType<typeof githubFetch>>;

function configure(trackers: Record<string, object>) {
  writeFileSync(join(workspace, '.hindsight.json'), JSON.stringify({ trackers }));
}

let current: ReturnType<typeof fakeTrackerVscode> | undefined;
let serving: ReturnType<typeof inProcessServer> | undefined;
/** The signal of the server's latest request to GitHub: aborted once the server hears of a cancel. */
let lastSignal: AbortSignal | undefined;

/** A fresh editor on the postmortem (or on `text`) and a fresh server, with the commands registered against them. */
function open(text = POSTMORTEM) {
  // As when the extension deactivates: the commands, their output channel and the server go.
  for (const disposable of current?.context.subscriptions ?? []) disposable.dispose();
  serving?.close();
  const file = join(workspace, 'postmortems', '2025-03-10-checkout-errors.md');
  const fake = fakeTrackerVscode({
    folder: workspace,
    file,
    text,
    secrets,
    onChange: (next, version) => serving?.changed(next, version),
  });
  const serverFetch: typeof fetch = (input, init) => (
    (lastSignal = init?.signal ?? undefined),
    contract.fetch(input, init)
  );
  serving = inProcessServer(serverFetch, { folder: workspace, file, text, applyEdits: fake.applyEdits });
  for (const key of Object.keys(shared)) delete shared[key];
  Object.assign(shared, fake.api);
  registerTrackerCommands(fake.context, serving.server);
  current = fake;
  return fake;
}

/** Resolves once the signal is aborted. */
const aborted = (signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) =>
    signal?.aborted ? resolve() : signal?.addEventListener('abort', () => resolve(), { once: true }),
  );

const row = (text: string, action: string) => text.split('\n').find((line) => line.includes(action)) ?? '';

describe('tracker commands', () => {
  before(async () => {
    uninstall = installVscode(shared);
    ({ registerTrackerCommands } = require('../../../../client/src/trackers/index') as {
      registerTrackerCommands: typeof registerTrackerCommands;
    });
    contract = await githubFetch(github);
    // The server is handed the contract's fetch; the global one must not be used at all.
    realFetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error('the global fetch was used'));
    savedToken = process.env.HINDSIGHT_GITHUB_TOKEN;
    delete process.env.HINDSIGHT_GITHUB_TOKEN;
  });
  after(() => {
    uninstall();
    globalThis.fetch = realFetch;
    if (savedToken !== undefined) process.env.HINDSIGHT_GITHUB_TOKEN = savedToken;
  });
  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'hindsight-trackers-'));
    secrets = new Map();
    states = {};
    failWith = undefined;
    afterCreate = undefined;
    github.created = 0;
    contract.seen.length = 0;
    configure({ github: GITHUB });
  });
  afterEach(() => {
    serving?.close();
    serving = undefined;
    assert.deepEqual(contract.violations, []);
    rmSync(workspace, { recursive: true, force: true });
  });

  it('exports once confirmed, asks for the token, writes keys back in one edit; a re-run creates nothing', async () => {
    const fake = open();
    await fake.run('hindsight.exportActionItems', {
      buttons: ['Create 3 Tickets', 'Set Credentials'],
      inputs: [SECRET],
    });
    assert.deepEqual(fake.recorded.errors, []);

    assert.equal(fake.recorded.confirmations.length, 1);
    const [confirmation] = fake.recorded.confirmations;
    assert.equal(confirmation.title, 'Create 3 Tickets in github (github)');
    assert.ok(
      confirmation.items.includes('Add a canary stage for the gateway (@dana, due 2025-04-01, high)'),
      confirmation.items.join(' | '),
    );
    assert.match(confirmation.placeholder, /Skipped: 1 already tracked \(acme\/web#9\)/);
    assert.equal(fake.recorded.inputBoxes[0].password, true);
    assert.equal(secrets.get('hindsight.github.token'), SECRET);
    assert.ok(contract.seen.every((s) => s.headers.authorization === `Bearer ${SECRET}`));
    assert.deepEqual(
      contract.seen.map((r) => r.operationId),
      ['issues/list-for-repo', 'issues/create', 'issues/create', 'issues/create'],
    );

    const text = fake.text();
    assert.match(row(text, 'Add a canary'), /\[acme\/web#100\]\(https:\/\/github\.com\/acme\/web\/issues\/100\)/);
    assert.match(row(text, 'Alert on checkout'), /acme\/web#101/);
    assert.match(row(text, 'rollback runbook'), /acme\/web#102/);
    assert.match(row(text, 'deploy checklist'), /\| acme\/web#9 \|/);
    assert.deepEqual(fake.recorded.applied, [3], 'one WorkspaceEdit for all keys');

    // The owner with no GitHub login is reported, not a failure.
    const report = [...fake.recorded.infos, ...fake.recorded.warnings].find((m) => m.includes('created 3 tickets'))!;
    assert.match(report, /created 3 tickets in github \(acme\/web#100, acme\/web#101, acme\/web#102\); 1 skipped/);
    assert.match(report, /not assigned: no GitHub login is known for "alex@acme\.example"/);
    for (const shown of fake.everythingShown()) assert.ok(!shown.includes(SECRET), `secret shown in: ${shown}`);

    const again = open(text);
    await again.run('hindsight.exportActionItems', { buttons: ['Create 3 Tickets'] });
    assert.equal(contract.seen.length, 4, 'no request the second time');
    assert.equal(again.recorded.confirmations.length, 0);
    assert.match(again.recorded.infos[0], /nothing to export to github: every action item already has a ticket/);
    assert.equal(again.text(), text);
  });

  it('puts keys on the right rows when the document changed while the tickets were created', async () => {
    secrets.set('hindsight.github.token', SECRET);
    const fake = open();
    const inserted = POSTMORTEM.replace(
      '| Add a canary',
      '| Brand new item typed meanwhile | @sam | | | open | |\n| Add a canary',
    );
    await fake.run('hindsight.exportActionItems', {
      buttons: ['Create 3 Tickets'],
      duringProgress: ({ edit }) => edit(inserted),
    });
    const text = fake.text();
    assert.match(row(text, 'Add a canary'), /acme\/web#100/);
    assert.match(row(text, 'Alert on checkout'), /acme\/web#101/);
    assert.doesNotMatch(row(text, 'Brand new item'), /acme\/web/);
    assert.deepEqual(fake.recorded.applied, [3]);
  });

  it('when cancelled half-way, writes back what was created and says what was not', async () => {
    secrets.set('hindsight.github.token', SECRET);
    const fake = open();
    // Cancel during the second create; GitHub answers it once the server has heard of the cancel.
    const creates = () => contract.seen.filter((r) => r.operationId === 'issues/create').length;
    const cancelAtSecond = (cancel: () => void) => async () => {
      if (creates() !== 2) return;
      cancel();
      await aborted(lastSignal);
    };
    await fake.run('hindsight.exportActionItems', {
      buttons: ['Create 3 Tickets'],
      duringProgress: ({ cancel }) => (afterCreate = cancelAtSecond(cancel)),
    });
    assert.equal(contract.seen.filter((r) => r.operationId === 'issues/create').length, 2);
    const text = fake.text();
    assert.match(row(text, 'Add a canary'), /acme\/web#100/);
    assert.match(row(text, 'Alert on checkout'), /acme\/web#101/);
    assert.doesNotMatch(row(text, 'rollback runbook'), /acme\/web#1\d\d/);
    assert.equal(
      fake.recorded.warnings[0],
      'Hindsight: created 2 tickets in github (acme/web#100, acme/web#101); 1 skipped (already has a ' +
        'ticket); 1 failed: "Write the rollback runbook": Cancelled before this item was created.',
    );
    assert.deepEqual(
      fake.recorded.log.filter((l) => l.startsWith('warn')),
      ['warn failed "Write the rollback runbook": Cancelled before this item was created.'],
    );
  });

  it('leaves the document alone and names the credential when GitHub refuses the token', async () => {
    secrets.set('hindsight.github.token', SECRET);
    failWith = { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } };
    const fake = open();
    await fake.run('hindsight.exportActionItems', { buttons: ['Create 3 Tickets'] });
    assert.equal(fake.text(), POSTMORTEM);
    assert.match(fake.recorded.errors[0], /nothing was exported to github: .*Bad credentials.*HINDSIGHT_GITHUB_TOKEN/);
    assert.ok(fake.recorded.log.some((l) => l.startsWith('error') && l.includes('Bad credentials')));
    for (const shown of fake.everythingShown()) assert.ok(!shown.includes(SECRET));
  });

  it('creates only the items left checked in the confirmation; the next run offers the rest', async () => {
    secrets.set('hindsight.github.token', SECRET);
    const fake = open();
    await fake.run('hindsight.exportActionItems', {
      buttons: ['Create 3 Tickets'],
      uncheck: ['Alert on checkout error rate'],
    });
    assert.deepEqual(fake.recorded.errors, []);
    assert.equal(contract.seen.filter((r) => r.operationId === 'issues/create').length, 2);
    assert.doesNotMatch(row(fake.text(), 'Alert on checkout'), /acme\/web#/);
    const again = open(fake.text());
    await again.run('hindsight.exportActionItems', { buttons: ['Create 1 Ticket'] });
    assert.deepEqual(
      again.recorded.confirmations[0].items.map((i) => i.split(' (')[0]),
      ['Alert on checkout error rate'],
    );
    assert.match(row(again.text(), 'Alert on checkout'), /acme\/web#/);
  });

  it('does nothing when the confirmation is dismissed', async () => {
    secrets.set('hindsight.github.token', SECRET);
    const fake = open();
    await fake.run('hindsight.exportActionItems', { buttons: [undefined] });
    assert.equal(contract.seen.length, 0);
    assert.equal(fake.text(), POSTMORTEM);
  });

  it('refreshes statuses from the tickets in one edit', async () => {
    secrets.set('hindsight.github.token', SECRET);
    const tracked = POSTMORTEM.replace(
      '| high | open | |',
      '| high | open | [acme/web#100](https://github.com/acme/web/issues/100) |',
    ).replace('| medium | open | |', '| medium | open | acme/web#101 |');
    states = { '100': 'closed', '101': 'open', '9': 'open' };
    const fake = open(tracked);
    await fake.run('hindsight.refreshActionItemStatus');
    assert.deepEqual(contract.seen.map((s) => s.params.issue_number).sort(), ['100', '101', '9']);
    const text = fake.text();
    assert.match(row(text, 'Add a canary'), /\| done \|/);
    assert.match(row(text, 'Alert on checkout'), /\| open \|/);
    assert.match(row(text, 'deploy checklist'), /\| open \|/, 'reopened upstream');
    assert.deepEqual(fake.recorded.applied, [2], 'one WorkspaceEdit for both rows');
    assert.equal(fake.recorded.infos.at(-1), 'Hindsight: read 3 statuses from github; 2 rows updated.');
  });

  it('sets, keeps and clears credentials in SecretStorage only', async () => {
    const fake = open();
    await fake.run('hindsight.setTrackerCredentials', { inputs: [SECRET] });
    assert.equal(secrets.get('hindsight.github.token'), SECRET);
    assert.deepEqual(
      fake.recorded.inputBoxes.map((b) => b.password),
      [true],
    );
    assert.match(fake.recorded.inputBoxes[0].prompt!, /HINDSIGHT_GITHUB_TOKEN/);
    assert.ok(!readFileSync(join(workspace, '.hindsight.json'), 'utf8').includes(SECRET));

    await fake.run('hindsight.setTrackerCredentials', { picks: ['Set credentials for github'], inputs: [''] });
    assert.equal(secrets.get('hindsight.github.token'), SECRET, 'an empty answer keeps the stored value');

    await fake.run('hindsight.setTrackerCredentials', { picks: ['Clear stored credentials for github'] });
    assert.equal(secrets.size, 0);
    for (const shown of fake.everythingShown()) assert.ok(!shown.includes(SECRET));
  });

  it('says what to add to .hindsight.json when no tracker is configured', async () => {
    writeFileSync(join(workspace, '.hindsight.json'), '{}');
    const fake = open();
    await fake.run('hindsight.exportActionItems');
    assert.match(
      fake.recorded.warnings[0],
      /no tracker is configured\. Add one under "trackers" in .*\.hindsight\.json/,
    );
  });

  it('asks which tracker when there are several, and exports to a CSV file with no credentials', async () => {
    configure({ github: GITHUB, sheet: { type: 'csv', path: 'exports/actions.csv' } });
    const fake = open();
    await fake.run('hindsight.exportActionItems', { picks: ['sheet'], buttons: ['Create 3 Tickets'] });
    assert.deepEqual(fake.recorded.quickPicks[0], ['github', 'sheet']);
    assert.equal(contract.seen.length, 0);
    const csv = readFileSync(join(workspace, 'exports', 'actions.csv'), 'utf8');
    assert.match(
      csv,
      /^action,owner,due,priority,status,type,incident,postmortem\r\nAdd a canary stage for the gateway,'@dana,2025-04-01,high,open,,INC-20250310-checkout-errors,postmortems\/2025-03-10-checkout-errors\.md\r\n/,
    );
    assert.match(row(fake.text(), 'Add a canary'), /\| actions\.csv#1 \|/);
    await fake.run('hindsight.refreshActionItemStatus', { picks: ['sheet'] });
    assert.match(fake.recorded.infos.at(-1)!, /CSV export, which has no status to read/);
  });
});
