import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { MilestoneKind } from '../model';
import { markersIn, milestoneWord } from '../timeline/markers';
import { wallClock } from '../time/wallClock';

/** Capitalised words that make a phase marker ("OUTAGE BEGINS", "RESOLVED"). */
const PHASE_WORDS = /\b(?:DETECTED|DETECTION|MITIGATED|MITIGATION|RESOLVED|OUTAGE|IMPACT|DEGRADATION|INCIDENT)\b/g;
const PHASE_PAIR =
  /\b(outage|impact|degradation|incident) (begins|starts|began|started|ends|ended|over|stops|closed)\b/gi;

/** Longest text kept in a cell: a timeline row is a line, not the message. */
const MAX_CELL = 280;

/** One line of text fit for a table cell: pipes escaped, line breaks folded, long text cut between words. */
export function cellText(value: string): string {
  let text = value
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > MAX_CELL) text = text.slice(0, MAX_CELL).replace(/\s+\S*$/, '') + ' …';
  return text.replace(/\\?\|/g, '\\|');
}

/**
 * Chat text that happens to look like a milestone marker ("(fixed)", "RESOLVED:") would be taken as
 * the author marking one. Imported words are evidence, not markings: the look-alikes are softened.
 */
export function withoutMarkers(text: string): string {
  if (markersIn(text).kinds.length === 0) return text;
  return (
    text
      .replace(/[[{(]\s*([a-z][a-z '-]{2,30})\s*[\]})]/gi, (whole, word: string) =>
        milestoneWord(word) ? `– ${word} –` : whole,
      )
      .replace(PHASE_WORDS, (caps) => caps[0] + caps.slice(1).toLowerCase())
      // "the outage began" in any case: a no-break space keeps the words and loses the marker.
      .replace(PHASE_PAIR, '$1 \u200b$2')
  );
}

/** The marker the milestone engine reads as the author's own ("[detected]"). */
export function milestoneMarker(kind: MilestoneKind): string {
  return MARKER_WORDS[kind];
}

const MARKER_WORDS: Record<MilestoneKind, string> = {
  started: 'started',
  detected: 'detected',
  acknowledged: 'acknowledged',
  mitigated: 'mitigated',
  resolved: 'resolved',
  impactStart: 'impact started',
  impactEnd: 'impact ended',
};

/** A source id safe inside a link title and a code span; ids with other characters are hashed. */
export function idToken(sourceId: string): string {
  if (/^[A-Za-z0-9:._/@=+-]{1,120}$/.test(sourceId)) return sourceId;
  const kind = /^[a-z]+/.exec(sourceId)?.[0] ?? 'import';
  return `${kind}:${createHash('sha1').update(sourceId).digest('hex').slice(0, 16)}`;
}

/** What the Source cell shows for each source. */
const SOURCE_LABELS: Record<string, string> = {
  slack: 'Slack',
  pagerduty: 'PagerDuty',
  git: 'commit',
  grafana: 'Grafana',
  alert: 'Alertmanager',
  csv: 'log',
  jsonl: 'log',
};

/** The Source cell: a link to the evidence carrying the row's id as its title, or the id alone. */
export function sourceCell(sourceId: string, link: string | undefined): string {
  const token = idToken(sourceId);
  const label = SOURCE_LABELS[token.split(':')[0]] ?? 'source';
  if (link && /^https?:\/\/[^\s()<>]+$/.test(link)) return `[${label}](${link} "${token}")`;
  return `\`${token}\``;
}

/** Wall-clock time in the timeline's zone: "2024-03-05 14:02", with the zone written when nothing declares it. */
export function timeCell(instant: number, zone: string, writeZone: boolean): string {
  const { date, minutes } = wallClock(instant, DateTime.fromMillis(instant, { zone: luxonZone(zone) }).offset);
  return writeZone ? `${date} ${minutes} ${zone}` : `${date} ${minutes}`;
}

/** Luxon reads "UTC", "UTC+01:00" and IANA names; anything else falls back to UTC. */
export function luxonZone(zone: string): string {
  return DateTime.now().setZone(zone).isValid ? zone : 'UTC';
}
