/**
 * `hindsight import` end to end, as its users run it: the built CLI spawned on a copy of a fixture
 * postmortem and the fixture exports (run `npm run build` first).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = process.env.HINDSIGHT_CLI ?? join(ROOT, 'dist', 'cli.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'import');
const temp = mkdtempSync(join(tmpdir(), 'hindsight-import-cli-'));
const target = join(temp, 'postmortem.md');
after(() => rmSync(temp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  assert.equal(r.signal, null);
  assert.doesNotMatch(r.stderr, /^\s+at \S.*:\d+:\d+\)?$/m, `stack trace on stderr:\n${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const slack = (...extra: string[]) =>
  run(
    'import',
    'slack',
    join(FIXTURES, 'slack', 'export'),
    '--into',
    target,
    '--base-url',
    'https://acme.slack.com',
    ...extra,
  );

describe('hindsight import', () => {
  beforeEach(() => copyFileSync(join(FIXTURES, 'postmortem.md'), target));

  it('merges a Slack export into the timeline, redacted, and adds nothing on a second run', () => {
    /** Rule and severity of each finding: the rows a hint points at may change. */
    const findings = () =>
      [...run('check', target).stdout.matchAll(/ (error|warning|info|hint) (\S+) /g)].map((m) => ({
        rule: m[2],
        rank: ['hint', 'info', 'warning', 'error'].indexOf(m[1]),
      }));
    const before = findings();
    assert.ok(before.length > 0, 'the fixture has findings to compare');
    const first = slack('--channel', 'inc-search');
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /^added 4 row\(s\) to .*postmortem\.md \(times in UTC\); 2 email\(s\) or secret\(s\) redacted$/m,
    );
    assert.match(first.stderr, /note: importing from 2024-03-05T13:02Z to 2024-03-05T15:30Z/);
    const text = readFileSync(target, 'utf8');
    assert.match(
      text,
      /^\| 2024-03-05 14:08 \| Aiko: Search is returning 5xx .* \| \[Slack\]\(https:\/\/acme\.slack\.com\/archives\/C0INC0001\/p1709647680000300 "slack:C0INC0001\/1709647680\.000300"\) \|$/m,
    );
    assert.doesNotMatch(text, /bram\.visser@example\.com|xoxb-/);
    // Nothing new and nothing louder; imported evidence may quieten a finding (a detection row found).
    const after = findings();
    assert.equal(after.length, before.length, 'as many findings as before the import');
    for (const found of after) {
      const was = before.find((b) => b.rule === found.rule);
      assert.ok(was && found.rank <= was.rank, `${found.rule} is new or louder after the import`);
    }

    const second = slack('--channel', 'inc-search');
    assert.equal(second.code, 0);
    assert.match(second.stdout, /added 0 row\(s\) .*; 4 already there/);
    assert.equal(readFileSync(target, 'utf8'), text);
  });

  it('prints the rows and writes nothing on a dry run', () => {
    const original = readFileSync(target, 'utf8');
    const r = run(
      'import',
      'pagerduty',
      join(FIXTURES, 'pagerduty', 'log_entries.json'),
      '--into',
      target,
      '--dry-run',
    );
    assert.equal(r.code, 0);
    assert.deepEqual(
      r.stdout
        .split('\n')
        .filter((l) => l.startsWith('| '))
        .map((l) => l.split(' | ')[0]),
      ['| 2024-03-05 14:04', '| 2024-03-05 14:07', '| 2024-03-05 14:19', '| 2024-03-05 14:44'],
    );
    assert.match(r.stdout, /would add 4 row\(s\).*marked detected, acknowledged, resolved/);
    assert.equal(readFileSync(target, 'utf8'), original);
  });

  it('leaves the postmortem untouched and says why for input it cannot import', () => {
    const original = readFileSync(target, 'utf8');
    const truncated = join(temp, 'truncated.zip');
    writeFileSync(truncated, Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'));
    const cases: [string[], RegExp][] = [
      [['slack', truncated], /cannot be read as a zip .*; .*postmortem\.md was left as it was/],
      [['pagerduty', join(FIXTURES, 'grafana', 'annotations.json')], /something other than log entries/],
      [['grafana', join(FIXTURES, 'slack', 'export')], /is a folder; this source reads one file/],
      [
        ['slack', join(FIXTURES, 'slack', 'export'), '--from', '2024-03-06', '--to', '2024-03-06'],
        /no messages in the window/,
      ],
      [['csv', join(FIXTURES, 'table', 'events.csv')], /none of the 3 rows has a readable timestamp/],
      [['slack', join(FIXTURES, 'slack', 'export'), '--from', 'yesterday'], /"yesterday" is not a time/],
      [['slack', join(temp, 'missing.zip')], /no such file or folder/],
    ];
    for (const [args, message] of cases) {
      const r = run('import', ...args, '--into', target);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.equal(readFileSync(target, 'utf8'), original, args.join(' '));
    }
    assert.equal(run('import', 'jira', 'x', '--into', target).code, 2);
  });
});
