import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURES = join('test', 'fixtures', 'cli');

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('hindsight check', () => {
  it('walks a folder for postmortems only, prints file:line:col severity code message, and exits 1 on an error', () => {
    const { code, stdout } = run('check', FIXTURES);
    const lines = stdout.trim().split('\n');
    assert.equal(code, 1);
    assert.ok(lines.includes(`${FIXTURES}/postmortems/2024-05-02-broken.md:3:1 error frontmatter/yaml-error Frontmatter YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`), stdout);
    assert.ok(lines.some((l) => l.startsWith(`${FIXTURES}/notes/flagged.md:10:3 warning timeline/ambiguous-zone `)), 'a file outside postmortems/ is checked when its frontmatter says so');
    assert.ok(!stdout.includes('meeting.md'), 'other Markdown is left alone');
  });

  it('exits 0 when there are no errors', () => {
    const { code, stdout, stderr } = run('check', `${FIXTURES}/postmortems/2024-05-01-clean.md`);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.match(stderr, /1 postmortem checked, no problems/);
  });

  it('always checks a file named on the command line', () => {
    const { stdout } = run('check', `${FIXTURES}/notes/meeting.md`);
    assert.match(stdout, /meeting\.md:3:3 warning timeline\/ambiguous-zone/);
  });

  it('prints JSON with --format json', () => {
    const { code, stdout } = run('check', '--format', 'json', `${FIXTURES}/postmortems`);
    assert.equal(code, 1);
    const files = JSON.parse(stdout) as { file: string; problems: { line: number; column: number; severity: string; code: string }[] }[];
    assert.deepEqual(files.map((f) => f.file), [`${FIXTURES}/postmortems/2024-05-01-clean.md`, `${FIXTURES}/postmortems/2024-05-02-broken.md`]);
    assert.deepEqual(files[1].problems.map((p) => [p.line, p.column, p.severity, p.code]), [
      [3, 1, 'error', 'frontmatter/yaml-error'],
      [10, 3, 'warning', 'timeline/ambiguous-zone'],
    ]);
  });

  it('exits 2 on bad usage', () => {
    assert.equal(run('check', '--no-such-option').code, 2);
    assert.equal(run('frobnicate').code, 2);
    assert.equal(run('check', 'no/such/path.md').code, 2);
    assert.equal(run('check', '--format', 'xml', FIXTURES).code, 2);
  });

  it('refuses binary and oversized files with a clear message instead of failing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-cli-'));
    const binary = join(dir, 'image.postmortem.md');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00, 0xff]));
    const huge = join(dir, 'huge.postmortem.md');
    writeFileSync(huge, '---\ntype: postmortem\n---\n' + '- 2024-01-01 10:00 UTC something happened\n'.repeat(160_000));
    const { code, stdout } = run('check', binary, huge);
    assert.equal(code, 1);
    assert.match(stdout, /image\.postmortem\.md:1:1 error document\/binary .*binary data/);
    assert.match(stdout, /huge\.postmortem\.md:1:1 error document\/too-large This file is 6\.\d MB, over the 5\.0 MB limit/);
  });

  it('reads an empty file, CRLF and a byte-order mark without complaint', () => {
    const { code, stdout } = run('check', 'test/fixtures/bad-input/empty.md', 'test/fixtures/timeline/crlf.md', 'test/fixtures/timeline/bom.md');
    assert.equal(code, 0);
    assert.equal(stdout, '');
  });
});

describe('hindsight metrics', () => {
  it('prints the documented JSON shape', () => {
    const { code, stdout } = run('metrics', 'test/fixtures/timeline/date-line-markers.md', '--format', 'json');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.file, 'test/fixtures/timeline/date-line-markers.md');
    assert.deepEqual(Object.keys(report.milestones), ['started', 'detected', 'acknowledged', 'mitigated', 'resolved', 'impactStart', 'impactEnd']);
    assert.deepEqual(report.milestones.started, { time: '2024-03-05T14:40:00Z', line: 14, source: 'marker', evidence: 'started' });
    assert.deepEqual(report.durations, { ttd: 11, tta: 13, ttm: 22, ttr: 40, impact: 22 });
    assert.deepEqual(report.timeline[0], { line: 13, time: '2024-03-05T14:38:00Z', text: 'Deploy of auth-service 3.2 begins', zone: 'UTC', confidence: 'inferred' });
    assert.deepEqual(report.problems, []);
  });

  it('prints a readable table by default', () => {
    const { stdout } = run('metrics', 'test/fixtures/timeline/date-line-markers.md');
    assert.match(stdout, /^ {2}detected {6}2024-03-05T14:51:00Z +line 15 +wording: Alert fires$/m);
    assert.match(stdout, /^ {2}Time to resolve +40m +\(resolved − started\)$/m);
  });

  it('gives null milestones for a file with no times', () => {
    const report = JSON.parse(run('metrics', 'test/fixtures/timeline/untimed.md', '--format', 'json').stdout);
    assert.equal(report.milestones.started, null);
    assert.equal(report.durations.ttr, null);
  });
});
