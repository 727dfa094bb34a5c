#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI with esbuild.
// `--dev` keeps the output readable with source maps; `--watch` rebuilds on change.
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
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
  // The language server, and on a worker thread the workspace pass's checker: one bundle, one engine.
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

// A bundle no longer built must not linger in dist/, where packaging would ship it.
const outputs = new Set(bundles.flatMap(({ outfile }) => [outfile, `${outfile}.map`]));
for (const name of existsSync('dist') ? readdirSync('dist') : []) {
  if (!outputs.has(`dist/${name}`)) rmSync(`dist/${name}`, { recursive: true, force: true });
}

if (watch) {
  for (const bundle of bundles) await (await esbuild.context({ ...common, ...bundle })).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(bundles.map((bundle) => esbuild.build({ ...common, ...bundle })));
  chmodSync('dist/cli.js', 0o755);
  for (const { outfile } of bundles)
    console.log(`${outfile.padEnd(20)} ${(statSync(outfile).size / 1024).toFixed(0).padStart(5)} KB`);
}
