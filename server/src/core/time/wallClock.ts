/** An instant as read on a clock: its day, and its time to the minute and to the second. */
export interface WallClock {
  /** "2025-04-14" */
  date: string;
  /** "11:06" */
  minutes: string;
  /** "11:06", or "11:06:30" when the seconds are not zero. */
  time: string;
}

const MINUTE = 60_000;

/**
 * An instant on the wall clock of a zone `offset` minutes east of UTC (UTC when left out). The one
 * place that turns an instant into a zone's day and time: the preview, the status page draft and
 * imported timeline rows all show times through it, each in its own layout.
 */
export function wallClock(epoch: number, offset = 0): WallClock {
  const iso = new Date(epoch + offset * MINUTE).toISOString();
  const minutes = iso.slice(11, 16);
  return { date: iso.slice(0, 10), minutes, time: iso.slice(17, 19) === '00' ? minutes : iso.slice(11, 19) };
}
