#!/usr/bin/env node
// `npm run try [-- --port N]`: builds the .vsix, installs it into a private code-server profile and
// serves a copy of examples/ on http://127.0.0.1:N (loopback only, no password), to try the
// extension in a browser. Ctrl+C stops code-server (its whole process group) and removes the copy.
import { spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientTools, setupClients } from './setup-clients.mjs';
import { privateEnv, spawnGroup, waitForHttp, writeUserSettings } from '../test/host/processes.mjs';
import { REPO } from '../test/host/workspace.mjs';

const portArg = process.argv.indexOf('--port');
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 8080));
const node24 = join(clientTools.node24Bin, 'node');
const codeServer = join(clientTools.codeServer, 'out', 'node', 'entry.js');

function step(what, command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: REPO, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) {
    console.error(`try: ${what} failed`);
    process.exit(1);
  }
}

setupClients();
step('packaging', process.execPath, ['scripts/package.mjs']);

const root = mkdtempSync(join(tmpdir(), 'hindsight-try-'));
const workspace = join(root, 'examples');
cpSync(join(REPO, 'examples'), workspace, { recursive: true });
const env = privateEnv(root);
const profile = [
  '--config',
  join(root, 'config.yaml'),
  '--user-data-dir',
  join(root, 'user-data'),
  '--extensions-dir',
  join(root, 'extensions'),
];
writeUserSettings(join(root, 'user-data'));
step(
  'installing the .vsix',
  node24,
  [codeServer, ...profile, '--install-extension', join(REPO, 'out', 'hindsight.vsix')],
  { env },
);

const server = spawnGroup(
  node24,
  [
    codeServer,
    ...profile,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    workspace,
  ],
  { env, stdio: ['ignore', 'pipe', 'pipe'] },
);
const logFile = join(root, 'code-server.log');
const log = createWriteStream(logFile);
server.child.stdout.pipe(log);
server.child.stderr.pipe(log);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server.stop();
  rmSync(root, { recursive: true, force: true });
  console.log('try: code-server stopped');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.exited.then((how) => {
  if (stopping) return;
  console.error(`try: code-server exited (${how}):\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
  void stop(1);
});

const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`;
await waitForHttp(`http://127.0.0.1:${port}/healthz`).catch(
  (error) => (console.error(`try: ${error.message}`), stop(1)),
);
console.log(
  `\nHindsight in code-server (process group ${server.child.pid}), serving a copy of examples/:\n\n  ${url}\n\n` +
    'Open it in a browser on this machine. Ctrl+C stops it.',
);
