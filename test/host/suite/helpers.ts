/** What the in-host suites share: documents, diagnostics awaited on events, the page driver, a local HTTP server. */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, watch } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Received, Severity } from '../../clients/expected';

export const EXTENSION_ID = 'hindsight.hindsight-postmortem';

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function openInEditor(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The zero-based line holding `text`; fails loudly when the fixture has changed. */
export function lineOf(document: vscode.TextDocument, text: string): number {
  const line = document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes(text));
  if (line < 0) throw new Error(`"${text}" is not in ${document.uri.path}`);
  return line;
}

export const hindsightDiagnostics = (uri: vscode.Uri) =>
  vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'hindsight');

export const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

const SEVERITIES: Record<vscode.DiagnosticSeverity, Severity> = { 0: 'error', 1: 'warning', 2: 'info', 3: 'hint' };

export const received = (d: vscode.Diagnostic): Received => ({
  code: codeOf(d),
  severity: SEVERITIES[d.severity],
  range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  message: d.message,
});

/** Resolves with the document's Hindsight diagnostics once `accept` takes them, checking on every change event. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = hindsightDiagnostics(uri);
      if (!accept(ds)) return;
      cleanup();
      resolve(ds);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(
      (e) => e.uris.some((u) => u.toString() === uri.toString()) && check(),
    );
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `diagnostics of ${uri.path} never matched; last: ${JSON.stringify(hindsightDiagnostics(uri).map(received))}`,
        ),
      );
    }, timeoutMs);
    const cleanup = () => (subscription.dispose(), clearTimeout(timer));
    check();
  });
}

/** Resolves with the next editor that `accept` takes (or the active one, if it does already). */
export function waitForActiveEditor(
  accept: (e: vscode.TextEditor) => boolean,
  timeoutMs = 30_000,
): Promise<vscode.TextEditor> {
  return new Promise((resolve, reject) => {
    const current = vscode.window.activeTextEditor;
    if (current && accept(current)) return resolve(current);
    const subscription = vscode.window.onDidChangeActiveTextEditor((e) => {
      if (!e || !accept(e)) return;
      cleanup();
      resolve(e);
    });
    const timer = setTimeout(() => (cleanup(), reject(new Error('no matching editor became active'))), timeoutMs);
    const cleanup = () => (subscription.dispose(), clearTimeout(timer));
  });
}

// ---- the page driver (test/host/driver.mjs): only under runCodeServer.mjs, which serves the page ----

export type DriveStep =
  | { do: 'waitFor'; selector: string; text?: string; timeout?: number }
  | { do: 'text'; selector: string }
  | { do: 'press'; key: string }
  | { do: 'click'; selector: string }
  | { do: 'type'; text: string }
  | { do: 'fill'; selector: string; text: string }
  | { do: 'mouseAway' }
  | { do: 'frameTexts'; selector: string; timeout?: number }
  | { do: 'shot'; name: string };

const DRIVE_MARKER = '__HINDSIGHT_DRIVE__';

/** Whether a page driver is listening; under test-electron there is none and UI-level tests skip. */
export const canDrive = () => Boolean(process.env.HINDSIGHT_DRIVE_DIR);

/** Resolves once `file` exists, on the folder's change events. */
function waitForFile(file: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const dir = join(file, '..');
    const watcher = watch(dir, () => existsSync(file) && done());
    const timer = setTimeout(
      () => (watcher.close(), reject(new Error(`no answer from the driver in ${timeoutMs} ms`))),
      timeoutMs,
    );
    const done = () => (watcher.close(), clearTimeout(timer), resolve());
    if (existsSync(file)) done();
  });
}

/** Runs a command from the command palette (F1), as a person does. */
export const paletteSteps = (title: string): DriveStep[] => [
  { do: 'press', key: 'F1' },
  { do: 'waitFor', selector: '.quick-input-widget' },
  { do: 'type', text: title },
  { do: 'waitFor', selector: '.quick-input-list .monaco-list-row', text: title },
  { do: 'press', key: 'Enter' },
];

/** Has the driver run `steps` against the page, in order; resolves with each step's result. */
export async function drive(steps: DriveStep[], timeoutMs = 60_000): Promise<unknown[]> {
  const dir = process.env.HINDSIGHT_DRIVE_DIR;
  if (!dir) throw new Error('no page driver: run through test/host/runCodeServer.mjs');
  // Unique across the bundles, each of which has its own copy of this module.
  const id = randomUUID();
  const answer = join(dir, `${id}.json`);
  const waiting = waitForFile(answer, timeoutMs);
  console.log(`${DRIVE_MARKER} ${JSON.stringify({ id, steps })}`);
  await waiting;
  const reply = JSON.parse(readFileSync(answer, 'utf8')) as { ok: boolean; error?: string; results: unknown[] };
  rmSync(answer);
  if (!reply.ok)
    throw new Error(`driver failed after ${reply.results.length} of ${steps.length} steps: ${reply.error}`);
  return reply.results;
}

// ---- a local HTTP server, for tests of features that call out (trackers) ----

export interface LocalServer {
  url: string;
  requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 (a free port) answering with `handle`; it records every request it gets. */
export function startLocalServer(
  handle: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void,
): Promise<LocalServer> {
  const requestsSeen: LocalServer['requests'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requestsSeen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handle(req, body, res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        requests: requestsSeen,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
