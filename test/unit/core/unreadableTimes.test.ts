/**
 * A timeline line whose time cannot be read becomes an entry of its own over the whole line, whichever
 * way the time failed: an impossible hour, a date followed by a broken time, a placeholder. The three
 * used to be built apart (server/src/core/timeline/candidates.ts); one builder now makes them all.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';

const TIMELINE = [
  '---',
  'type: postmortem',
  'date: 2025-02-03',
  '---',
  '# Disk full',
  '',
  '## Timeline',
  '',
  '- 09:00 UTC Disk on db-2 fills up',
  '- 25:00 UTC Volume resized',
  '- 2025-02-03 09:3 Alert fires for disk usage',
  '- 9:7x UTC Retention shortened',
  '- 10:00 UTC Back to normal',
  '',
].join('\n');

describe('timeline lines whose time cannot be read', () => {
  const doc = analyzeText(TIMELINE, 'file:///disk-full.md');
  const lines = TIMELINE.split('\n');
  const unreadable = [
    { line: 9, time: '25:00', reason: /hour 25 is past 23/ },
    { line: 10, time: '2025-02-03 09:3', reason: /cannot be read:/ },
    { line: 11, time: '9:7x', reason: /placeholder/ },
  ];

  it('are each an entry of their own, spanning the line after the list marker, with no time', () => {
    for (const { line } of unreadable) {
      const entry = doc.timeline.entries.find((e) => e.range.start.line === line);
      assert.ok(entry, `line ${line + 1} is an entry`);
      assert.equal(entry.time, undefined);
      assert.deepEqual(entry.range, {
        start: { line, character: 2 },
        end: { line, character: lines[line].length },
      });
      assert.equal(entry.text, lines[line].slice(2));
    }
  });

  it('are each reported once, quoting what looked like the time and why it failed', () => {
    const reported = doc.problems.filter((p) => p.code === 'timeline/unparseable-time');
    assert.deepEqual(
      reported.map((p) => p.range.start.line),
      unreadable.map((u) => u.line),
    );
    for (const [i, problem] of reported.entries()) {
      assert.ok(problem.message.startsWith(`"${unreadable[i].time}" cannot be read`), problem.message);
      assert.match(problem.message, unreadable[i].reason);
    }
  });

  it('leave the readable lines around them their own times', () => {
    const readable = doc.timeline.entries.filter((e) => e.time !== undefined).map((e) => e.text);
    assert.deepEqual(readable, ['Disk on db-2 fills up', 'Back to normal']);
  });
});

describe('a date with its month by name between the year and the day that names no day', () => {
  const text = ['# Queue stall', '', '## Timeline', '', '- 2025-Feb-30 14:00 UTC Consumer deploy', ''].join('\n');
  const doc = analyzeText(text, 'file:///queue-stall.md');

  it('is reported as unreadable, saying why, and gives its row no time', () => {
    const [problem] = doc.problems.filter((p) => p.code === 'timeline/unparseable-time');
    assert.ok(problem?.message.startsWith('"2025-Feb-30" cannot be read'), problem?.message);
    assert.match(problem.message, /February has 28 days in 2025/);
    assert.equal(doc.timeline.entries.find((e) => e.range.start.line === 4)?.time, undefined);
  });
});
