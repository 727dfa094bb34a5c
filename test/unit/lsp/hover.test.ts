/** Hover (server/src/lsp/hover.ts), in process: what a cursor over a finding or a timeline row shows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover } from '../../../server/src/lsp/hover';
import { CANCELLED, LIVE, openFixture, SETTINGS } from './cursor';

function hoverText(name: string): string | undefined {
  const { subject, position } = openFixture(name);
  const answer = hover(subject, { position }, SETTINGS, LIVE);
  if (!answer) return undefined;
  assert.equal(typeof answer.contents === 'object' && 'kind' in answer.contents && answer.contents.kind, 'markdown');
  return (answer.contents as { value: string }).value;
}

describe('hover', () => {
  it('explains the rule of the finding under the cursor', () => {
    const text = hoverText('blame-cursor.md')!;
    assert.match(text, /^\*\*blameless\/normative\*\*: /);
    assert.match(text, /mistakenly/, 'the rule description names its words');
  });

  it('on a timeline row: the time in UTC, the source of its zone, the offset from the start, the milestone', () => {
    const parts = hoverText('timeline-row.md')!.split('\n\n');
    assert.equal(parts[0], '**2025-09-02 08:20 UTC** (read in UTC, from the column)');
    assert.match(parts[1], /^20m after the start \(2025-09-02 08:00 UTC, marker\)$/);
    assert.match(parts[2], /^Milestone \*\*detected\*\*, marked from marker/);
  });

  it('shows the seconds when the row gives them, through the one wall-clock formatter', () => {
    const parts = hoverText('timeline-seconds.md')!.split('\n\n');
    assert.equal(parts[0], '**2025-11-12 14:05:45 UTC** (read in UTC, from the column)');
    assert.equal(parts[1], '4m after the start (2025-11-12 14:02 UTC, marker)');
  });

  it('leaves out the day, for the row and the start, when the document never says it', () => {
    const parts = hoverText('timeline-undated.md')!.split('\n\n');
    assert.equal(parts[0], '**09:25 UTC** (read in UTC, from the entry)');
    assert.equal(parts[1], '15m after the start (09:10 UTC, marker)');
  });

  it('on a milestone row: the metrics that milestone ends, with formula and value', () => {
    const text = hoverText('timeline-row.md')!;
    assert.match(text, /\| Time to detect \| `detected − started` \| 20m \|/);
    assert.doesNotMatch(text, /Time to resolve/, 'resolution is not measured from detection');
  });

  it('shows nothing over plain prose', () => {
    assert.equal(hoverText('prose-line.md'), undefined);
  });

  it('answers nothing to a cancelled request', () => {
    const { subject, position } = openFixture('timeline-row.md');
    assert.equal(hover(subject, { position }, SETTINGS, CANCELLED), null);
  });
});
