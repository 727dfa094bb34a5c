#!/usr/bin/env node
// Checks with Prettier every TypeScript and JavaScript file of the project (what .prettierignore leaves:
// no bundles, fixtures or generated files). `npm run format` writes the same files.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const prettier = createRequire(import.meta.url).resolve('prettier/bin/prettier.cjs');
const write = process.argv.includes('--write');
const result = spawnSync(process.execPath, [prettier, write ? '--write' : '--check', '**/*.{ts,mjs,cjs,js}'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
