/**
 * `hindsight report` as its users run it: the built CLI spawned on the fixture tree described in
 * test/fixtures/insights/NOTES.md.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = process.env.HINDSIGHT_CLI ?? join(ROOT, 'dist', 'cli.js');
const TREE = 'test/fixtures/insights/tree';

function report(...args: string[]) {
  return reportWith({}, ...args);
}

function reportWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'report', TREE, '--today', '2025-07-01', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, ...env },
  });
  assert.equal(r.signal, null);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('hindsight report', () => {
  it('prints the same report when its files are shared among threads', () => {
    const inTurn = reportWith({ HINDSIGHT_REPORT_THREADS: '1' }, '--format', 'json');
    const shared = reportWith({ HINDSIGHT_REPORT_THREADS: '3' }, '--format', 'json');
    assert.equal(shared.code, 0);
    assert.equal(shared.stdout, inTurn.stdout);
    assert.equal(shared.stderr, inTurn.stderr);
    assert.match(shared.stderr, /skipped .*undated-postmortem\.md/);
  });

  it('prints a Markdown report and names the files it skipped on stderr', () => {
    const r = report();
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^# Postmortem insights/);
    assert.match(r.stdout, /\| 2025-Q1 \| 10m \/ 18m \(n=3\)/);
    assert.match(r.stdout, /8 items: 4 done, 4 open \(1 with no ticket\), 2 overdue; completion 50%/);
    assert.match(r.stderr, /skipped .*2025-06-01-broken-frontmatter\.md: frontmatter unreadable/);
    assert.match(r.stderr, /skipped .*undated-postmortem\.md: no incident date/);
  });

  it('writes versioned JSON', () => {
    const json = JSON.parse(report('--format', 'json', '--group-by', 'team').stdout);
    assert.equal(json.version, 1);
    assert.equal(json.postmortems, 6);
    assert.deepEqual(
      json.durations.byGroup.map((g: { group: string }) => g.group),
      ['payments', 'platform', 'web'],
    );
    assert.equal(json.skipped.length, 2);
  });

  it('writes one inert HTML file: a strict CSP, no script, nothing fetched', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hindsight-report-'));
    try {
      const out = join(folder, 'insights.html');
      assert.equal(report('--format', 'html', '-o', out).code, 0);
      const html = readFileSync(out, 'utf8');
      assert.match(
        html,
        /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-/,
      );
      assert.doesNotMatch(html, /<script|https?:\/\//i);
      assert.match(html, /<table>/);
      assert.match(html, /@media print/);
      // Two charts drawn at report time, styled only by blocks the policy names by their hash.
      assert.equal(html.match(/<svg [^>]*viewBox="0 0 640 240"/g)?.length, 2);
      assert.match(html, /<figcaption>Incidents per quarter, by severity<\/figcaption>/);
      const policy = /Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.replace(/&#39;/g, "'");
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      assert.ok(styles.length >= 2);
      for (const text of styles) {
        assert.ok(policy.includes(`'sha256-${createHash('sha256').update(text).digest('base64')}'`), text.slice(0, 60));
      }
      assert.doesNotMatch(html, /\sstyle="/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('lists items due soon by owner and exits 1 when any is overdue', () => {
    const r = report('--due-within', '7d');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /### @ana\n\n- \[ \] Alert at 80% disk use on database hosts: due 2025-07-05/);
    assert.match(r.stdout, /### @ben\n\n- \[ \] Alert on the API error ratio: \*\*overdue by 122d\*\*/);
    assert.doesNotMatch(r.stdout, /## Action items\n/);
  });

  it('exits 0 when nothing is overdue', () => {
    const r = spawnSync(process.execPath, [CLI, 'report', TREE, '--today', '2025-02-15', '--due-within', '1w'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Nothing is due\./);
  });

  it('refuses a malformed day or span with a usage error', () => {
    const bad = report('--since', '2025-13-01');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--since takes a day as YYYY-MM-DD/);
    assert.equal(report('--until', '2025-02-30').code, 2);
    assert.equal(report('--stale-after', 'soon').code, 2);
    const missing = report('no/such/folder');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: no\/such\/folder/);
  });
});
