/**
 * The report reads each postmortem once: a walk asked to keep texts hands over the text it read to
 * classify a file when that was the whole file, and file URIs made from a folder's URI equal
 * pathToFileURL's.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { discoverTargets, readTarget } from '../../../server/src/core/files/discover';
import { fileUri } from '../../../server/src/core/files/fileUri';

const root = mkdtempSync(join(tmpdir(), 'hindsight-read-once-'));
after(() => rmSync(root, { recursive: true, force: true }));

const SMALL = '---\ntype: postmortem\ntitle: Café ☕ outage\n---\n# Checkout errors\n';
const LARGE = `${SMALL}\n${'A long line of pasted log output.\n'.repeat(3000)}`;
mkdirSync(join(root, 'postmortems'));
writeFileSync(join(root, 'postmortems', 'small.md'), SMALL);
writeFileSync(join(root, 'postmortems', 'large.md'), LARGE);

const byName = (keepText: boolean) =>
  new Map([...discoverTargets([root], undefined, root, { keepText })].map((t) => [t.display, t]));

describe('reading each postmortem once', () => {
  it('keeps the whole text of a small file, and none of a file larger than the head read', () => {
    const targets = byName(true);
    assert.equal(targets.get('postmortems/small.md')?.text, SMALL);
    assert.equal(targets.get('postmortems/large.md')?.text, undefined);
    for (const target of targets.values()) {
      assert.deepEqual(readTarget(target), { text: readFileSync(target.path, 'utf8') });
      assert.equal(target.text, undefined, 'a kept text is handed over once, then let go');
    }
  });

  it('keeps no text unless asked', () => {
    for (const target of byName(false).values()) assert.equal(target.text, undefined);
  });

  it('says a kept text is too large by its bytes, as a read would', () => {
    const small = byName(true).get('postmortems/small.md')!;
    const bytes = Buffer.byteLength(SMALL, 'utf8');
    assert.deepEqual(readTarget(small, bytes - 1), { tooLarge: bytes });
    assert.deepEqual(readTarget(small.path, bytes - 1), { tooLarge: bytes });
  });

  it('makes the URIs pathToFileURL makes', () => {
    const names = ['2024-01-02-incident.md', 'with space.md', '100%.md', 'a#b.md', 'é.md', 'q?.md', '..', 'x'];
    const folders = [root, join(root, 'sub folder'), join(root, 'ünï'), '/'];
    for (const folder of folders) {
      for (const name of names) {
        const path = join(folder, name);
        assert.equal(fileUri(path), pathToFileURL(path).href, path);
      }
    }
  });
});
