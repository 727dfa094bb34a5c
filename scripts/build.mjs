#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI with esbuild.
// `--dev` keeps the output readable with source maps; `--watch` rebuilds on change.
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.HINDSIGHT_VERSION': JSON.stringify(process.env.npm_package_version ?? '0.0.0') },
};

const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // The language server, its workspace checker (on a worker thread) and the command line: one bundle, one engine.
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
];

/** The `hindsight` command: a few lines that run the command line from the server bundle beside them. */
const CLI = 'dist/cli.js';
const CLI_SOURCE = `#!/usr/bin/env node
'use strict';
// The command line lives in server.js with the rest of the engine, so the engine ships once.
require('./server.js').runCommandLine();
`;

// A bundle no longer built must not linger in dist/, where packaging would ship it.
const outputs = new Set([CLI, ...bundles.flatMap(({ outfile }) => [outfile, `${outfile}.map`])]);
for (const name of existsSync('dist') ? readdirSync('dist') : []) {
  if (!outputs.has(`dist/${name}`)) rmSync(`dist/${name}`, { recursive: true, force: true });
}

mkdirSync('dist', { recursive: true });
writeFileSync(CLI, CLI_SOURCE);
chmodSync(CLI, 0o755);

if (watch) {
  for (const bundle of bundles) await (await esbuild.context({ ...common, ...bundle })).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(bundles.map((bundle) => esbuild.build({ ...common, ...bundle })));
  for (const outfile of [...bundles.map((bundle) => bundle.outfile), CLI])
    console.log(`${outfile.padEnd(20)} ${(statSync(outfile).size / 1024).toFixed(0).padStart(5)} KB`);
}
