import type { Range } from '../model';
import type { TextLine } from '../parse/blocks';
import { plainText } from '../parse/inline';
import type { LineIndex } from '../text/lineIndex';
import { resolveStamp, type CalendarDate, type ReadingContext, type ResolvedStamp } from '../time/resolve';
import { findStamps, type Stamp } from '../time/stamps';
import type { Zone } from '../time/zones';
import { familiesIn } from './features';

/** A window of impact the prose states: "between 09:05 and 09:41 UTC", "from 14:58 to 16:46". */
export interface StatedWindow {
  start: number;
  end: number | undefined;
  line: number;
  range: Range;
  text: string;
}

/** Only a line with one of these words and a digit can state a window: most lines are skipped at once. */
const MAY_STATE = /\b(?:between|from)\b[^]*\d/i;
const OPENS = /\b(?:between|from)\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|~)?$/i;
const JOINS = /^\s*(?:and|to|until|till|through|-|–|—)\s*(?:about\s+|around\s+|approximately\s+|roughly\s+|~)?$/i;

function pairs(text: string, all: readonly Stamp[]): [Stamp, Stamp | undefined][] {
  const stamps = all.filter((s) => s.time);
  const out: [Stamp, Stamp | undefined][] = [];
  stamps.forEach((stamp, i) => {
    if (!OPENS.test(text.slice(Math.max(0, stamp.index - 30), stamp.index))) return;
    if (stamp.rangeEnd) out.push([stamp, undefined]);
    else if (stamps[i + 1] && JOINS.test(text.slice(stamp.end, stamps[i + 1].index))) out.push([stamp, stamps[i + 1]]);
  });
  return out;
}

/**
 * Every stamp of a line, read in order as a reader would: a date or a zone stated earlier on the line holds for the
 * times after it ("On 8 March at 23:12 CET … between 00:22 and 00:35"), and a time that goes back past midnight is
 * the next day. Only what the line leaves open falls back on the document's date and zone.
 */
function readInOrder(stamps: readonly Stamp[], reference: CalendarDate | undefined, zone: Zone | undefined) {
  const ctx: ReadingContext = {
    date: reference,
    reference,
    zone: zone ?? { label: 'UTC', offset: 0 },
    zoneSource: 'sentence',
    lastMinutes: undefined,
    direction: 1,
  };
  const read = new Map<Stamp, ResolvedStamp>();
  for (const stamp of stamps) {
    read.set(stamp, resolveStamp(stamp, ctx));
    if (stamp.zone) ctx.zone = stamp.zone;
  }
  return read;
}

/** Windows stated in sentences that name something going wrong, read with the line's own date and zone. */
export function statedWindows(
  lines: readonly TextLine[],
  index: LineIndex,
  reference: CalendarDate | undefined,
  zone: Zone | undefined,
): StatedWindow[] {
  const out: StatedWindow[] = [];
  for (const line of lines) {
    if (!MAY_STATE.test(line.raw)) continue;
    const text = plainText(line.raw).text;
    if (!familiesIn(text).families.includes('symptom')) continue;
    const stamps = findStamps(text);
    const read = readInOrder(stamps, reference, zone);
    for (const [first, second] of pairs(text, stamps)) {
      const start = read.get(first)!;
      if (start.time === undefined || !start.hasTimeOfDay) continue;
      const endTime = second ? read.get(second)!.time : start.endTime;
      out.push({
        start: start.time,
        end: endTime,
        line: line.line,
        range: index.lineRange(line.line, line.column, line.column + line.raw.length),
        text: text.slice(first.index, (second ?? first).end),
      });
    }
  }
  return out;
}
