import { DateTime } from 'luxon';
import type { PostmortemDocument } from '../core/model';
import { wallClock } from '../core/time/wallClock';
import { parseZone, ZONE_WORDS, type Zone } from '../core/time/zones';

/**
 * The clock the preview draws times on: the zone the document's timeline is written in, so a CEST document shows
 * the times its authors wrote, with the zone named; UTC stays one hover away.
 */
export interface ZoneClock {
  /** As a reader knows it: "CEST", "Europe/Paris", "UTC+05:30", "UTC". */
  name: string;
  /** Minutes east of UTC at an instant. */
  offsetAt(epoch: number): number;
}

export const UTC_CLOCK: ZoneClock = { name: 'UTC', offsetAt: () => 0 };

const ZONE_WORD = new RegExp(`(?<![\\w/-])(?:${ZONE_WORDS})(?![\\w-])`, 'g');

/** The model names a fixed-offset zone by its offset; the word the authors wrote for it reads better, if any. */
function writtenName(doc: PostmortemDocument, offset: number): string | undefined {
  // The timeline's own lines: "All times CEST.", a "Time (IST)" column, or the rows themselves.
  const lines = doc.timeline.sections.flatMap((s) =>
    doc.lines.lines.slice(s.headingRange.start.line, s.range.end.line + 1),
  );
  for (const line of [...lines, ...doc.timeline.entries.map((e) => e.raw)]) {
    for (const [word] of line.matchAll(ZONE_WORD)) {
      const zone = parseZone(word);
      if (zone && zone.offset === offset) return zone.label;
    }
  }
  return undefined;
}

/** The zone most of the timeline's entries were read in, or the one it declares. */
function timelineZone(doc: PostmortemDocument): string | undefined {
  const counts = new Map<string, number>();
  for (const entry of doc.timeline.entries) if (entry.zone) counts.set(entry.zone, (counts.get(entry.zone) ?? 0) + 1);
  const [common] = [...counts].sort((a, b) => b[1] - a[1]);
  return doc.timeline.declaredZone ?? common?.[0];
}

export function clockOf(zone: Zone, name = zone.label): ZoneClock {
  // An abbreviation or offset is one fixed offset (CEST is +02:00 in January too); a region follows its rules.
  if (zone.offset !== undefined) return { name, offsetAt: () => zone.offset! };
  if (zone.region) return { name, offsetAt: (epoch) => DateTime.fromMillis(epoch, { zone: zone.region }).offset };
  return { ...UTC_CLOCK, name };
}

export function documentClock(doc: PostmortemDocument): ZoneClock {
  const zone = parseZone(timelineZone(doc) ?? 'UTC');
  if (!zone || zone.offset === 0) return UTC_CLOCK;
  const written = zone.offset !== undefined ? writtenName(doc, zone.offset) : undefined;
  return clockOf(zone, written ?? zone.label);
}

/** "2025-04-14 11:06", or "11:06" for a time whose day the document never gives, on the clock's wall. */
export function wallLabel(epoch: number, clock: ZoneClock, withDate = true): string {
  const { date, time } = wallClock(epoch, clock.offsetAt(epoch));
  return withDate ? `${date} ${time}` : time;
}
