/**
 * The VS Code client holds no engine: from `server/src` it may load only what both sides share
 * (request and setting types), the redaction, and the few pure helpers listed here with their
 * reason. Everything those load at run time must be on the list too, so a helper that grows an
 * engine dependency fails here rather than pulling the engine into the extension bundle.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { sourceFiles } from '../sourceFiles';

const ROOT = resolve(__dirname, '..', '..', '..');
const SERVER = join(ROOT, 'server', 'src');

/** Server modules the client may load, besides `server/src/shared/**`, and why. */
const STATED_EXCEPTIONS: Record<string, string> = {
  'core/secrets.ts': 'the one redaction, for what the client shows and logs',
  'core/parse/sections.ts': 'section names, to place the summary in a new postmortem',
  'core/metrics/durations.ts': 'minutes as the status bar prints them',
  'core/text/flat.ts': 'a copy of a heading that keeps no document alive, for the section names above',
};

const allowed = (serverPath: string) => serverPath.startsWith('shared/') || serverPath in STATED_EXCEPTIONS;

/** Relative modules a file loads at run time (`import type` is erased, so it does not count). */
export function runtimeImports(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]/gm,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    /\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]);
  return found.filter((specifier) => specifier.startsWith('.'));
}

function resolveModule(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidate = [base, `${base}.ts`, join(base, 'index.ts')].find(
    (path) => existsSync(path) && statSync(path).isFile(),
  );
  if (!candidate) throw new Error(`${relative(ROOT, from)}: cannot resolve ${specifier}`);
  return candidate;
}

const serverPath = (file: string) => relative(SERVER, file).split(sep).join('/');
const inServer = (file: string) => !relative(SERVER, file).startsWith('..');

/** Every server module the client loads, directly or through another, with who loaded it. */
function serverModulesReached(): Map<string, string> {
  const reached = new Map<string, string>();
  const queue = sourceFiles(join(ROOT, 'client', 'src'));
  const seen = new Set(queue);
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, specifier);
      if (inServer(target) && !reached.has(serverPath(target))) reached.set(serverPath(target), relative(ROOT, file));
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return reached;
}

describe('what the VS Code client imports from the server', () => {
  it('is only shared types, the redaction and the stated pure helpers, all the way down', () => {
    const reached = serverModulesReached();
    const engine = [...reached].filter(([path]) => !allowed(path)).map(([path, by]) => `${path} (loaded by ${by})`);
    assert.deepEqual(engine, []);
    assert.ok(reached.has('shared/trackers.ts'), 'the tracker commands speak the shared requests');
  });

  it('reads run-time imports and leaves type-only ones out', () => {
    const text = [
      "import { a } from '../x';",
      "import type { B } from '../y';",
      "export { c } from './z';",
      "import './side';",
      "const d = require('./lazy');",
      "import * as vscode from 'vscode';",
    ].join('\n');
    assert.deepEqual(runtimeImports(text).sort(), ['../x', './lazy', './side', './z']);
  });
});
