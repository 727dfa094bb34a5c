/** The README's examples stay true: the metrics JSON it shows is what the CLI prints for that file. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');

describe('the README', () => {
  it('shows the metrics JSON the CLI prints for the example it names', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /```json\n(\{\n {2}"file": [\s\S]*?)\n```/.exec(readme);
    assert.ok(block, 'no metrics JSON example in the README');
    const shown = JSON.parse(block[1]) as Record<string, unknown>;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'server', 'src', 'cli.ts'), 'metrics', shown.file as string, '--format', 'json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    const printed = JSON.parse(run.stdout) as Record<string, unknown[]>;
    for (const key of ['file', 'milestones', 'durations', 'definitions', 'problems'])
      assert.deepEqual(shown[key], printed[key], key);
    // The lists are shortened in the README: what it shows must be their opening.
    for (const key of ['statedDurations', 'timeline'])
      assert.deepEqual(shown[key], printed[key].slice(0, (shown[key] as unknown[]).length), key);
  });
});
