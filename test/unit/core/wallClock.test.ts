/**
 * Showing an instant on a zone's clock (server/src/core/time/wallClock.ts). The preview, the status page
 * draft and imported timeline rows each did this arithmetic their own way; now they share it, so one
 * instant reads the same wherever it is shown, seconds and day changes included.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timeCell } from '../../../server/src/core/import/cells';
import { wallClock } from '../../../server/src/core/time/wallClock';
import { parseZone } from '../../../server/src/core/time/zones';
import { utcLabel } from '../../../server/src/preview/escape';
import { clockOf, wallLabel } from '../../../server/src/preview/zoneClock';

describe('an instant on a wall clock', () => {
  const lateEvening = Date.UTC(2025, 2, 29, 23, 50, 30);

  it('gives the day and time at an offset, with seconds only when they are not zero', () => {
    assert.deepEqual(wallClock(lateEvening), { date: '2025-03-29', minutes: '23:50', time: '23:50:30' });
    assert.deepEqual(wallClock(lateEvening, 330), { date: '2025-03-30', minutes: '05:20', time: '05:20:30' });
    assert.deepEqual(wallClock(Date.UTC(2025, 0, 1, 0, 0), -300), {
      date: '2024-12-31',
      minutes: '19:00',
      time: '19:00',
    });
  });

  it('reads the same in the preview and in an imported row, in a fixed offset and across a change of season', () => {
    const beforeChange = Date.UTC(2025, 2, 30, 0, 30); // 01:30 in Paris, winter time
    const afterChange = Date.UTC(2025, 2, 30, 1, 30); // 03:30 in Paris, summer time
    for (const [zone, instant] of [
      ['UTC+05:30', lateEvening],
      ['Europe/Paris', beforeChange],
      ['Europe/Paris', afterChange],
    ] as const) {
      const preview = wallLabel(instant, clockOf(parseZone(zone)!));
      assert.equal(
        timeCell(instant, zone, false),
        preview.slice(0, 16),
        `${zone} at ${new Date(instant).toISOString()}`,
      );
    }
    assert.equal(timeCell(afterChange, 'Europe/Paris', true), '2025-03-30 03:30 Europe/Paris');
  });

  it('labels UTC as the preview shows it, the day left out for a time whose day is unknown', () => {
    assert.equal(utcLabel(lateEvening), '2025-03-29 23:50:30 UTC');
    assert.equal(utcLabel(Date.UTC(1970, 0, 1, 9, 5), false), '09:05 UTC');
  });
});
