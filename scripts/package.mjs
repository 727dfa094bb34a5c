#!/usr/bin/env node
// Builds the extension and packages it as out/hindsight.vsix with vsce. Every dependency is
// bundled into dist/, so vsce runs with --no-dependencies. `--no-build` packages dist/ as it is.
// vsce is one of the harness tools (test/host/tools/vsce), installed into .vscode-test/ when
// missing, never into the extension's own node_modules.
// vsce never gets a terminal to prompt on: anything it would ask about fails the run instead.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientTools, setupVsce } from './setup-clients.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join('out', 'hindsight.vsix');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const env = { ...process.env, npm_package_version: process.env.npm_package_version ?? version };

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    console.error(`package: ${args.slice(0, 2).join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

if (!process.argv.includes('--no-build')) run(['scripts/build.mjs']);
mkdirSync(join(root, 'out'), { recursive: true });
setupVsce();
const vsce = clientTools.vsce;
// No repository field yet: without one vsce cannot rewrite README links, so it leaves them as they are.
run([vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out]);
console.log(`${out.padEnd(20)} ${(statSync(join(root, out)).size / 1024).toFixed(0).padStart(5)} KB`);
