/**
 * Memory stays flat while one document is edited: no cache may keep a version of the document
 * alive through a slice of its text. Heap is read after forced collections.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Analyzer } from '../../../server/src/core/analyzer';
import { memoize } from '../../../server/src/core/text/memo';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMB(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

/** About 300 KB: prose paragraphs and timeline tables, every line different. */
function documentLines(): string[] {
  const lines = ['---', 'title: Cache growth', 'date: 2025-05-02', '---', '', '# Cache growth', ''];
  for (let section = 0; section < 30; section++) {
    lines.push(`## Part ${section}`, '');
    for (let p = 0; p < 25; p++)
      lines.push(
        `Worker ${section}-${p} restarted after ${p + section} seconds of queue lag on shard ${section * 31 + p}.`,
        '',
      );
    lines.push('| Time | Event |', '| --- | --- |');
    for (let row = 0; row < 40; row++)
      lines.push(
        `| 2025-05-02 ${String(row % 24).padStart(2, '0')}:${String(section % 60).padStart(2, '0')} | Shard ${section}-${row} lag ${row * 7} ms |`,
      );
    lines.push('');
  }
  return lines;
}

describe('memory while a document is edited', () => {
  it('holds the heap within 10 % of its size after the first edit, over 40 edits', () => {
    const lines = documentLines();
    const prose = lines.findIndex((l) => l.startsWith('Worker 15-'));
    const row = lines.findIndex((l) => l.startsWith('| 2025-05-02 05:15'));
    const analyzer = new Analyzer();
    // Edits to a prose line and a table row in turn, each a text never seen before.
    const edit = (n: number) => {
      const at = n % 2 ? row : prose;
      lines[at] = lines[at].replace(/ \(edit \d+\)|$/, ` (edit ${n})`);
      analyzer.analyze('memory:doc', n, lines.join('\n'));
    };
    edit(1);
    const first = heapMB();
    for (let n = 2; n <= 40; n++) edit(n);
    const last = heapMB();
    assert.ok(last <= first * 1.1, `heap ${first.toFixed(1)} MB after the first edit, ${last.toFixed(1)} MB after 40`);
  });

  it('a memo keeps its keys apart from the text they were cut from', () => {
    // A budget larger than everything stored: only flat keys keep the heap small here.
    const lengths = memoize((text: string) => text.length, 1_000_000, 1_000_000);
    const before = heapMB();
    for (let v = 0; v < 40; v++) {
      const whole = `version ${v} `.repeat(100_000);
      for (let i = 0; i < 20; i++) lengths(whole.slice(i * 500, i * 500 + 400));
    }
    // 40 versions of about 1.2 MB each would stay alive through sliced keys; flat keys are 320,000 characters.
    assert.ok(heapMB() - before < 5, `heap grew ${(heapMB() - before).toFixed(1)} MB`);
  });
});
