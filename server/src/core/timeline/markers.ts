import type { MilestoneKind, Range } from '../model';
import { memoize } from '../text/memo';

/** A milestone stated as "Label: time" ("First detected: 2023-01-11 14:22"). */
export interface LabelledMilestone {
  kinds: MilestoneKind[];
  time: number;
  line: number;
  range: Range;
  evidence: string;
  source?: 'key-events' | 'prose';
}

/** The milestone that a range's end marks, for a range given against a start label. */
export const RANGE_END: Partial<Record<MilestoneKind, MilestoneKind>> = {
  impactStart: 'impactEnd',
  started: 'resolved',
};

/** Milestone words as used in a Milestone column or as a bracketed marker ("[detected]"). */
const WORDS: [RegExp, MilestoneKind[]][] = [
  [/^(?:impact|outage|customer impact)[\s-]*(?:start|starts|started|begins?|began)$/, ['impactStart']],
  [/^(?:impact|outage|customer impact)[\s-]*(?:end|ends|ended|stops?|stopped|over)$/, ['impactEnd']],
  [/^(?:incident\s+)?(?:start|started|begins?|began|onset|trigger(?:ed)?)$/, ['started']],
  [/^(?:first\s+)?(?:detect(?:ed|ion)?|alert(?:ed)?|paged|noticed|identified|reported)$/, ['detected']],
  [/^(?:acknowledge(?:d|ment)?|ack(?:ed|'d)?|declared|incident declared|responded|response)$/, ['acknowledged']],
  [/^(?:mitigat(?:e|ed|ion)|repaired|workaround|contained|impact halted)$/, ['mitigated']],
  [
    /^(?:resolv(?:e|ed)|resolution|recovered|recovery|fixed|closed|incident (?:end|ended|closed|resolved)|all clear|end|ended)$/,
    ['resolved'],
  ],
];

export function milestoneWord(word: string): MilestoneKind[] | undefined {
  const w = word
    .toLowerCase()
    .replace(/[^a-z' -]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return WORDS.find(([pattern]) => pattern.test(w))?.[1];
}

/** Capitalised phase markers written into entries ("OUTAGE BEGINS", "**INCIDENT ENDS**"). */
const PHASE_MARKERS: [RegExp, MilestoneKind[]][] = [
  [/\b(?:OUTAGE|IMPACT|DEGRADATION) (?:BEGINS|STARTS|BEGAN|STARTED)\b/i, ['impactStart', 'started']],
  [/\b(?:OUTAGE|IMPACT|DEGRADATION) (?:ENDS|ENDED|OVER|STOPS)\b/i, ['impactEnd', 'mitigated']],
  [/\bINCIDENT (?:BEGINS|STARTS|BEGAN|STARTED)\b/i, ['started']],
  [/\bINCIDENT (?:ENDS|ENDED|OVER)\b/i, ['resolved']],
  // "Incident closed" in a sentence is a status, often set hours after recovery: only the capitalised marker counts.
  [/\bINCIDENT CLOSED\b/, ['resolved']],
  [/\b(?:DETECTED|DETECTION)\b/, ['detected']],
  [/\b(?:MITIGATED|MITIGATION)\b/, ['mitigated']],
  [/\bRESOLVED\b/, ['resolved']],
];

/** Explicit milestone markers in an entry: "[detected]" or "OUTAGE BEGINS" in its text, or a Milestone column value. */
export function markersIn(text: string, column = ''): { kinds: MilestoneKind[]; byColumn: boolean } {
  return cachedMarkers(`${column}\u0000${text}`);
}

const cachedMarkers = memoize((key: string) => {
  const split = key.indexOf('\u0000');
  return readMarkers(key.slice(split + 1), key.slice(0, split));
});

function readMarkers(text: string, column: string): { kinds: MilestoneKind[]; byColumn: boolean } {
  const found = new Set<MilestoneKind>();
  for (const part of column.split(/[,;/+&]|\band\b/)) for (const kind of milestoneWord(part) ?? []) found.add(kind);
  const byColumn = found.size > 0;
  for (const match of text.matchAll(
    /\[\s*([a-z][a-z '-]{2,30})\s*\]|\{\s*([a-z][a-z '-]{2,30})\s*\}|\(\s*([a-z][a-z '-]{2,30})\s*\)/gi,
  )) {
    for (const kind of milestoneWord(match[1] ?? match[2] ?? match[3]) ?? []) found.add(kind);
  }
  for (const [pattern, kinds] of PHASE_MARKERS) if (pattern.test(text)) kinds.forEach((k) => found.add(k));
  return { kinds: [...found], byColumn };
}

/** Milestone labels of "Key events" lists and status records. */
const LABELS: [RegExp, MilestoneKind[]][] = [
  [/^(?:customer\s+)?(?:impact|outage|incident|downtime|disruption)\s+(?:window|period)$/, ['impactStart']],
  [/^(?:customer\s+)?(?:impact|outage)\s+(?:start(?:ed)?|began|begins)(?:\s+time)?$/, ['impactStart']],
  [/^(?:customer\s+)?(?:impact|outage)\s+(?:end(?:ed)?|stopped)(?:\s+time)?$/, ['impactEnd']],
  [/^(?:incident\s+|event\s+|problem\s+)?(?:start(?:ed)?|began|begin|onset)(?:\s+(?:time|at))?$/, ['started']],
  [
    /^(?:first\s+)?(?:detected|detection|noticed|identified|reported|alerted|alert(?:\s+fired)?)(?:\s+(?:time|at))?$/,
    ['detected'],
  ],
  [/^(?:acknowledged|incident\s+declared|declared|response\s+start(?:ed)?)(?:\s+(?:time|at))?$/, ['acknowledged']],
  [
    /^(?:repaired|mitigated|mitigation|impact\s+mitigated|workaround(?:\s+applied)?|service\s+restored)(?:\s+(?:time|at))?$/,
    ['mitigated'],
  ],
  [
    /^(?:resolved|resolution|incident\s+resolved|closed|fixed|recovered|(?:incident\s+|event\s+)?end(?:ed)?)(?:\s+(?:time|at))?$/,
    ['resolved'],
  ],
];

export function labelMilestone(label: string | undefined): MilestoneKind[] | undefined {
  if (!label) return undefined;
  const l = label.toLowerCase().replace(/[*_:]/g, '').replace(/\s+/g, ' ').trim();
  return LABELS.find(([pattern]) => pattern.test(l))?.[1];
}
