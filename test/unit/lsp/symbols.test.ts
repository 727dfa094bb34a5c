/** The outline (server/src/lsp/outline.ts), in process: sections as a tree, milestones and action items inside. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { documentSymbols } from '../../../server/src/lsp/outline';
import { analysed, CANCELLED, LIVE, openFixture, readFixture, SETTINGS } from './cursor';

const outline = (token = LIVE) => documentSymbols(analysed(readFixture('outline.md')), undefined, SETTINGS, token);
const names = (symbols: DocumentSymbol[] | undefined) => (symbols ?? []).map((s) => s.name);

describe('document symbols', () => {
  it('nests the sections under the title, in document order', () => {
    const [title, ...rest] = outline();
    assert.equal(rest.length, 0);
    assert.equal(title.name, 'Queue backlog in billing');
    assert.deepEqual(names(title.children), ['Summary', 'Timeline', 'Action items']);
    assert.ok(title.children!.every((s) => s.kind === SymbolKind.Namespace));
  });

  it('lists the milestones under the timeline in time order, with where each came from', () => {
    const timeline = outline()[0].children!.find((s) => s.name === 'Timeline')!;
    const milestones = timeline.children!;
    assert.ok(milestones.every((m) => m.kind === SymbolKind.Event));
    assert.deepEqual(
      milestones.filter((m) => m.detail === 'marker').map((m) => m.name),
      ['started: 08:00 UTC', 'detected: 08:20 UTC', 'resolved: 08:50 UTC'],
    );
    const lines = milestones.map((m) => m.range.start.line);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
    );
  });

  it('names a milestone by its minute in UTC, seconds left out', () => {
    const { subject } = openFixture('timeline-seconds.md');
    const timeline = documentSymbols(subject, undefined, SETTINGS, LIVE)[0].children!.find(
      (s) => s.name === 'Timeline',
    )!;
    assert.ok(names(timeline.children).includes('detected: 14:05 UTC'), names(timeline.children).join(', '));
  });

  it('lists action items with owner, due date and state', () => {
    const items = outline()[0].children!.find((s) => s.name === 'Action items')!.children!;
    assert.deepEqual(
      items.map((i) => [i.name, i.detail]),
      [['Alert on consumer count, not only on queue depth', '@ines · 2025-10-01 · open']],
    );
  });

  it('answers nothing to a cancelled request', () => {
    assert.deepEqual(outline(CANCELLED), []);
  });
});
