/**
 * The manifest and the client agree: every command the client registers is declared under the
 * "Hindsight" category (so the palette shows "Hindsight: …"), and the README names it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { commands: { command: string; title: string; category?: string }[] };
};
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );

/** Commands for internal use (a diagnostic's link), not meant for the palette. */
const INTERNAL = new Set(['hindsight.openRuleDoc']);

const registered = [
  ...new Set(
    sources(join(ROOT, 'client', 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/registerCommand\(\s*'(hindsight\.[\w.]+)'/g)].map((m) => m[1]),
    ),
  ),
];

describe('the extension manifest', () => {
  it('finds the commands the client registers', () => {
    assert.ok(registered.includes('hindsight.newPostmortem'), registered.join(', '));
  });

  it('declares every palette command under the Hindsight category', () => {
    const declared = new Map(manifest.contributes.commands.map((c) => [c.command, c]));
    for (const id of registered.filter((c) => !INTERNAL.has(c))) {
      const command = declared.get(id);
      assert.ok(command, `${id} is registered but not declared in package.json`);
      assert.equal(command.category, 'Hindsight', id);
    }
    for (const id of declared.keys()) assert.ok(registered.includes(id), `${id} is declared but never registered`);
  });

  it('names every palette command in the README', () => {
    for (const { title } of manifest.contributes.commands) {
      assert.ok(readme.includes(`**Hindsight: ${title}**`), `README does not mention "Hindsight: ${title}"`);
    }
  });

  it('activates for Markdown only', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown']);
  });
});
