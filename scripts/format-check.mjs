#!/usr/bin/env node
// Checks with Prettier only the files listed in scripts/formatted-files.txt. The rest of the tree predates
// the formatter; reformatting it all at once would collide with every branch in flight, so files join the
// list one change at a time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const listed = readFileSync(new URL('formatted-files.txt', import.meta.url), 'utf8')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
const missing = listed.filter((path) => !existsSync(path));
if (missing.length > 0) {
  console.error(
    `format-check: listed but not found (remove them from scripts/formatted-files.txt):\n${missing.join('\n')}`,
  );
  process.exit(1);
}
const prettier = createRequire(import.meta.url).resolve('prettier/bin/prettier.cjs');
const result = spawnSync(process.execPath, [prettier, '--check', ...listed], { stdio: 'inherit' });
process.exit(result.status ?? 1);
