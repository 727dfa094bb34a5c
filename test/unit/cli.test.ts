/**
 * The command line as its users see it: `node dist/cli.js` spawned on real files (the test command
 * builds first). Fixtures are under test/fixtures/cli/: walk/ for which files a folder search picks,
 * input/ for awkward input, metrics/ for the metrics report. Binary and oversized files are made
 * in a temporary folder.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');
/** The built CLI; HINDSIGHT_CLI points the tests at another build (an installed package, say). */
const CLI = process.env.HINDSIGHT_CLI ?? join(ROOT, 'dist', 'cli.js');
const WALK = 'test/fixtures/cli/walk';
const INPUT = 'test/fixtures/cli/input';
const METRICS = 'test/fixtures/cli/metrics/2025-03-04-checkout-latency.md';

interface Result {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(args: string[], cwd = ROOT): Result {
  const start = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - start };
}

/** Finished by itself (no timeout, no signal) and without an uncaught exception's stack trace. */
function assertNoCrash(r: Result): void {
  assert.equal(r.signal, null, `killed by ${r.signal} (timed out?)`);
  assert.notEqual(r.code, null);
  assert.doesNotMatch(r.stderr, /^\s+at \S.*:\d+:\d+\)?$/m, `stack trace on stderr:\n${r.stderr}`);
}

interface Reported {
  file: string;
  line: number;
  col: number;
  severity: string;
  code: string;
  message: string;
}

const PROBLEM_LINE = /^(.+):(\d+):(\d+) (error|warning|info|hint) (\S+) (.+)$/;

/** Reads `file:line:col severity code message` lines; every line of stdout must be one. */
function problems(stdout: string): Reported[] {
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const m = PROBLEM_LINE.exec(line);
      assert.ok(m, `not a problem line: ${JSON.stringify(line)}`);
      return { file: m[1], line: Number(m[2]), col: Number(m[3]), severity: m[4], code: m[5], message: m[6] };
    });
}

const filesIn = (stdout: string) => new Set(problems(stdout).map((p) => p.file));
const at = (p: Reported) => `${p.file}:${p.line}:${p.col} ${p.severity} ${p.code}`;

/** Asserts that stdout reports each `file:line:col severity code` given (among any others). */
function assertReports(stdout: string, ...expected: string[]): void {
  const reported = problems(stdout).map(at);
  for (const e of expected) assert.ok(reported.includes(e), `expected ${e} in:\n${stdout}`);
}

/** Exit 1 exactly when an error is printed, 0 otherwise. */
function assertExitMatchesErrors(r: Result): void {
  const errors = problems(r.stdout).filter((p) => p.severity === 'error').length;
  assert.equal(r.code, errors > 0 ? 1 : 0, `exit ${r.code} with ${errors} error(s) printed`);
}

interface MetricsJson {
  file: string;
  milestones: Record<string, { time: string; line: number; source: string } | null>;
  durations: Record<string, number | null>;
  timeline: { line: number; time: string | null; text: string }[];
  problems: { line: number; column: number; severity: string; code: string; message: string }[];
}

function metricsJson(file: string): MetricsJson {
  const r = run(['metrics', file, '--format', 'json']);
  assertNoCrash(r);
  return JSON.parse(r.stdout) as MetricsJson;
}

const MILESTONES = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved', 'impactStart', 'impactEnd'];
const DURATIONS = ['ttd', 'tta', 'ttm', 'ttr', 'impact'];
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);
});

describe('hindsight check: which files', () => {
  // Each fixture that should be checked has an ambiguous zone, so it is always reported.
  const checked = [
    `${WALK}/notes/flagged.md`, // frontmatter type: postmortem
    `${WALK}/notes/queue.postmortem.md`, // **/*.postmortem.md
    `${WALK}/post-mortems/2024-07-09-dns.md`, // **/post-mortems/**/*.md
    `${WALK}/postmortems/2024-05-01-cache-eviction.md`, // **/postmortems/**/*.md
    `${WALK}/postmortems/2024-05-02-broken.md`,
    `${WALK}/postmortems/2024/2024-06-11-replica-lag.md`, // ... at any depth
  ];
  // Each of these is reported when named (see the next test), so their absence means they were skipped.
  const skipped = [
    `${WALK}/notes/meeting.md`, // no frontmatter, no matching path
    `${WALK}/notes/retro.md`, // frontmatter of another type
    `${WALK}/notes/postmortems-index.md`, // "postmortems" in the name, not a folder
  ];

  it('walks a folder for postmortems only: type: postmortem frontmatter, or a postmortems/, post-mortems/ or *.postmortem.md path', () => {
    const r = run(['check', WALK]);
    assertNoCrash(r);
    assert.deepEqual([...filesIn(r.stdout)].sort(), [...checked].sort());
    assert.ok(!r.stdout.includes('README.txt'), 'a file that is not Markdown is never read while walking');
  });

  it('always checks a file named on the command line, postmortem or not', () => {
    for (const file of skipped) {
      const r = run(['check', file]);
      assertNoCrash(r);
      assert.deepEqual([...filesIn(r.stdout)], [file], `${file} was not checked`);
    }
  });

  it('checks the current folder when given no path, matching globs from there', () => {
    const r = run(['check'], join(ROOT, WALK));
    assertNoCrash(r);
    assert.deepEqual([...filesIn(r.stdout)].sort(), checked.map((f) => f.slice(WALK.length + 1)).sort());
  });

  it('says why, and how to include them, when a folder holds Markdown but nothing taken as a postmortem', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hindsight-walk-'));
    try {
      writeFileSync(join(folder, '2024-03-02-outage.md'), '# Outage\n\nThe API was down for an hour.\n');
      writeFileSync(join(folder, 'notes.md'), '# Notes\n');
      const r = run(['check', folder]);
      assertNoCrash(r);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^0 postmortems checked/m);
      assert.match(r.stderr, /2 Markdown files were skipped: .*`type: postmortem`.*--include/);
      const found = run(['check', WALK]);
      assert.doesNotMatch(found.stderr, /skipped/, 'no hint once something was found');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('checks a postmortem whose frontmatter was left unclosed, rather than skipping it', () => {
    // Named, it is reported as an error (see "bad input"); a folder search must not hide that from CI.
    const r = run(['check', INPUT]);
    assertNoCrash(r);
    assert.ok(filesIn(r.stdout).has(`${INPUT}/unclosed-frontmatter.md`), r.stdout);
  });
});

describe('hindsight check: output and exit status', () => {
  it('prints file:line:col severity code message with 1-based lines and columns', () => {
    const r = run(['check', WALK]);
    // "title: [Broken" is line 3; the time in "- 2024-05-02 10:00 IST ..." starts in column 3;
    // in "| 2024-07-09 02:10 AST | ..." the time also starts in column 3.
    assertReports(
      r.stdout,
      `${WALK}/postmortems/2024-05-02-broken.md:3:1 error frontmatter/yaml-error`,
      `${WALK}/postmortems/2024-05-02-broken.md:10:3 warning timeline/ambiguous-zone`,
      `${WALK}/post-mortems/2024-07-09-dns.md:7:3 warning timeline/ambiguous-zone`,
    );
    const yaml = problems(r.stdout).find((p) => p.code === 'frontmatter/yaml-error');
    assert.ok(yaml && yaml.message.length > 10, 'the message says what is wrong');
  });

  it('exits 1 when any problem is an error', () => {
    for (const args of [
      ['check', WALK],
      ['check', `${WALK}/postmortems/2024-05-02-broken.md`],
      ['check', `${WALK}/notes/flagged.md`, `${WALK}/postmortems/2024-05-02-broken.md`],
    ]) {
      const r = run(args);
      assert.equal(r.code, 1, `hindsight ${args.join(' ')}`);
      assertExitMatchesErrors(r);
    }
  });

  it('exits 0 with nothing on stdout for a complete, correct postmortem', () => {
    const r = run(['check', METRICS]);
    assertNoCrash(r);
    assert.equal(r.stdout, '');
    assert.equal(r.code, 0);
  });

  it('exits 0 when no problem is an error', () => {
    const r = run(['check', `${WALK}/notes/flagged.md`, `${WALK}/post-mortems/2024-07-09-dns.md`]);
    assertNoCrash(r);
    assert.ok(problems(r.stdout).length >= 2);
    assert.ok(
      problems(r.stdout).every((p) => p.severity !== 'error'),
      r.stdout,
    );
    assert.equal(r.code, 0);
  });

  it('prints the same problems as JSON with --format json', () => {
    const text = problems(run(['check', WALK]).stdout)
      .map((p) => `${at(p)} ${p.message}`)
      .sort();
    const r = run(['check', '--format', 'json', WALK]);
    assertNoCrash(r);
    assert.equal(r.code, 1);
    const files = JSON.parse(r.stdout) as {
      file: string;
      problems: { line: number; column: number; severity: string; code: string; message: string }[];
    }[];
    const json = files
      .flatMap((f) => f.problems.map((p) => `${f.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`))
      .sort();
    assert.ok(text.length > 0);
    assert.deepEqual(json, text);
  });

  it('exits 2 on bad usage, saying why on stderr', () => {
    const cases = [
      ['check', '--no-such-option'],
      ['frobnicate'],
      [],
      ['check', '--format', 'xml', WALK],
      ['check', 'no/such/path.md'],
      ['metrics'],
      ['metrics', METRICS, '--bogus'],
    ];
    for (const args of cases) {
      const r = run(args);
      assertNoCrash(r);
      assert.equal(r.code, 2, `hindsight ${args.join(' ')} exited ${r.code}`);
      assert.equal(r.stdout, '', `hindsight ${args.join(' ')} printed to stdout`);
      assert.notEqual(r.stderr.trim(), '', `hindsight ${args.join(' ')} gave no reason`);
    }
  });
});

describe('output read only in part', () => {
  it('exits quietly when the reader goes away, as `hindsight check … | head` does', async () => {
    const child = spawn(process.execPath, [CLI, 'check', 'test/fixtures'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(child, 'exit');
    // The first line read, the reader leaves: every later write meets a closed pipe.
    await once(child.stdout, 'data');
    child.stdout.destroy();
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    assert.equal(signal, null);
    assert.ok(code === 0 || code === 1, `exit status ${code}`);
    assert.doesNotMatch(stderr, /EPIPE|Unhandled|^\s+at /m, stderr);
  });
});

describe('bad input never crashes it', () => {
  let temp: string;
  let binary: string;
  let huge: string;

  before(() => {
    temp = mkdtempSync(join(tmpdir(), 'hindsight-cli-'));
    mkdirSync(join(temp, 'postmortems'));
    binary = join(temp, 'postmortems', 'diagram.md');
    // A PNG header: NUL bytes and high bytes, as when an image is saved with the wrong name.
    writeFileSync(
      binary,
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x01, 0, 0xff,
        0xfe,
      ]),
    );
    huge = join(temp, 'postmortems', 'huge.md');
    const row = '| 2025-01-01T10:00:00Z | Replica lag grows on orders-db while the backfill runs |\n';
    writeFileSync(
      huge,
      '---\ntype: postmortem\n---\n\n## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n' +
        row.repeat(Math.ceil((6 * 1024 * 1024) / row.length)),
    );
  });

  after(() => rmSync(temp, { recursive: true, force: true }));

  it('malformed YAML: one error, at the key whose value broke; the rest still read', () => {
    const file = `${INPUT}/malformed-yaml.md`;
    const r = run(['check', file]);
    assertNoCrash(r);
    assertExitMatchesErrors(r);
    assert.deepEqual(
      problems(r.stdout)
        .filter((p) => p.severity === 'error')
        .map(at),
      [`${file}:3:1 error frontmatter/yaml-error`],
    );
    assert.deepEqual(
      metricsJson(file).timeline.map((e) => [e.line, e.time]),
      [
        [11, '2024-08-01T10:00:00Z'],
        [12, '2024-08-01T10:12:00Z'],
      ],
    );
  });

  it('frontmatter never closed: one error; the timeline still read', () => {
    const file = `${INPUT}/unclosed-frontmatter.md`;
    const r = run(['check', file]);
    assertNoCrash(r);
    assertExitMatchesErrors(r);
    assert.deepEqual(
      problems(r.stdout)
        .filter((p) => p.severity === 'error')
        .map((p) => p.code),
      ['frontmatter/yaml-error'],
    );
    assert.deepEqual(
      metricsJson(file).timeline.map((e) => e.time),
      ['2024-08-03T07:30:00Z'],
    );
  });

  it('a binary file: one clear error and nothing else, named or found in a folder', () => {
    const named = run(['check', binary]);
    assertNoCrash(named);
    assert.equal(named.code, 1);
    const found = problems(named.stdout);
    assert.deepEqual(
      found.map(at),
      [`${binary}:1:1 error document/binary`],
      'a file that was not analysed gets no other verdict',
    );
    assert.match(found[0].message, /binary/i);

    const walked = run(['check', temp]);
    assertNoCrash(walked);
    assertReports(walked.stdout, `${binary}:1:1 error document/binary`);

    const report = metricsJson(binary);
    assert.deepEqual(
      report.problems.map((p) => p.code),
      ['document/binary'],
    );
    assert.ok(MILESTONES.every((k) => report.milestones[k] === null));
  });

  it('a file over 5 MB: one clear document/too-large error, quickly, not a hang', () => {
    const r = run(['check', huge]);
    assertNoCrash(r);
    assert.equal(r.code, 1);
    assert.ok(r.ms < 10_000, `took ${Math.round(r.ms)} ms`);
    const found = problems(r.stdout);
    assert.deepEqual(
      found.map(at),
      [`${huge}:1:1 error document/too-large`],
      'a file that was not analysed gets no other verdict',
    );
    assert.match(found[0].message, /\d(\.\d)? ?MB/, 'the message gives the size');

    const report = metricsJson(huge);
    assert.deepEqual(
      report.problems.map((p) => p.code),
      ['document/too-large'],
    );
    assert.deepEqual(report.timeline, []);
  });

  it('CRLF line endings: the same problems, positions and metrics as the LF original', () => {
    const crlf = `${INPUT}/line-endings-crlf.md`;
    const lf = `${INPUT}/line-endings-lf.md`;
    assert.ok(readFileSync(join(ROOT, crlf), 'utf8').includes('\r\n'), 'the CRLF fixture lost its CRLFs');
    assert.ok(!readFileSync(join(ROOT, lf), 'utf8').includes('\r'), 'the LF fixture has CRs');

    const fromCrlf = run(['check', crlf]);
    const fromLf = run(['check', lf]);
    assertNoCrash(fromCrlf);
    assert.equal(fromCrlf.code, fromLf.code);
    assertReports(
      fromLf.stdout,
      `${lf}:16:3 warning timeline/out-of-order`,
      `${lf}:19:3 warning timeline/ambiguous-zone`,
    );
    assert.equal(fromCrlf.stdout.replaceAll(crlf, lf), fromLf.stdout);
    // Walking the folder, its frontmatter (with CRLFs) is what makes it a postmortem.
    assertReports(run(['check', INPUT]).stdout, `${crlf}:19:3 warning timeline/ambiguous-zone`);

    const a = metricsJson(crlf);
    const b = metricsJson(lf);
    assert.deepEqual({ ...a, file: lf }, b);
    assert.equal(a.timeline.length, 5);
    assert.ok(
      a.timeline.every((e) => !e.text.includes('\r')),
      JSON.stringify(a.timeline),
    );
  });

  it('a byte-order mark: the frontmatter is still found and read', () => {
    const bom = `${INPUT}/bom.md`;
    assert.deepEqual([...readFileSync(join(ROOT, bom)).subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the fixture lost its BOM');
    // Walking the folder, only its frontmatter makes it a postmortem.
    assertReports(run(['check', INPUT]).stdout, `${bom}:17:3 warning timeline/ambiguous-zone`);
    const report = metricsJson(bom);
    assert.deepEqual(report.milestones.started, {
      ...report.milestones.started,
      time: '2025-11-10T16:21:00Z',
      line: 4,
      source: 'frontmatter',
    });
    assert.deepEqual(report.milestones.resolved, {
      ...report.milestones.resolved,
      time: '2025-11-10T17:05:00Z',
      line: 5,
      source: 'frontmatter',
    });
    assert.equal(report.durations.ttr, 44);
  });

  it('an empty file: no crash, no milestones, no timeline', () => {
    const empty = `${INPUT}/empty.md`;
    const r = run(['check', empty]);
    assertNoCrash(r);
    assertExitMatchesErrors(r);
    const report = metricsJson(empty);
    assert.ok(MILESTONES.every((k) => report.milestones[k] === null));
    assert.ok(DURATIONS.every((k) => report.durations[k] === null));
    assert.deepEqual(report.timeline, []);
  });

  it('a half-written table: the complete rows are read and the cut time reported', () => {
    const half = `${INPUT}/half-table.md`;
    const r = run(['check', half]);
    assertNoCrash(r);
    assertExitMatchesErrors(r);
    assertReports(r.stdout, `${half}:15:3 warning timeline/unparseable-time`);
    const report = metricsJson(half);
    assert.deepEqual(
      report.timeline.filter((e) => e.time !== null).map((e) => [e.line, e.time]),
      [
        [13, '2024-08-02T09:00:00Z'],
        [14, '2024-08-02T09:14:00Z'],
      ],
    );
  });
});

describe('hindsight metrics', () => {
  it('prints the documented JSON shape, with milestones, durations and timeline as written', () => {
    const report = metricsJson(METRICS);
    assert.equal(report.file, METRICS);
    assert.deepEqual(Object.keys(report.milestones), MILESTONES);
    for (const kind of MILESTONES) assert.match(report.milestones[kind]!.time, ISO_UTC, kind);
    const milestones = Object.fromEntries(
      MILESTONES.map((k) => [
        k,
        report.milestones[k] && [report.milestones[k].time, report.milestones[k].line, report.milestones[k].source],
      ]),
    );
    assert.deepEqual(milestones, {
      started: ['2025-03-04T14:02:00Z', 10, 'frontmatter'],
      detected: ['2025-03-04T14:09:00Z', 34, 'marker'],
      acknowledged: ['2025-03-04T14:12:00Z', 35, 'marker'],
      mitigated: ['2025-03-04T14:40:00Z', 37, 'marker'],
      resolved: ['2025-03-04T15:25:00Z', 13, 'frontmatter'],
      impactStart: ['2025-03-04T14:03:00Z', 11, 'frontmatter'],
      impactEnd: ['2025-03-04T14:41:00Z', 12, 'frontmatter'],
    });
    assert.deepEqual(report.durations, { ttd: 7, tta: 10, ttm: 38, ttr: 83, impact: 38 });
    const rows: [number, string, string][] = [
      [33, '2025-03-04T14:02:00Z', 'payments-api 4.12 rollout begins'],
      [34, '2025-03-04T14:09:00Z', 'Checkout p99 latency page'],
      [35, '2025-03-04T14:12:00Z', 'Page taken by the payments on-call'],
      [36, '2025-03-04T14:31:00Z', 'Rollback to 4.11 begins'],
      [37, '2025-03-04T14:40:00Z', 'Rollback finished, latency under 400 ms'],
      [38, '2025-03-04T15:25:00Z', 'Connection pool limits reviewed, incident closed'],
    ];
    assert.deepEqual(
      report.timeline.map((e) => [e.line, e.time]),
      rows.map(([line, time]) => [line, time]),
    );
    report.timeline.forEach((e, i) =>
      assert.ok(e.text.startsWith(rows[i][2]), `line ${e.line}: ${JSON.stringify(e.text)}`),
    );
    assert.deepEqual(report.problems, []);
  });

  it('gives null for milestones and durations it cannot find, and lists problems with their positions', () => {
    const report = metricsJson(`${WALK}/notes/flagged.md`);
    assert.deepEqual(Object.keys(report.durations), DURATIONS);
    assert.equal(report.milestones.resolved, null);
    assert.equal(report.durations.ttr, null);
    const found = report.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.code}`);
    assert.ok(found.includes('10:3 warning timeline/ambiguous-zone'), found.join('\n'));
  });

  it('prints a readable report, not JSON, by default', () => {
    const r = run(['metrics', METRICS]);
    assertNoCrash(r);
    assert.throws(() => JSON.parse(r.stdout));
    assert.match(r.stdout, /detected.*2025-03-04T14:09:00Z/);
  });

  it('takes one file: a folder is bad usage', () => {
    const r = run(['metrics', WALK]);
    assert.equal(r.code, 2, `exited ${r.code} and printed:\n${r.stdout.slice(0, 200)}`);
  });
});
