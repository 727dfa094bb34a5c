import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_INCLUDE } from '../../server/src/core/classify';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { fixture, TestClient, type ConfigurationItem } from './client';

const NOTES_INCLUDED = { include: ['**/notes.md'] };

/** A promise and the function that settles it, to hold a reply until a test says so. */
function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('settings asked with workspace/configuration (as VS Code)', () => {
  let settings: unknown = NOTES_INCLUDED;
  let hold: Promise<void> = Promise.resolve();
  let asked = signal<ConfigurationItem[]>();
  const refreshed = signal();
  const client = new TestClient({
    pull: true,
    configuration: async (items) => {
      asked.resolve(items);
      await hold;
      return items.map(() => settings);
    },
    onRefresh: () => refreshed.resolve(),
  });
  before(() => client.initialize());
  after(async () => assert.equal(await client.stop(), 0));

  it('classifies with the include globs the client sends for the document', async () => {
    const { uri } = client.open('notes.md');
    const classification = await client.classify(uri);
    assert.deepEqual(await asked.promise, [{ scopeUri: uri, section: 'hindsight' }]);
    assert.equal(classification.postmortem, true);
    assert.match(classification.reason, /\*\*\/notes\.md/);
  });

  it('asks again and has the client pull again after the settings change', async () => {
    const { uri } = fixture('notes.md'); // still open from the test above
    settings = {};
    client.changeConfiguration({});
    await refreshed.promise;
    assert.equal((await client.classify(uri)).postmortem, false, 'back to the default globs');
  });

  it('drops diagnostics computed for a version that is no longer current', async () => {
    const { uri, text } = client.open('ambiguous-zone.md');
    const released = signal();
    hold = released.promise;
    asked = signal();
    // The pull waits on the settings; the document changes meanwhile.
    const stale = client.pull(uri);
    await asked.promise;
    client.change(uri, 2, text + '\n- 10:30 IST Postmortem scheduled\n');
    released.resolve();
    await assert.rejects(stale, (error: { code: number; data?: { retriggerRequest?: boolean } }) => {
      assert.equal(error.code, -32802, 'ServerCancelled');
      assert.equal(error.data?.retriggerRequest, true);
      return true;
    });
    assert.equal((await client.pull(uri)).kind, 'full', 'the retriggered pull gets the new version');
  });
});

describe('settings pushed with workspace/didChangeConfiguration (clients that cannot be asked)', () => {
  const client = new TestClient({ pull: false });
  before(() => client.initialize());
  after(async () => assert.equal(await client.stop(), 0));

  it('uses the pushed include globs', async () => {
    const { uri } = client.open('notes.md');
    await client.nextPublish(uri);
    assert.equal((await client.classify(uri)).postmortem, false);
    const republished = client.nextPublish(uri);
    client.changeConfiguration({ hindsight: NOTES_INCLUDED });
    await republished;
    assert.equal((await client.classify(uri)).postmortem, true);
  });
});

describe('default include globs', () => {
  it('are the same in the engine, the shared settings and package.json', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.deepEqual(DEFAULT_SETTINGS.include, DEFAULT_INCLUDE);
    assert.deepEqual(manifest.contributes.configuration.properties['hindsight.include'].default, DEFAULT_INCLUDE);
  });
});
