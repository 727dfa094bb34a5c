import type { Range } from '../model';
import type { TextLine } from '../parse/blocks';
import { plainText } from '../parse/inline';
import type { LineIndex } from '../text/lineIndex';
import { resolveStamp, type CalendarDate } from '../time/resolve';
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

function pairs(text: string): [Stamp, Stamp | undefined][] {
  const stamps = findStamps(text).filter((s) => s.time);
  const out: [Stamp, Stamp | undefined][] = [];
  stamps.forEach((stamp, i) => {
    if (!OPENS.test(text.slice(Math.max(0, stamp.index - 30), stamp.index))) return;
    if (stamp.rangeEnd) out.push([stamp, undefined]);
    else if (stamps[i + 1] && JOINS.test(text.slice(stamp.end, stamps[i + 1].index))) out.push([stamp, stamps[i + 1]]);
  });
  return out;
}

/** Windows stated in sentences that name something going wrong, read with the document's date and zone. */
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
    for (const [first, second] of pairs(text)) {
      const ctx = {
        date: reference,
        reference,
        zone: zone ?? { label: 'UTC', offset: 0 },
        zoneSource: 'sentence' as const,
        lastMinutes: undefined,
        direction: 1 as const,
      };
      const start = resolveStamp(first, ctx);
      // The end shares the start's date and zone unless it gives its own (and rolls past midnight).
      const end = second
        ? resolveStamp(second.zone || !first.zone ? second : { ...second, zone: first.zone }, ctx)
        : undefined;
      if (start.time === undefined || !start.hasTimeOfDay) continue;
      const endTime = end?.time ?? start.endTime;
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
