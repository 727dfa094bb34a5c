/**
 * The server's side of the editor's tracker commands, without the protocol: what is written back
 * when the editor refuses an edit because the author typed meanwhile, or the document was closed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { loadConfig } from '../../../server/src/core/config/load';
import type { TextEdit } from '../../../server/src/core/rules/rule';
import {
  exportFromEditor,
  planForEditor,
  type DocumentSnapshot,
  type RunDeps,
} from '../../../server/src/trackers/editorRuns';
import { GITHUB_FIXTURES } from './githubContract';

const POSTMORTEM = readFileSync(join(GITHUB_FIXTURES, 'github-postmortem.md'), 'utf8');
const snapshot = (text: string, version: number): DocumentSnapshot => ({
  version,
  doc: analyzeText(text),
  file: 'postmortems/checkout.md',
});
const noFetch: typeof fetch = () => Promise.reject(new Error('a CSV export sends nothing'));

describe('exporting from the editor', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'hindsight-editor-runs-'));
    writeFileSync(
      join(folder, '.hindsight.json'),
      JSON.stringify({ trackers: { sheet: { type: 'csv', path: 'a.csv' } } }),
    );
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const planned = () => planForEditor(loadConfig(folder), 'sheet', snapshot(POSTMORTEM, 1));

  it('tries again on the newer version when the editor refused an edit made for an older one', async () => {
    const plan = planned();
    const edited = POSTMORTEM.replace('| Add a canary', '| Typed meanwhile | @sam | | | open | |\n| Add a canary');
    let now = snapshot(POSTMORTEM, 1);
    const attempts: { version: number; edits: TextEdit[] }[] = [];
    const deps: RunDeps = {
      fetch: noFetch,
      cwd: folder,
      current: () => now,
      apply: async (edits, version) => {
        attempts.push({ version, edits });
        // The author typed a row in before the first edit arrived.
        if (attempts.length === 1) now = snapshot(edited, 2);
        return version === now.version;
      },
    };
    const result = await exportFromEditor(
      plan,
      plan.plan.toCreate.map((item) => item.index),
      {},
      deps,
    );
    assert.deepEqual(
      attempts.map((a) => [a.version, a.edits.length]),
      [
        [1, 3],
        [2, 3],
      ],
    );
    assert.equal(result.applied, true);
    const rows = edited.split('\n');
    const typedRow = rows.findIndex((line) => line.includes('Typed meanwhile'));
    assert.ok(
      attempts[1].edits.every((edit) => edit.range.start.line !== typedRow),
      'the typed row gets no key',
    );
    assert.equal(result.report.level, 'info');
  });

  it('says which tickets were not written back when the document was closed meanwhile', async () => {
    const plan = planned();
    const deps: RunDeps = { fetch: noFetch, cwd: folder, current: () => undefined, apply: async () => true };
    const result = await exportFromEditor(
      plan,
      plan.plan.toCreate.map((item) => item.index),
      {},
      deps,
    );
    assert.equal(result.applied, false);
    assert.equal(result.created.length, 3);
    assert.equal(result.report.level, 'warning');
    assert.match(result.report.message, /3 tickets could not be written back because their rows changed meanwhile/);
  });
});
