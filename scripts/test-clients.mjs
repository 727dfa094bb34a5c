#!/usr/bin/env node
// The real-client tests, after the unit and protocol tests: installs the harness when missing
// (scripts/setup-clients.mjs), then runs the in-host suites in code-server's VS Code, and the
// Neovim and `npm run try` tests. Expects dist/ to be built. Exits non-zero if any part fails.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupClients } from './setup-clients.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function part(name, args) {
  const started = Date.now();
  const { status } = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  console.log(
    `test-clients: ${name} ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return status === 0;
}

const started = Date.now();
try {
  setupClients();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
console.log(`test-clients: harness ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
// One heavy client at a time: the machines this runs on are small.
const results = [
  part('VS Code (code-server extension host)', ['test/host/runCodeServer.mjs']),
  part('Neovim and npm run try', ['scripts/run-tests.mjs', 'test/clients']),
];
process.exit(results.every(Boolean) ? 0 : 1);
