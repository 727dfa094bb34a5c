/**
 * The layers the layout in CONTRIBUTING.md describes: the core imports no editor, protocol or
 * command-line code, and nothing but the command line imports `server/src/cli/`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { sourceFiles } from '../sourceFiles';

const SERVER = resolve(__dirname, '..', '..', '..', 'server', 'src');

/** Each relative import of `file`, as a path under server/src with forward slashes. */
function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((m) =>
    relative(SERVER, resolve(dirname(file), m[1]))
      .split(sep)
      .join('/'),
  );
}

/** Bare package imports of `file`. */
const packageImports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^.'][^']*)'/gms)].map((m) => m[1]);

const inside = (file: string) => relative(SERVER, file).split(sep).join('/');

describe('server layers', () => {
  const files = sourceFiles(SERVER);

  it('finds the sources it checks', () => {
    assert.ok(files.length > 100, `${files.length} files`);
  });

  it('no module outside the command line imports server/src/cli', () => {
    const offenders = files
      .filter((f) => !/^cli(?:\.ts$|\/)/.test(inside(f)))
      .flatMap((f) =>
        localImports(f)
          .filter((i) => /^cli(?:\/|$)/.test(i))
          .map((i) => `${inside(f)} -> ${i}`),
      );
    assert.deepEqual(offenders, []);
  });

  it('the core imports neither VS Code, the protocol, the server nor the command line', () => {
    const core = files.filter((f) => inside(f).startsWith('core/'));
    const offenders = core.flatMap((f) => [
      ...packageImports(f)
        .filter((p) => p === 'vscode' || p.startsWith('vscode-languageserver'))
        .map((p) => `${inside(f)} -> ${p}`),
      ...localImports(f)
        .filter((i) => !i.startsWith('core/'))
        .map((i) => `${inside(f)} -> ${i}`),
    ]);
    assert.deepEqual(offenders, []);
  });
});
