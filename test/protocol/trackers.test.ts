/**
 * The tracker requests through the bundled server over stdio: the client lists, plans and confirms,
 * the server creates and writes back with one versioned `workspace/applyEdit`; a tracker that
 * echoes the token gets it into no answer and no log line.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  TRACKER_EXPORT_REQUEST,
  TRACKER_PLAN_REQUEST,
  TRACKERS_REQUEST,
  type TrackerExportResult,
  type TrackerPlanResult,
  type TrackersResult,
} from '../../server/src/shared/trackers';
import { TestClient } from './client';

const TOKEN = 'Prot0col/Secret+Token=77';
const POSTMORTEM = join(__dirname, '..', 'fixtures', 'trackers', 'github-postmortem.md');

interface ApplyEdit {
  label?: string;
  edit: { documentChanges: { textDocument: { uri: string; version: number }; edits: unknown[] }[] };
}

/** A tracker that refuses every request and quotes back what it was sent. */
function echoingTracker(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `Bad credentials: you sent ${req.headers.authorization} (${TOKEN})` }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

describe('tracker requests over stdio', () => {
  const folder = mkdtempSync(join(tmpdir(), 'hindsight-tracker-protocol-'));
  const file = join(folder, 'postmortems', '2025-03-10-checkout-errors.md');
  const uri = pathToFileURL(file).toString();
  let client: TestClient;
  let echo: Awaited<ReturnType<typeof echoingTracker>>;
  const edits: ApplyEdit[] = [];
  const logs: string[] = [];

  before(async () => {
    echo = await echoingTracker();
    mkdirSync(join(folder, 'postmortems'));
    copyFileSync(POSTMORTEM, file);
    const trackers = {
      sheet: { type: 'csv', path: 'exports/actions.csv' },
      gh: { type: 'github', repo: 'acme/web', baseUrl: echo.url },
    };
    writeFileSync(join(folder, '.hindsight.json'), JSON.stringify({ trackers }));
    client = new TestClient({ folder });
    client.connection.onRequest('workspace/applyEdit', (params: ApplyEdit) => (edits.push(params), { applied: true }));
    client.connection.onNotification(
      'window/logMessage',
      ({ message }: { message: string }) => void logs.push(message),
    );
    await client.initialize();
    void client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') },
    });
  });
  after(async () => {
    // The tracker is closed whatever happened: a listener left open would keep this file's process alive.
    try {
      if (client) assert.equal(await client.stop(), 0);
    } finally {
      await echo.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lists the configured trackers with the credentials each needs', async () => {
    const { trackers } = await client.connection.sendRequest<TrackersResult>(TRACKERS_REQUEST, { uri });
    assert.deepEqual(
      trackers.map((t) => [t.name, t.type, t.credentials.map((c) => c.env)]),
      [
        ['sheet', 'csv', []],
        ['gh', 'github', ['HINDSIGHT_GITHUB_TOKEN']],
      ],
    );
  });

  it('plans, exports the confirmed items and writes their keys back as one edit on the planned version', async () => {
    const plan = await client.connection.sendRequest<TrackerPlanResult>(TRACKER_PLAN_REQUEST, {
      uri,
      tracker: 'sheet',
    });
    assert.equal(plan.version, 1);
    assert.equal(plan.toCreate.length, 3);
    assert.deepEqual(
      plan.skipped.map((s) => s.ticket),
      ['acme/web#9'],
    );
    const items = plan.toCreate.slice(0, 2).map((item) => item.index);
    const params = { uri, tracker: 'sheet', version: plan.version, items, credentials: {} };
    const result = await client.connection.sendRequest<TrackerExportResult>(TRACKER_EXPORT_REQUEST, params);
    assert.match(result.report.message, /^Hindsight: created 2 tickets in sheet \(actions\.csv#1, actions\.csv#2\)/);
    assert.equal(result.applied, true);
    assert.equal(edits.length, 1);
    assert.deepEqual(
      edits[0].edit.documentChanges.map((c) => [c.textDocument.uri, c.textDocument.version, c.edits.length]),
      [[uri, 1, 2]],
    );
    assert.equal(
      readFileSync(join(folder, 'exports', 'actions.csv'), 'utf8')
        .trim()
        .split('\r\n').length,
      3,
    );
  });

  it('refuses an export of a version it never planned', async () => {
    const params = { uri, tracker: 'sheet', version: 7, items: [0], credentials: {} };
    await assert.rejects(
      client.connection.sendRequest(TRACKER_EXPORT_REQUEST, params),
      /document changed before the export began/,
    );
  });

  it('refuses requests of the wrong shape with what they need, and keeps serving', async () => {
    const send = (method: string, params: object) => client.connection.sendRequest(method, params);
    await assert.rejects(send(TRACKERS_REQUEST, { uri: 42 }), /needs "uri"/);
    await assert.rejects(send(TRACKER_PLAN_REQUEST, { uri }), /needs "tracker"/);
    const base = { uri, tracker: 'sheet', version: 1 };
    await assert.rejects(send(TRACKER_EXPORT_REQUEST, { ...base, items: 'all', credentials: {} }), /needs "items"/);
    await assert.rejects(
      send(TRACKER_EXPORT_REQUEST, { ...base, items: [0], credentials: { token: 7 } }),
      /needs "credentials"/,
    );
    const { trackers } = await client.connection.sendRequest<TrackersResult>(TRACKERS_REQUEST, { uri });
    assert.equal(trackers.length, 2);
  });

  it('says so when the document is not open', async () => {
    const closed = pathToFileURL(join(folder, 'postmortems', 'other.md')).toString();
    await assert.rejects(
      client.connection.sendRequest(TRACKER_PLAN_REQUEST, { uri: closed, tracker: 'sheet' }),
      /not open in the editor/,
    );
  });

  it('plans an untitled document with the configuration of the folder the client names', async () => {
    const untitled = 'untitled:Untitled-1';
    const text = readFileSync(file, 'utf8');
    const open = { textDocument: { uri: untitled, languageId: 'markdown', version: 1, text } };
    void client.connection.sendNotification('textDocument/didOpen', open);
    const configFolder = pathToFileURL(folder).toString();
    const plan = await client.connection.sendRequest<TrackerPlanResult>(TRACKER_PLAN_REQUEST, {
      uri: untitled,
      tracker: 'sheet',
      configFolder,
    });
    assert.equal(plan.toCreate.length, 3);
    const alone = client.connection.sendRequest(TRACKER_PLAN_REQUEST, { uri: untitled, tracker: 'sheet' });
    await assert.rejects(alone, /No tracker is configured/);
  });

  it('reports a refused token without it, in any form, in the answer or the server log', async () => {
    const before = edits.length;
    const plan = await client.connection.sendRequest<TrackerPlanResult>(TRACKER_PLAN_REQUEST, { uri, tracker: 'gh' });
    const params = {
      uri,
      tracker: 'gh',
      version: plan.version,
      items: [plan.toCreate[0].index],
      credentials: { token: TOKEN },
    };
    const result = await client.connection.sendRequest<TrackerExportResult>(TRACKER_EXPORT_REQUEST, params);
    assert.equal(result.report.level, 'error');
    assert.match(result.report.message, /nothing was exported to gh: .*Bad credentials/);
    assert.equal(edits.length, before, 'nothing written back');
    const forms = [
      TOKEN,
      encodeURIComponent(TOKEN),
      Buffer.from(TOKEN).toString('base64'),
      JSON.stringify(TOKEN).slice(1, -1),
    ];
    const said = JSON.stringify(result) + logs.join('\n');
    for (const form of forms) assert.ok(!said.includes(form), `${form} in ${said}`);
  });
});
