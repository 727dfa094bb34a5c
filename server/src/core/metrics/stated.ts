import type { MetricName, StatedDuration } from '../model';
import type { LineIndex } from '../text/lineIndex';
import { memoize } from '../text/memo';
import { AMOUNT, durationMinutes } from '../time/amounts';

/**
 * Durations the author wrote down, so they can be checked against the timeline:
 * "down for 66 minutes", "Time to repair: 1h 28m", "lasted 1 hour and 48 minutes", `duration: 45m`.
 * A bare duration with no word saying what it measures is not taken.
 */

const DURATION = String.raw`(?<approx>~|≈|about\s+|around\s+|approximately\s+|approx\.?\s+|roughly\s+|nearly\s+|almost\s+|over\s+|just\s+over\s+|under\s+|some\s+)?(?<value>${AMOUNT})`;

const CONTEXTS: [MetricName, string][] = [
  ['ttd', String.raw`(?:time\s+to\s+detect(?:ion)?|ttd|mttd|detected\s+(?:in|after|within))`],
  ['tta', String.raw`(?:time\s+to\s+acknowledge(?:ment)?|tta|mtta)`],
  [
    'ttm',
    String.raw`(?:time\s+to\s+(?:repair|mitigat(?:e|ion)|recover(?:y)?|restore)|ttm|mttm|mitigated\s+(?:in|after|within)|repaired\s+(?:in|after|within))`,
  ],
  [
    'ttr',
    String.raw`(?:time\s+to\s+resol(?:ve|ution)|ttr|mttr|resolved\s+(?:in|after|within)|total\s+incident\s+(?:time|duration))`,
  ],
  [
    'impact',
    String.raw`(?:(?:incident|outage|impact|event|total|downtime)\s+duration|duration\s+of\s+(?:the\s+)?(?:outage|incident|impact|disruption)|duration|downtime|impact\s+window|(?:down|offline|unavailable|unreachable|degraded|broken|fail(?:ed|ing)|impacted|affected|disrupted|interrupted|unable\s+to\s+[a-z ]{1,40}?)\s+for|outage\s+(?:of|lasting)|(?:lasted|lasting)|for\s+a\s+total\s+of)`,
  ],
];

const STATEMENT = new RegExp(
  CONTEXTS.map(
    ([name, context]) =>
      String.raw`(?<${name}>${context})\s*(?:was|of|is|:|=|-|–|—|\||\*+|\s)*\s*${DURATION.replace(/\?<(approx|value)>/g, `?<$1_${name}>`)}`,
  ).join('|'),
  'gi',
);

/** The figure before what it measures: "3 minutes of login errors", "52 minutes of downtime". */
const REVERSED = new RegExp(
  DURATION.replace(/\?<(approx|value)>/g, '?<$1_impact>') +
    String.raw`\s+of\s+(?:[\w-]+\s+){0,2}?(?:downtime|outage|errors|degradation|disruption|unavailability|impact)\b`,
  'gi',
);

/** Only a line with a number and a unit of time can state a duration: most lines are skipped at once. */
const MAY_STATE =
  /\d\s*(?:d|h|m|s|days?|hrs?|hours?|mins?|minutes?|secs?|seconds?)\b|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety)\s+(?:hours?|minutes?|days?)\b|half\s+an\s+hour/i;

/**
 * A clause about what is to come ("the coming release needs roughly forty minutes of planned downtime", "maintenance is
 * scheduled to last 2 hours") states a plan, and "would have lasted" a what-if: neither is how long this incident
 * took. The clause runs from the last sentence end or contrast ("but", ";") before the figure to the figure's end.
 */
const PLANNED = new RegExp(
  [
    String.raw`\b(?:will|won't|would|shall|going\s+to)\b`,
    String.raw`\b(?:plan(?:s|ned)?|scheduled|expect(?:s|ed)?)\s+(?:to|for)\b`,
    String.raw`\bplanned\s+(?:downtime|maintenance|outage|window|work)\b`,
    String.raw`\bnext\s+(?:upgrade|maintenance|release|migration|time)\b`,
  ].join('|'),
  'i',
);
const CLAUSE_BREAK = /[.!?;]\s|\bbut\b|\bwhereas\b/gi;

function inPlannedClause(text: string, start: number, end: number): boolean {
  let from = 0;
  for (const m of text.slice(0, start).matchAll(CLAUSE_BREAK)) from = m.index! + m[0].length;
  return PLANNED.test(text.slice(from, end));
}

interface LineStatement {
  minutes: number;
  metric: MetricName;
  text: string;
  approximate: boolean;
}

const statementsIn = memoize((text: string): LineStatement[] => {
  const out: LineStatement[] = [];
  if (!MAY_STATE.test(text)) return out;
  for (const match of [...text.matchAll(STATEMENT), ...text.matchAll(REVERSED)]) {
    const groups = match.groups ?? {};
    const metric =
      CONTEXTS.map(([name]) => name).find((name) => groups[name] !== undefined) ??
      (groups.value_impact ? 'impact' : undefined);
    if (!metric) continue;
    const value = groups[`value_${metric}`];
    const minutes = value ? durationMinutes(value) : undefined;
    if (minutes === undefined || minutes <= 0) continue;
    // "lasted 2-3 hours" or "for 5 to 10 minutes" is a range, not a figure to check.
    const after = text.slice(match.index! + match[0].length);
    if (
      /^\s*(?:-|–|to|or)\s*\d/.test(after) ||
      /\d\s*(?:-|–)\s*$/.test(text.slice(0, match.index! + match[0].indexOf(value!)))
    )
      continue;
    if (inPlannedClause(text, match.index!, match.index! + match[0].length)) continue;
    out.push({
      minutes,
      metric,
      text: value!,
      approximate: !!groups[`approx_${metric}`] || /^(?:an?|one)\s/i.test(value!),
    });
  }
  return out;
});

/** Finds stated durations in one line; `raw` and `column` place each in the source line. */
export function statedInLine(
  text: string,
  raw: string,
  line: number,
  index: LineIndex,
  column: number,
): StatedDuration[] {
  return statementsIn(text).map((s) => {
    const at = raw.indexOf(s.text);
    const start = at >= 0 ? column + at : column;
    return {
      ...s,
      range: index.lineRange(line, start, at >= 0 ? start + s.text.length : column + raw.length),
      source: 'prose' as const,
    };
  });
}

const FRONTMATTER_KEYS: Record<string, MetricName> = {
  duration: 'impact',
  impact_duration: 'impact',
  outage_duration: 'impact',
  downtime: 'impact',
  ttd: 'ttd',
  time_to_detect: 'ttd',
  tta: 'tta',
  time_to_acknowledge: 'tta',
  ttm: 'ttm',
  time_to_mitigate: 'ttm',
  time_to_repair: 'ttm',
  ttr: 'ttr',
  time_to_resolve: 'ttr',
};

/** `duration: 45m`, `ttr: 1h 30m`, or a number of minutes. */
export function frontmatterDuration(key: string, value: unknown): { metric: MetricName; minutes: number } | undefined {
  const metric = FRONTMATTER_KEYS[key.toLowerCase().replace(/[-\s]/g, '_')];
  if (!metric) return undefined;
  if (typeof value === 'number' && value > 0) return { metric, minutes: value };
  if (typeof value !== 'string') return undefined;
  const iso = /^P(?:T)?(?:(\d+)H)?(?:(\d+)M)?$/i.exec(value.trim());
  if (iso) return { metric, minutes: Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0) };
  const minutes = durationMinutes(value.replace(/(\d)\s*(h|m)(?=\d)/gi, '$1$2 '));
  return minutes ? { metric, minutes } : undefined;
}
