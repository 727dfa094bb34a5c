// Bundles the in-host mocha suites (test/host/suite/*.ts) into out/host/suite/, one file each:
// mocha loads every test file itself, after it has defined suite() and test().
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO } from './workspace.mjs';

export const SUITE_OUT = join(REPO, 'out', 'host', 'suite');

export async function bundleHostSuites() {
  const dir = join(REPO, 'test', 'host', 'suite');
  const entryPoints = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    // vscode is the host's own module; mocha is loaded from the harness tools at run time.
    external: ['vscode', 'mocha'],
  });
  return join(SUITE_OUT, 'index.js');
}
