/**
 * File discovery (server/src/core/files/discover.ts): one walk for postmortems and catalog files alike,
 * sync or async, and one behaviour for a folder it cannot read: skipped, reported, the walk goes on.
 * A folder removed while the walk is under way is the unreadable folder a test can make as any user.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { discoverTargets, filesUnder, filesUnderAsync, markdownFiles } from '../../../server/src/core/files/discover';

const POSTMORTEM = '---\ntype: postmortem\n---\n# Checkout errors\n';
let root = '';

/** a/first.md, b/second.md, b/catalog-info.yaml, c/third.md, node_modules/skipped.md */
function makeTree(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hindsight-discover-'));
  const files = ['a/first.md', 'b/second.md', 'b/catalog-info.yaml', 'c/third.md', 'node_modules/skipped.md'];
  for (const file of files) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), POSTMORTEM);
  }
  return folder;
}

const names = (paths: string[]) =>
  paths.map((path) =>
    path
      .slice(root.length + 1)
      .split('\\')
      .join('/'),
  );

/** A `wanted` test that removes folder b as soon as the walk reaches a/first.md, before b is read. */
const removingB = (accept: (name: string) => boolean) => (name: string) => {
  if (name === 'first.md') rmSync(join(root, 'b'), { recursive: true, force: true });
  return accept(name);
};

describe('walking a folder for files', () => {
  beforeEach(() => (root = makeTree()));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the wanted files depth first in name order, skipping tool folders', () => {
    assert.deepEqual(names([...markdownFiles(root)]), ['a/first.md', 'b/second.md', 'c/third.md']);
    const catalogs = [...filesUnder(root, (name) => name === 'catalog-info.yaml')];
    assert.deepEqual(names(catalogs), ['b/catalog-info.yaml']);
  });

  it('skips a folder it cannot read, reports it, and walks the rest (sync)', () => {
    const unreadable: string[] = [];
    const found = [
      ...filesUnder(
        root,
        removingB((name) => name.endsWith('.md')),
        (folder, error) => unreadable.push(`${folder} ${(error as NodeJS.ErrnoException).code}`),
      ),
    ];
    assert.deepEqual(names(found), ['a/first.md', 'c/third.md']);
    assert.deepEqual(unreadable, [`${join(root, 'b')} ENOENT`]);
  });

  it('skips a folder it cannot read, reports it, and walks the rest (async)', async () => {
    const unreadable: string[] = [];
    const found: string[] = [];
    const wanted = removingB((name) => name.endsWith('.md'));
    for await (const path of filesUnderAsync(root, wanted, (folder) => unreadable.push(folder))) found.push(path);
    assert.deepEqual(names(found), ['a/first.md', 'c/third.md']);
    assert.deepEqual(unreadable, [join(root, 'b')]);
  });

  it('reports a named folder that cannot be read instead of throwing', () => {
    const unreadable: string[] = [];
    const gone = join(root, 'gone');
    assert.deepEqual([...markdownFiles(gone, (folder) => unreadable.push(folder))], []);
    assert.deepEqual(unreadable, [gone]);
  });

  it('goes on past an unreadable folder when looking for postmortems, and says which', () => {
    const unreadable: string[] = [];
    const found: string[] = [];
    const walk = discoverTargets([root], undefined, root, { onUnreadable: (folder) => unreadable.push(folder) });
    for (const target of walk) {
      found.push(target.display);
      if (target.display === 'a/first.md') rmSync(join(root, 'b'), { recursive: true, force: true });
    }
    assert.deepEqual(found, ['a/first.md', 'c/third.md']);
    assert.deepEqual(unreadable, [join(root, 'b')]);
  });
});
