// Starting and stopping the heavy processes of the harness: code-server's VS Code server and
// headless Chromium. Each server runs in its own process group, so stopping it leaves no orphans.
import { spawn } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { clientTools, node24Env } from '../../scripts/setup-clients.mjs';

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves with the status code once `url` answers; polls until the deadline. */
export function waitForHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () =>
      http
        .get(url, (res) => (res.resume(), resolve(res.statusCode)))
        .on('error', (error) =>
          Date.now() > deadline
            ? reject(new Error(`${url} did not answer: ${error.message}`))
            : setTimeout(attempt, 200),
        );
    attempt();
  });
}

/** Settings of a quiet, deterministic workbench: no welcome page, tips, AI panel or update checks. */
export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': 'Default Light Modern',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'chat.disableAIFeatures': true,
    'window.commandCenter': false,
    'editor.minimap.enabled': false,
    'git.enabled': false,
    ...extra,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/** No extension gallery at all: code-server would otherwise look extensions up on open-vsx.org. */
const NO_GALLERY = '{}';

/** Private config, data and cache folders under `root`, so nothing is read from or written to $HOME. */
export function privateEnv(root, extra = {}) {
  return node24Env({
    XDG_CONFIG_HOME: join(root, 'xdg-config'),
    XDG_DATA_HOME: join(root, 'xdg-data'),
    XDG_CACHE_HOME: join(root, 'xdg-cache'),
    EXTENSIONS_GALLERY: NO_GALLERY,
    ...extra,
  });
}

const groupAlive = (pgid) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Spawns a process in its own group. `stop()` signals the whole group and resolves once every
 * process in it is gone (SIGKILL for what is still there after ten seconds).
 */
export function spawnGroup(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const stop = async (signal = 'SIGTERM') => {
    const signalGroup = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {} // gone meanwhile
    };
    signalGroup(signal);
    const deadline = Date.now() + 10_000;
    while (groupAlive(child.pid)) {
      if (Date.now() > deadline) signalGroup('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { child, exited, stop };
}

/**
 * The VS Code server inside code-server, started directly: only it accepts --enable-smoke-test-driver,
 * without which the workbench ignores the extension-test paths of its URL.
 */
export function startVsCodeServer({ root, port, env = {}, onOutput }) {
  const vscodeDir = join(realpathSync(clientTools.codeServer), 'lib', 'vscode');
  const userData = join(root, 'user-data');
  writeUserSettings(userData);
  const args = [
    join(vscodeDir, 'out', 'server-main.js'),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--server-data-dir',
    join(root, 'server-data'),
    '--user-data-dir',
    userData,
    '--extensions-dir',
    join(root, 'extensions'),
  ];
  const server = spawnGroup(join(clientTools.node24Bin, 'node'), args, {
    env: privateEnv(root, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.child.stdout.on('data', onOutput);
  server.child.stderr.on('data', onOutput);
  return server;
}

/** Headless Debian Chromium through playwright-core; no browser download, nothing leaves the machine. */
export async function launchChromium() {
  const { chromium } = createRequire(import.meta.url)(clientTools.playwrightCore);
  return chromium.launch({
    executablePath: clientTools.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const VIEWPORT = { width: 1280, height: 800 };
