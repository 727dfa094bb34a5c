/**
 * `hindsight report --cache FILE`: a run with the cache, cold or warm, prints what a run without it
 * prints over the same files; an edited postmortem is analysed again; a cache it cannot use is
 * started afresh. The built CLI is spawned on a copy of the fixture tree of NOTES.md.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = process.env.HINDSIGHT_CLI ?? join(ROOT, 'dist', 'cli.js');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'insights', 'tree');

const folder = mkdtempSync(join(tmpdir(), 'hindsight-record-cache-'));
const tree = join(folder, 'tree');
const cacheFile = join(folder, 'records.json');
cpSync(FIXTURE, tree, { recursive: true });
after(() => rmSync(folder, { recursive: true, force: true }));

function report(threads: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'report', tree, '--today', '2025-07-01', '--format', 'json', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, HINDSIGHT_REPORT_THREADS: threads },
  });
  assert.equal(r.status, 0, r.stderr);
  return { stdout: r.stdout, stderr: r.stderr };
}

const cached = (threads = '1') => report(threads, '--cache', cacheFile);
const uncached = () => report('1');

describe('hindsight report --cache', () => {
  beforeEach(() => rmSync(cacheFile, { force: true }));

  it('prints the same report cold, warm and warm on several threads as without a cache', () => {
    const expected = uncached();
    assert.deepEqual(cached(), expected, 'cold');
    const kept = JSON.parse(readFileSync(cacheFile, 'utf8')) as { outcomes: object };
    assert.equal(Object.keys(kept.outcomes).length, 8, 'six records and two skipped files');
    assert.deepEqual(cached(), expected, 'warm');
    assert.deepEqual(cached('3'), expected, 'warm, on threads');
  });

  it('reads kept records instead of analysing their files again', () => {
    cached();
    const kept = readFileSync(cacheFile, 'utf8');
    assert.ok(kept.includes('"severity":"SEV1"'));
    // Only a report read from the cache can show a severity no postmortem has.
    writeFileSync(cacheFile, kept.replaceAll('"severity":"SEV1"', '"severity":"SEV9"'));
    assert.match(cached().stdout, /"SEV9"/);
    assert.doesNotMatch(uncached().stdout, /"SEV9"/);
  });

  it('analyses an edited postmortem again', () => {
    cached();
    const file = join(tree, 'postmortems', '2025-01-10-api-errors.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^severity: SEV1$/m, 'severity: SEV4'));
    try {
      const warm = cached();
      assert.deepEqual(warm, uncached());
      assert.match(warm.stdout, /"SEV4"/);
    } finally {
      writeFileSync(file, text);
    }
  });

  it('starts afresh from a cache file it cannot read', () => {
    writeFileSync(cacheFile, '{ not json');
    assert.deepEqual(cached(), uncached());
    assert.equal(typeof JSON.parse(readFileSync(cacheFile, 'utf8')).engine, 'string');
  });

  it('still reports when the cache cannot be written, and says so', () => {
    const r = report('1', '--cache', join(folder, 'no-such-folder', 'records.json'));
    assert.equal(r.stdout, uncached().stdout);
    assert.match(r.stderr, /the cache .*records\.json could not be written/);
  });
});
