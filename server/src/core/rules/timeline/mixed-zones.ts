import type { TimelineEntry } from '../../model';
import type { Fix, Rule, TextEdit } from '../rule';

function utcStamp(entry: TimelineEntry): string {
  const iso = new Date(entry.time!).toISOString();
  const time = iso.slice(11, iso.slice(17, 19) === '00' ? 16 : 19);
  const date = entry.dateUnknown ? '' : `${iso.slice(0, 10)} `;
  let end = '';
  if (entry.endTime !== undefined) {
    const endIso = new Date(entry.endTime).toISOString();
    end = `–${endIso.slice(11, endIso.slice(17, 19) === '00' ? 16 : 19)}`;
  }
  return `${date}${time}${end} UTC`;
}

const rule: Rule = {
  id: 'timeline/mixed-zones',
  level: 'warning',
  description: 'Timeline entries are written in more than one time zone.',
  rationale:
    'When one entry says 14:02 CET and the next 13:10 UTC, a reader has to convert every line to see the ' +
    'order and the gaps. One zone for the whole timeline, UTC by preference, makes it readable and ' +
    'comparable with alerts and logs.',
  example: {
    flagged: '- 14:02 CET Deploy starts\n- 13:10 UTC Alert fires',
    better: '- 13:02 UTC Deploy starts\n- 13:10 UTC Alert fires',
  },
  fixable: true,
  check: ({ doc }) => {
    const zoned = doc.timeline.entries.filter((e) => e.zoneSource === 'entry' && e.zone && e.time !== undefined);
    const zones = [...new Set(zoned.map((e) => e.zone!))];
    if (zones.length < 2) return [];
    const first = zoned[0].zone;
    const odd = zoned.find((e) => e.zone !== first)!;
    const edits: TextEdit[] = doc.timeline.entries
      .filter(
        (e) => e.time !== undefined && e.hasTimeOfDay && e.timeRange && e.timeRange.start.line === e.timeRange.end.line,
      )
      .map((e) => ({ range: e.timeRange!, newText: utcStamp(e) }));
    const fix: Fix = { title: 'Convert every timeline time to UTC', edits };
    return [
      {
        range: odd.timeRange ?? odd.range,
        message: `The timeline mixes time zones (${zones.join(', ')}); write every entry in one zone, preferably UTC.`,
        fixes: edits.length > 0 ? [fix] : [],
      },
    ];
  },
};
export default rule;
