/** The command itself (client/src/newPostmortem/command.ts), driven through a fake `vscode` over a temporary workspace. */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { localDate } from '../../../client/src/newPostmortem/create';
import { fakeVscode, installVscode, Uri, type Script } from './fakeVscode';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'new-postmortem');

// The command module keeps the `vscode` object it was loaded with, so each test swaps what is in it.
const shared: Record<string, unknown> = {};
let uninstall: () => void;
let registerNewPostmortem: (context: { subscriptions: unknown[]; extensionUri: Uri }) => void;
let workspace: string;

before(() => {
  uninstall = installVscode(shared);
  ({ registerNewPostmortem } = require('../../../client/src/newPostmortem/command') as {
    registerNewPostmortem: typeof registerNewPostmortem;
  });
});
after(() => uninstall());

async function run(script: Omit<Script, 'folders'> & { folders?: string[] }) {
  const fake = fakeVscode({ folders: [workspace], ...script });
  for (const key of Object.keys(shared)) delete shared[key];
  Object.assign(shared, fake.api);
  registerNewPostmortem({ subscriptions: [], extensionUri: Uri.file(ROOT) });
  await fake.run('hindsight.newPostmortem');
  assert.deepEqual(fake.recorded.errors, []);
  return fake.recorded;
}

describe('Hindsight: New Postmortem…', () => {
  const today = localDate(new Date());

  before(() => {
    workspace = mkdtempSync(join(tmpdir(), 'hindsight-new-'));
    cpSync(join(FIXTURES, '.hindsight'), join(workspace, '.hindsight'), { recursive: true });
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('creates the postmortem from a built-in template in postmortems/ and puts the cursor in the summary', async () => {
    const recorded = await run({ picks: ['incident', 'SEV1'], inputs: ['Checkout errors after the deploy'] });
    const file = join(workspace, 'postmortems', `${today}-checkout-errors-after-the-deploy.md`);
    assert.ok(existsSync(file));
    const text = readFileSync(file, 'utf8');
    const data = parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)![1]) as Record<string, unknown>;
    assert.equal(data.title, 'Checkout errors after the deploy');
    assert.equal(data.severity, 'SEV1');
    assert.equal(data.date, today);
    assert.equal(data.id, `INC-${today.replace(/-/g, '')}-checkout-errors-after-the-deploy`);
    assert.equal(data.template, 'incident');

    const [opened] = recorded.opened;
    assert.equal(opened.path, file);
    const lines = text.split('\n');
    const line = opened.selection!.start.line;
    assert.equal(lines[line], '');
    assert.match(lines[line - 2], /^<!-- What happened/);
    assert.match(lines[line + 2], /^## Impact$/);

    // Team templates first, then the built-in ones; the severity starts on the template's own.
    assert.deepEqual(recorded.quickPicks[0].labels, [
      'game-day',
      'incident',
      'lightweight',
      'project',
      'status-page',
      'regulated',
    ]);
    assert.equal(recorded.quickPicks[1].active, 'SEV2');
  });

  it('reports broken workspace templates without stopping', async () => {
    const recorded = await run({ picks: ['game-day', 'SEV3'], inputs: ['Failover drill'] });
    assert.equal(recorded.warnings.length, 1);
    assert.match(recorded.warnings[0], /3 workspace templates were left out/);
    for (const name of ['broken-yaml.md', 'no-sections.md', 'unclosed.md'])
      assert.ok(recorded.warnings[0].includes(name), name);
    const text = readFileSync(join(workspace, 'postmortems', `${today}-failover-drill.md`), 'utf8');
    assert.match(text, /^---\ntype: postmortem\n/);
    assert.match(text, /^template: game-day$/m);
    assert.match(text, /^# Failover drill$/m);
  });

  it('never overwrites: the same title again gets -2', async () => {
    await run({ picks: ['lightweight', 'SEV4'], inputs: ['Cache stampede'] });
    const recorded = await run({ picks: ['lightweight', 'SEV4'], inputs: ['Cache stampede'] });
    const second = join(workspace, 'postmortems', `${today}-cache-stampede-2.md`);
    assert.equal(recorded.opened[0].path, second);
    assert.match(
      readFileSync(second, 'utf8'),
      new RegExp(`^id: INC-${today.replace(/-/g, '')}-cache-stampede-2$`, 'm'),
    );
  });

  it('uses the hindsight.folder setting', async () => {
    await run({ picks: ['status-page', 'SEV2'], inputs: ['Login outage'], settings: { folder: 'docs/incidents' } });
    assert.deepEqual(readdirSync(join(workspace, 'docs', 'incidents')), [`${today}-login-outage.md`]);
  });

  it('does nothing when cancelled', async () => {
    const before = readdirSync(join(workspace, 'postmortems')).length;
    const recorded = await run({ picks: ['incident'], inputs: [undefined] });
    assert.equal(recorded.opened.length, 0);
    assert.equal(readdirSync(join(workspace, 'postmortems')).length, before);
  });

  it('opens an unsaved document when no folder is open', async () => {
    const recorded = await run({ picks: ['project', 'SEV4'], inputs: ['Billing migration'], folders: [] });
    assert.equal(recorded.opened[0].path, undefined);
    assert.match(recorded.opened[0].text, /^# Billing migration$/m);
    assert.deepEqual(recorded.quickPicks[0].labels, ['incident', 'lightweight', 'project', 'status-page', 'regulated']);
  });
});
