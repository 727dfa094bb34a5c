#!/usr/bin/env node
// Runs the in-host mocha suites inside a real VS Code extension host: code-server's VS Code server
// on 127.0.0.1, its workbench in headless Chromium, with the extension-test paths in the URL's
// payload (the contract of @vscode/test-electron). Exits with the suites' result.
//   node test/host/runCodeServer.mjs        (after `npm run build` and scripts/setup-clients.mjs)
// Screenshots the tests ask for go to out/host/screenshots/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleHostSuites } from './bundle.mjs';
import { drive, DRIVE_MARKER } from './driver.mjs';
import { freePort, launchChromium, startVsCodeServer, VIEWPORT, waitForHttp } from './processes.mjs';
import { clientTools } from '../../scripts/setup-clients.mjs';
import { makeWorkspace, REPO } from './workspace.mjs';

const RUN_TIMEOUT_MS = 5 * 60_000;
// Workbench chatter that says nothing about the tests.
const NOISE =
  /^(Ignoring fetching additional builtin extensions|\[AccountPolicyGate\]|\[AgentHost|Creating a socket|Resolving connection token|Resolved connection token|\[reconnection-grace-time\]|\[Service Worker\]|Updating additional builtin extensions cache)/;
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

const testsPath = await bundleHostSuites();
const root = mkdtempSync(join(tmpdir(), 'hindsight-host-'));
const workspace = makeWorkspace(join(root, 'workspace'));
const channelDir = join(root, 'channel');
// The author New Postmortem reads from git: a made-up one, not whoever runs the tests (it shows in screenshots).
const gitConfig = join(root, 'gitconfig');
writeFileSync(gitConfig, '[user]\n\tname = Dana Reyes\n\temail = dana.reyes@example.com\n');
const shotDir = join(REPO, 'out', 'host', 'screenshots');
mkdirSync(channelDir, { recursive: true });
mkdirSync(shotDir, { recursive: true });

const port = await freePort();
let serverLog = '';
const server = startVsCodeServer({
  root,
  port,
  // The extension host inherits these: where mocha is, and how to reach the driver.
  env: {
    HINDSIGHT_MOCHA: clientTools.mocha,
    HINDSIGHT_DRIVE_DIR: channelDir,
    GIT_CONFIG_GLOBAL: gitConfig,
    GIT_CONFIG_NOSYSTEM: '1',
  },
  onOutput: (chunk) => (serverLog = (serverLog + chunk).slice(-20_000)),
});
let browser;
const finish = async (code, why) => {
  if (why) console.error(why);
  await browser?.close().catch(() => {});
  await server.stop();
  rmSync(root, { recursive: true, force: true });
  console.log(`in-host suites: exit ${code} after ${seconds()}`);
  process.exit(code);
};
process.once('SIGINT', () => void finish(130, 'interrupted'));
const hardStop = setTimeout(
  () => void finish(2, `no result after ${RUN_TIMEOUT_MS / 1000} s; server log:\n${serverLog}`),
  RUN_TIMEOUT_MS,
);

try {
  await waitForHttp(`http://127.0.0.1:${port}/`);
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: VIEWPORT });
  const result = new Promise((resolve) => page.exposeFunction('codeAutomationExit', resolve));
  // The extension host's console: echoed, and driver requests carried out.
  await page.exposeFunction('codeAutomationLog', async (type, args) => {
    const first = typeof args[0] === 'string' ? args[0] : '';
    if (first.startsWith(DRIVE_MARKER)) return drive(page, first, { channelDir, shotDir });
    if (!NOISE.test(first)) (type === 'error' ? console.error : console.log)(...args);
  });
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ];
  await page.goto(
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  const code = await result;
  clearTimeout(hardStop);
  await finish(code === 0 ? 0 : 1, code === 0 ? undefined : `server log (tail):\n${serverLog.slice(-3000)}`);
} catch (error) {
  clearTimeout(hardStop);
  await finish(2, `${error.stack ?? error}\nserver log (tail):\n${serverLog.slice(-3000)}`);
}
