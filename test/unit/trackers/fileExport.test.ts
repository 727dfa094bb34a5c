/** The CSV/JSON export: no network, the file written through the injected writer. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { csvRecord, parseCsv, spreadsheetSafe } from '../../../server/src/trackers/csvText';
import { createFileAdapter } from '../../../server/src/trackers/fileExport';
import { TrackerError, type ExportItem, type IncidentContext } from '../../../server/src/trackers/types';

const incident: IncidentContext = {
  id: 'INC-20250310-checkout-errors',
  title: 'Checkout errors',
  file: 'postmortems/2025-03-10-checkout-errors.md',
};
const items: ExportItem[] = [
  {
    index: 0,
    action: 'Add a canary stage, then "bake" for 30 min',
    owner: 'Dana Smith',
    due: '2025-04-01',
    priority: 'high',
    state: 'open',
    type: 'prevent',
  },
  { index: 2, action: 'Alert on checkout error rate\nand page on-call', owner: '@sam', state: 'unknown' },
];

/** An in-memory disk: what the adapter wrote, and what it reads back on the next run. */
function memoryDisk(initial: Record<string, string> = {}) {
  const files = new Map(Object.entries(initial));
  return {
    files,
    writeFile: async (path: string, text: string) => void files.set(path, text),
    readFile: async (path: string) => files.get(path),
  };
}

describe('CSV/JSON export', () => {
  it('quotes per RFC 4180 and reads back what it wrote', () => {
    assert.equal(
      csvRecord(['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded', '']),
      'plain,"a,b","say ""hi""","two\nlines"," padded",',
    );
    const fields = ['a,b', 'say "hi"', 'two\r\nlines', '', 'x'];
    assert.deepEqual(parseCsv(`${csvRecord(fields)}\r\n${csvRecord(['1'])}\n`), [fields, ['1']]);
    assert.throws(() => parseCsv('"open'), /never closed/);
  });

  it('writes a CSV with a header and one row per item, relative to cwd, keyed <file>#<row>', async () => {
    const disk = memoryDisk();
    const adapter = createFileAdapter({ type: 'csv', path: 'exports/actions.csv' }, { ...disk, cwd: '/repo' });
    assert.equal(adapter.kind, 'csv');
    const result = await adapter.create(items, incident);
    assert.deepEqual(result.failed, []);
    assert.deepEqual(
      result.created.map((t) => [t.index, t.key, t.url]),
      [
        [0, 'actions.csv#1', ''],
        [2, 'actions.csv#2', ''],
      ],
    );
    const text = disk.files.get('/repo/exports/actions.csv')!;
    assert.ok(text.endsWith('\r\n'));
    assert.deepEqual(parseCsv(text), [
      ['action', 'owner', 'due', 'priority', 'status', 'type', 'incident', 'postmortem'],
      [
        'Add a canary stage, then "bake" for 30 min',
        'Dana Smith',
        '2025-04-01',
        'high',
        'open',
        'prevent',
        'INC-20250310-checkout-errors',
        'postmortems/2025-03-10-checkout-errors.md',
      ],
      // A leading @ is a formula to spreadsheets: the ' marks it as text, and spreadsheets show @sam.
      [
        'Alert on checkout error rate\nand page on-call',
        "'@sam",
        '',
        '',
        '',
        '',
        'INC-20250310-checkout-errors',
        'postmortems/2025-03-10-checkout-errors.md',
      ],
    ]);
    assert.match(text, /^"Add a canary stage, then ""bake"" for 30 min",Dana Smith,/m);
  });

  it('appends later items, keeping row numbers, and gives an item already in the file its row again', async () => {
    const disk = memoryDisk();
    const adapter = createFileAdapter({ type: 'csv', path: 'actions.csv' }, { ...disk, cwd: '/repo' });
    await adapter.create(items.slice(0, 1), incident);
    const other: ExportItem = { index: 5, action: 'Load-test the gateway', state: 'open' };
    const second = await adapter.create([other, items[0]], { ...incident, id: undefined });
    assert.deepEqual(
      second.created.map((t) => t.key),
      ['actions.csv#2', 'actions.csv#1'],
    );
    assert.equal(parseCsv(disk.files.get('/repo/actions.csv')!).length, 3);
  });

  it('neutralises cells a spreadsheet would run as a formula, and still finds their rows on the next run', async () => {
    assert.deepEqual(
      ['=HYPERLINK("http://x")', '+1', '-2', '@dana', '\tx', '\rx', "'=already", 'Dana', 'a=b'].map(spreadsheetSafe),
      ['\'=HYPERLINK("http://x")', "'+1", "'-2", "'@dana", "'\tx", "'\rx", "'=already", 'Dana', 'a=b'],
    );
    const disk = memoryDisk();
    const adapter = createFileAdapter({ type: 'csv', path: 'a.csv' }, { ...disk, cwd: '/repo' });
    const risky: ExportItem = { index: 1, action: '=cmd|"/c calc"!A1', owner: '@dana', state: 'open' };
    await adapter.create([risky], incident);
    const again = await adapter.create([risky], incident);
    assert.deepEqual(
      again.created.map((t) => t.key),
      ['a.csv#1'],
    );
    const text = disk.files.get('/repo/a.csv')!;
    assert.deepEqual(parseCsv(text)[1].slice(0, 2), ['\'=cmd|"/c calc"!A1', "'@dana"]);
    assert.equal(parseCsv(text).length, 2, 'one row, not two');
    const json = memoryDisk();
    await createFileAdapter({ type: 'json', path: 'a.json' }, json).create([risky], incident);
    assert.equal(
      (JSON.parse([...json.files.values()][0]) as { owner: string }[])[0].owner,
      '@dana',
      'JSON is not a spreadsheet: values stay as written',
    );
  });

  it('writes JSON objects with the same fields', async () => {
    const disk = memoryDisk();
    const adapter = createFileAdapter({ type: 'json', path: '/abs/actions.json' }, disk);
    const result = await adapter.create(items, incident);
    assert.deepEqual(
      result.created.map((t) => t.key),
      ['actions.json#1', 'actions.json#2'],
    );
    const rows = JSON.parse(disk.files.get('/abs/actions.json')!) as Record<string, string>[];
    assert.deepEqual(rows[0], {
      action: items[0].action,
      owner: 'Dana Smith',
      due: '2025-04-01',
      priority: 'high',
      status: 'open',
      type: 'prevent',
      incident: 'INC-20250310-checkout-errors',
      postmortem: 'postmortems/2025-03-10-checkout-errors.md',
    });
    assert.equal(rows[1].action, items[1].action);
  });

  it('never overwrites a file that is not its own', async () => {
    for (const [type, text] of [
      ['csv', 'name,email\nx,y\n'],
      ['json', '{"not":"a list"}'],
    ] as const) {
      const disk = memoryDisk({ [`/repo/out.${type}`]: text });
      const adapter = createFileAdapter({ type, path: `out.${type}` }, { ...disk, cwd: '/repo' });
      await assert.rejects(
        adapter.create(items, incident),
        (error: unknown) => error instanceof TrackerError && /not a Hindsight/.test(error.message),
      );
      assert.equal(disk.files.get(`/repo/out.${type}`), text);
    }
  });

  it('has no status to read', async () => {
    const adapter = createFileAdapter({ type: 'csv', path: 'a.csv' }, memoryDisk());
    const result = await adapter.status(['a.csv#1', 'a.csv#2']);
    assert.equal(result.states.size, 0);
    assert.deepEqual(result.failed, [
      { key: 'a.csv#1', error: 'a file export has no status to read' },
      { key: 'a.csv#2', error: 'a file export has no status to read' },
    ]);
  });

  it('writes to disk by default, and words a write failure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-file-export-'));
    try {
      await createFileAdapter({ type: 'csv', path: 'out/actions.csv' }, { cwd: dir }).create(items, incident);
      await createFileAdapter({ type: 'csv', path: 'out/actions.csv' }, { cwd: dir }).create(
        [{ index: 9, action: 'More', state: 'open' }],
        incident,
      );
      assert.equal(parseCsv(readFileSync(join(dir, 'out', 'actions.csv'), 'utf8')).length, 4);
      const full = {
        readFile: async () => undefined,
        writeFile: async () => Promise.reject(new Error('ENOSPC: no space left on device')),
      };
      await assert.rejects(
        createFileAdapter({ type: 'json', path: 'actions.json' }, { ...full, cwd: dir }).create(items, incident),
        /actions\.json could not be written: ENOSPC/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
