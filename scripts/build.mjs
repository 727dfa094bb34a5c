#!/usr/bin/env node
// Bundles the extension client, the language server and the CLI with esbuild.
// `--dev` keeps the output readable with source maps; `--watch` rebuilds on change.
import { chmodSync, statSync } from 'node:fs';
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
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // The workspace pass checks closed files on this worker thread; the server finds it beside itself.
  { entryPoints: ['server/src/lsp/workspaceWorker.ts'], outfile: 'dist/workspaceWorker.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const bundle of bundles) await (await esbuild.context({ ...common, ...bundle })).watch();
  console.log('watching for changes…');
} else {
  await Promise.all(bundles.map((bundle) => esbuild.build({ ...common, ...bundle })));
  chmodSync('dist/cli.js', 0o755);
  for (const { outfile } of bundles)
    console.log(`${outfile.padEnd(20)} ${(statSync(outfile).size / 1024).toFixed(0).padStart(5)} KB`);
}
