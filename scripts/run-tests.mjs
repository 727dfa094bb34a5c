#!/usr/bin/env node
// Runs every test file under the given folders (default: test/unit and test/protocol) with
// node's test runner. Node 20's runner does not expand globs itself, so this does.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const files = [];
const walk = (path) => {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) return void files.push(path);
  for (const name of readdirSync(path).sort()) {
    const full = join(path, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.test.ts')) files.push(full);
  }
};
for (const root of roots.length > 0 ? roots : ['test/unit', 'test/protocol']) walk(root);
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}
// The protocol tests drive the bundled server: without it they can only fail, so say why before starting.
if (files.some((file) => file.split(/[\\/]/).includes('protocol')) && !existsSync(join('dist', 'server.js'))) {
  console.error(
    'run-tests: dist/server.js is missing: run `npm run build` first (the protocol tests drive the bundle)',
  );
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...flags, ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
