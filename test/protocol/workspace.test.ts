import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ProgressType } from 'vscode-jsonrpc/node';
import { TestClient } from './client';
import { namesOf, WorkspacePuller } from './workspacePull';

const SOURCE = join(__dirname, '..', 'fixtures', 'workspace');
const POSTMORTEM = readFileSync(join(SOURCE, 'checkout-errors.md'), 'utf8');

/** A workspace folder of `count` copies of the fixture postmortem, and a note that is not one. */
function workspace(count: number): { root: string; file: (n: number) => string } {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-workspace-'));
  mkdirSync(join(root, 'postmortems'));
  const file = (n: number) => join(root, 'postmortems', `incident-${String(n).padStart(4, '0')}.md`);
  for (let n = 0; n < count; n++) copyFileSync(join(SOURCE, 'checkout-errors.md'), file(n));
  copyFileSync(join(SOURCE, 'meeting-notes.md'), join(root, 'meeting-notes.md'));
  return { root, file };
}

const uriOf = (path: string) => pathToFileURL(path).toString();

describe('workspace diagnostics, pulled as vscode-languageclient 11 pulls them', () => {
  const { root, file } = workspace(5);
  const client = new TestClient({ pull: true, folder: root });
  const puller = new WorkspacePuller(client);
  before(() => client.initialize());
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('streams a full report with a result id for every postmortem, and none for other Markdown', async () => {
    const first = await puller.pull();
    assert.deepEqual(namesOf(first.reports, 'full'), [
      'incident-0000.md',
      'incident-0001.md',
      'incident-0002.md',
      'incident-0003.md',
      'incident-0004.md',
    ]);
    assert.equal(first.inResponse, 0, 'with a partial result token, every report goes ahead of the empty response');
    assert.ok(first.reports.every((r) => r.resultId && r.items!.some((d) => d.code === 'actions/overdue')));
  });

  it('answers a second pull with the result ids held as unchanged, with the same ids', async () => {
    const held = new Map(puller.resultIds);
    const second = await puller.pull();
    assert.equal(second.reports.length, 5);
    assert.deepEqual(namesOf(second.reports, 'unchanged').length, 5);
    for (const report of second.reports) assert.equal(report.resultId, held.get(report.uri));
  });

  it('sends a full report for a file changed on disk, with a new id, and unchanged for the rest', async () => {
    const before = puller.resultIds.get(uriOf(file(2)));
    writeFileSync(file(2), POSTMORTEM.replace('| Open |', '| Done |'));
    const third = await puller.pull();
    assert.deepEqual(namesOf(third.reports, 'full'), ['incident-0002.md']);
    assert.equal(namesOf(third.reports, 'unchanged').length, 4);
    const changed = third.reports.find((r) => r.kind === 'full')!;
    assert.notEqual(changed.resultId, before);
    assert.equal(changed.items!.filter((d) => d.code === 'actions/overdue').length, 1);
  });

  it('clears a deleted postmortem once with an empty report, then leaves it out', async () => {
    unlinkSync(file(4));
    const cleared = await puller.pull();
    const gone = cleared.reports.find((r) => r.uri === uriOf(file(4)));
    assert.deepEqual({ kind: gone?.kind, items: gone?.items }, { kind: 'full', items: [] });
    const next = await puller.pull();
    assert.equal(
      next.reports.some((r) => r.uri === uriOf(file(4))),
      false,
    );
    assert.equal(namesOf(next.reports, 'unchanged').length, 4);
  });
});

describe('workspace diagnostics with a file watcher', () => {
  const { root, file } = workspace(3);
  const client = new TestClient({ pull: true, folder: root, watchFiles: true });
  const puller = new WorkspacePuller(client);
  before(() => client.initialize());
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  const notify = (changes: { path: string; type: 1 | 2 | 3 }[]) =>
    client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: changes.map((c) => ({ uri: uriOf(c.path), type: c.type })),
    });

  it('reads again exactly the files the watcher names, and picks up a new one', async () => {
    await puller.pull();
    writeFileSync(file(0), POSTMORTEM.replace('| Open |', '| Done |'));
    copyFileSync(join(SOURCE, 'checkout-errors.md'), file(7));
    await notify([
      { path: file(0), type: 2 },
      { path: file(7), type: 1 },
    ]);
    const next = await puller.pull();
    assert.deepEqual(namesOf(next.reports, 'full'), ['incident-0000.md', 'incident-0007.md']);
    assert.deepEqual(namesOf(next.reports, 'unchanged'), ['incident-0001.md', 'incident-0002.md']);
  });

  it('checks every file again after the configuration changed', async () => {
    writeFileSync(join(root, '.hindsight.json'), JSON.stringify({ rules: { 'actions/overdue': 'off' } }));
    await notify([{ path: join(root, '.hindsight.json'), type: 1 }]);
    const next = await puller.pull();
    assert.equal(namesOf(next.reports, 'full').length, 4);
    assert.ok(next.reports.every((r) => !r.items!.some((d) => d.code === 'actions/overdue')));
  });
});

describe('the first workspace pass over many postmortems', () => {
  const { root, file } = workspace(150);
  const progress: string[] = [];
  const client = new TestClient({ pull: true, folder: root, workDoneProgress: true });
  before(async () => {
    // The server creates its progress bar first; its reports then arrive under that token.
    client.connection.onRequest('window/workDoneProgress/create', ({ token }: { token: string }) => {
      client.connection.onProgress(new ProgressType<{ kind: string }>(), token, ({ kind }) => {
        progress.push(kind);
      });
      return null;
    });
    await client.initialize();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('answers a hover while it runs, long before the pass ends', async () => {
    const uri = uriOf(file(0));
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: POSTMORTEM },
    });
    let streamedBeforeHover = 0;
    let hoverAnswered = false;
    const pass = new WorkspacePuller(client).pull(undefined, (items) => {
      if (!hoverAnswered) streamedBeforeHover += items.length;
    });
    const hover = client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 22, character: 3 },
    });
    const first = await Promise.race([hover.then(() => 'hover'), pass.then(() => 'pass')]);
    hoverAnswered = true;
    assert.equal(first, 'hover');
    const result = await pass;
    assert.equal(result.reports.length, 150);
    assert.ok(streamedBeforeHover < 150, `${streamedBeforeHover} reports were sent before the hover was answered`);
    assert.deepEqual([progress[0], progress.at(-1)], ['begin', 'end']);
  });

  it('stops when cancelled, and the next pull resumes from what was already checked', async () => {
    writeFileSync(join(root, '.hindsight.json'), '{}'); // a new configuration: every file must be checked again
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: uriOf(join(root, '.hindsight.json')), type: 1 }],
    });
    const source = new CancellationTokenSource();
    const puller = new WorkspacePuller(client);
    const cancelled = puller.pull(source.token, () => source.cancel());
    await assert.rejects(cancelled, (error: { code?: number }) => error.code === -32800);
    const resumed = await puller.pull();
    assert.equal(resumed.reports.length, 150);
  });
});

describe('workspace diagnostics of an open postmortem under hindsight.run: onSave', () => {
  const { root, file } = workspace(2);
  const client = new TestClient({ pull: true, folder: root, configuration: () => [{ run: 'onSave' }] });
  const puller = new WorkspacePuller(client);
  before(() => client.initialize());
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(root, { recursive: true, force: true });
  });

  it('reports the saved text while the user types, and the new text once saved', async () => {
    const uri = uriOf(file(1));
    const overdue = async () => {
      const report = (await puller.pull()).reports.find((r) => r.uri === uri)!;
      return report.kind === 'unchanged'
        ? 'unchanged'
        : report.items!.filter((d) => d.code === 'actions/overdue').length;
    };
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: POSTMORTEM },
    });
    assert.equal(await overdue(), 2);
    client.change(uri, 2, POSTMORTEM.replaceAll('| Open |', '| Done |'));
    assert.equal(await overdue(), 'unchanged', 'unsaved edits are not checked');
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    assert.equal(await overdue(), 0);
  });
});
