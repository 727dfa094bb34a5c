/**
 * A second real LSP client: headless Neovim 0.7 starts `node dist/server.js --stdio` on the shared
 * fixture and must receive the same diagnostics as VS Code, then fresh ones after an edit.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { compareDiagnostics, FIXTURE, type Received, type Severity } from './expected';

const ROOT = join(__dirname, '..', '..');
const SEVERITY: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

interface NeovimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code: string;
  source: string;
  message: string;
}
interface NeovimResult {
  opened_ok: boolean;
  opened: NeovimDiagnostic[];
  changed_ok: boolean;
  changed: NeovimDiagnostic[];
  appended_line: number;
}

const received = (d: NeovimDiagnostic): Received => ({
  code: d.code,
  severity: SEVERITY[d.severity],
  range: [d.lnum, d.col, d.end_lnum, d.end_col],
  message: d.message,
});

describe('Neovim as an LSP client', { timeout: 90_000 }, () => {
  const workspace = mkdtempSync(join(tmpdir(), 'hindsight-nvim-'));
  after(() => rmSync(workspace, { recursive: true, force: true }));
  cpSync(join(ROOT, 'test', 'clients', 'fixture'), workspace, { recursive: true });
  const out = join(workspace, 'result.json');
  const started = Date.now();
  const run = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(__dirname, 'neovim', 'check.lua')}`], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      HINDSIGHT_OUT: out,
      HINDSIGHT_FILE: join(workspace, FIXTURE),
      HINDSIGHT_SERVER: join(ROOT, 'dist', 'server.js'),
      HINDSIGHT_APPEND: '\n## Notes\n\nIt was human error.',
    },
  });
  const result = (): NeovimResult => {
    assert.equal(run.status, 0, `nvim failed (${run.error?.message ?? run.status}):\n${run.stdout}\n${run.stderr}`);
    return JSON.parse(readFileSync(out, 'utf8')) as NeovimResult;
  };
  console.log(`# nvim ran in ${Date.now() - started} ms`);

  it('receives the same diagnostics as VS Code for the fixture', () => {
    const { opened_ok, opened } = result();
    assert.ok(opened_ok, 'no diagnostics arrived');
    assert.ok(opened.every((d) => d.source === 'hindsight'));
    assert.deepEqual(compareDiagnostics(opened.map(received)), []);
  });

  it('receives updated diagnostics after a didChange', () => {
    const { changed_ok, changed, appended_line } = result();
    assert.ok(changed_ok, 'no diagnostic arrived for the appended line');
    assert.ok(
      changed.some((d) => d.code === 'blameless/human-error' && d.lnum === appended_line),
      JSON.stringify(changed),
    );
    const before = changed.filter((d) => d.lnum !== appended_line).map(received);
    assert.deepEqual(compareDiagnostics(before), []);
  });
});
