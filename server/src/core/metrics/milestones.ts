import type { Milestone, MilestoneKind, Milestones, Range, TimelineEntry } from '../model';
import type { LabelledMilestone } from '../timeline/markers';

export const MILESTONE_KINDS: MilestoneKind[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved', 'impactStart', 'impactEnd'];

/** A milestone given as a frontmatter timestamp. */
export interface FrontmatterMilestone {
  kind: MilestoneKind;
  time: number;
  line: number;
  range: Range;
  key: string;
}

/** Words that name something going wrong: a weak verb ("noticed") detects the incident only beside one. */
const PROBLEM = /\b(?:outage|incident|issues?|problems?|errors?|fail\w*|down|unavailable|unreachable|degrad\w*|latency|slow\w*|timeouts?|timed out|crash\w*|alerts?|alarms?|impact\w*|broken|drop(?:s|ped)?|spike[sd]?|5\d\d|exception|missed|stall\w*|delet\w*|destroy\w*|wip(?:ed|es|ing)|corrupt\w*|lag(?:ging)?|stop(?:s|ped)?|hang(?:s|ing)?|hung|stuck|loss|lost|leak\w*|not\s+work\w*|unable|cannot|can't|wrong|bad|high|elevated|increase[sd]?)\b/i;
const WEAK_DETECTION = /^(?:detected|noticed|observed|spotted|discovered|notified|became\s+aware|identified|reported|reporting|reports?\s.*)$/i;

const NEGATED = /(?:\b(?:not|never|no|nor|yet\s+to\s+be|before|until|without)\b|n't\b)\W*(?:\w+\W+){0,2}$/i;
const PARTIAL = /\b(?:partial(?:ly)?|some|begin(?:s|ning)? to|start(?:s|ed)? to|attempt(?:s|ed)?|tried|trying)\b/i;

/** Wording that gives a milestone away, from the entry's text alone. */
const WORDING: Record<'detected' | 'acknowledged' | 'mitigated' | 'resolved' | 'started', RegExp> = {
  detected:
    /\b(?:alerts?\s+(?:fired|fires|firing|triggered|went off|raised)|(?:alert|alarm|page|monitor|check)\w*\s+(?:fired|fires|triggered|went off)|(?:is|was|were|got|gets|get)\s+paged|paged\s+(?:the\s+)?(?:[\w-]+\s+)?on-?call|pages?\s+(?:the\s+)?(?:[\w-]+\s+)?on-?call|pagerduty|opsgenie|first\s+(?:report|alert|sign|notice)|(?:customer|user|client)s?\s+(?:report|complain|notice)(?:ed|s)?|reported\s+by|report(?:s|ed)\s+that|report(?:ed|ing|s)?\s+(?:the\s+|an?\s+)?(?:outage|issue|incident|problem|errors?|failures?)|alerted|(?:monitoring|alerting)\s+(?:caught|flagged|detected|showed|shows)|on-?call\s+(?:was\s+|is\s+)?notified|ticket\s+(?:raised|opened|filed)|(?:detected|noticed|observed|spotted|discovered|notified|became\s+aware|identified|reported|reporting|reports?\s+(?:an?\s|the\s|of\s|errors?|fail\w*|broken|issues?|problems?|outages?|slow\w*|timeouts?)))/i,
  acknowledged:
    /\b(?:acknowledg(?:ed|es|ment)|ack(?:ed|'d|s)\b|incident\s+(?:was\s+|is\s+)?(?:declared|opened|raised)|declar(?:ed|es)\s+(?:an?\s+|the\s+)?(?:incident|sev)|(?:on-?call|engineer|responder|sre|team)s?\s+(?:respond(?:s|ed)|join(?:s|ed)|start(?:s|ed)\s+investigating|began\s+investigating|(?:is|are)\s+investigating|look(?:s|ed)\s+into)|(?:began|begins|started|starts)\s+investigating|investigation\s+(?:started|began|begins|starts)|war\s+room|incident\s+(?:channel|bridge)\s+(?:opened|created|started)|assum(?:es|ed)\s+(?:incident\s+)?(?:lead|command))/i,
  mitigated:
    /\b(?:mitigat(?:ed|es)|mitigation\s+(?:applied|complete|completed|deployed|in place)|rolled\s+back|roll(?:ed)?[- ]?back\s+(?:to\s+\S+\s+)?(?:complete|completed|finished|done|deployed)|rollback\s+(?:complete|completed|finished|done)|reverted|revert\s+(?:deployed|completed|complete)|failed\s+over|failover\s+(?:complete|completed)|workaround\s+(?:applied|deployed|in place)|repaired|errors?\s+(?:rates?\s+)?(?:drop(?:ped|s)?|subside[sd]?|decrease[sd]?|return(?:ed|s)?\s+to\s+normal)|impact\s+(?:ended|stopped|halted|mitigated)|traffic\s+(?:restored|drained)|fix\s+(?:deployed|applied|rolled out|released)|errors?\s+stop(?:s|ped)?|(?:previous|old|last\s+known\s+good)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:restored|reinstated)|scaled\s+back\s+up|succeed(?:s|ing)?\s+again|restored\s+(?:the\s+)?(?:previous|old)\b)/i,
  resolved:
    /\b(?:resolved|fully\s+recovered|recovered|recovery\s+(?:complete|completed|confirmed)|back\s+to\s+normal|returned\s+to\s+normal|all[- ]clear|incident\s+(?:closed|ended|over)|clos(?:ed|es)\s+the\s+incident|stabili[sz]ed|no\s+further\s+(?:errors|impact|missed|issues)|(?:service|services|system|systems|site|api)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:fully\s+)?(?:restored|healthy|operational|working(?:\s+again)?)|working\s+(?:again|normally)|(?:green|running|up|healthy|available|online)\s+again|fully\s+operational|resum(?:es|ed)\s+normal\s+operations?|marked\s+(?:as\s+)?resolved|issue\s+resolves)/i,
  started:
    /\b(?:(?:outage|incident|impact|degradation|disruption|errors?|failures?|latency|timeouts?|5\d\d)\w*(?:\s+rates?)?\s+(?:begin|begins|began|start|starts|started|spike[sd]?|rise|rises|rose|increase[sd]?|climb(?:s|ed)?|appear(?:s|ed)?)|(?:began|begins|started|starts)\s+(?:to\s+)?(?:fail|failing|return(?:ing)?\s+errors|erroring|timing\s+out|degrad)|went\s+down|became\s+(?:unavailable|unreachable|unresponsive)|(?:significant|sharp|sudden|large)\s+(?:drop|fall|decrease|increase|rise|spike)|\w+\s+rates?\s+(?:rises|rose|climbs|climbed|spikes|spiked|jumps|jumped|increases|increased|doubles|doubled)|(?:availability|success\s+rate|uptime|throughput)\s+(?:drop(?:s|ped)?|fell|falls|decreas\w*)|first\s+(?:errors?|symptoms?|failures?|timeouts?))/i,
};

function wordingMatches(kind: keyof typeof WORDING, text: string): string | undefined {
  const match = WORDING[kind].exec(text);
  if (!match) return undefined;
  if (NEGATED.test(text.slice(0, match.index))) return undefined;
  if (kind === 'detected' && WEAK_DETECTION.test(match[0]) && !PROBLEM.test(text)) return undefined;
  if ((kind === 'resolved' || kind === 'mitigated') && PARTIAL.test(text.slice(Math.max(0, match.index - 30), match.index + match[0].length))) return undefined;
  return match[0];
}

function fromEntry(kind: MilestoneKind, entry: TimelineEntry, source: Milestone['source'], evidence: string): Milestone {
  return { kind, time: entry.time!, source, line: entry.range.start.line, range: entry.timeRange ?? entry.range, evidence };
}

const DAY = 86_400_000;
/** How far before detection a problem entry may lie and still be the start (a slow leak, a weekend). */
const WEEK = 7 * DAY;

/**
 * Finds each milestone where a careful reader would: frontmatter timestamps first, then entries
 * marked explicitly (Milestone column, "[detected]", "OUTAGE BEGINS"), then labelled lines
 * ("Resolved: 15:51"), then recognised wording.
 */
export function findMilestones(entries: readonly TimelineEntry[], labelled: readonly LabelledMilestone[], frontmatter: readonly FrontmatterMilestone[]): Milestones {
  const found: Partial<Milestones> = {};
  for (const fm of frontmatter) {
    found[fm.kind] ??= { kind: fm.kind, time: fm.time, source: 'frontmatter', line: fm.line, range: fm.range, evidence: fm.key };
  }
  const timed = entries.filter((e) => e.time !== undefined);
  const chronological = [...timed].sort((a, b) => a.time! - b.time!);
  for (const kind of MILESTONE_KINDS) {
    if (found[kind]) continue;
    const marked = chronological.find((e) => e.markers.includes(kind));
    if (marked) {
      found[kind] = fromEntry(kind, marked, marked.markedBy ?? 'marker', kind);
      continue;
    }
    const label = labelled.find((l) => l.kinds.includes(kind));
    if (label) found[kind] = { kind, time: label.time, source: label.source ?? 'key-events', line: label.line, range: label.range, evidence: label.evidence };
  }

  const after = (time: number | undefined) => chronological.filter((e) => time === undefined || e.time! >= time);
  const byWording = (kind: keyof typeof WORDING, candidates: readonly TimelineEntry[], last = false) => {
    const list = last ? [...candidates].reverse() : candidates;
    for (const entry of list) {
      const evidence = wordingMatches(kind, entry.text);
      if (evidence) return fromEntry(kind, entry, 'wording', evidence);
    }
    return undefined;
  };

  found.detected ??= byWording('detected', after(found.started?.time));
  found.started ??= found.impactStart ? { ...found.impactStart, kind: 'started' } : byWording('started', chronological.filter((e) => !found.detected || e.time! <= found.detected.time));
  if (!found.started && chronological.length > 0) {
    // Nothing says when it began: the earliest entry close to detection (not last month's change) is the start.
    const anchor = found.detected?.time ?? chronological[0].time!;
    // ...one that names a problem, not last week's merge or an entry that reports the end ("recovered ~21:47").
    const first = chronological.find(
      (e) =>
        e.time! >= anchor - WEEK &&
        e.time! <= (found.detected?.time ?? Infinity) &&
        (!found.resolved || e.time! < found.resolved.time) &&
        PROBLEM.test(e.text) &&
        !wordingMatches('resolved', e.text) &&
        !wordingMatches('mitigated', e.text),
    );
    if (first) found.started = { kind: 'started', time: first.time!, source: 'wording', line: first.range.start.line, range: first.timeRange ?? first.range, evidence: 'earliest entry that names a problem' };
  }
  if (!found.started) {
    // No start anywhere: the earliest milestone given is the best a reader has (MoJ-style "Key events").
    const earliest = MILESTONE_KINDS.map((k) => found[k]).filter((m): m is Milestone => !!m).sort((a, b) => a.time - b.time)[0];
    if (earliest) found.started = { ...earliest, kind: 'started', evidence: `earliest milestone given (${earliest.evidence})` };
  }
  found.acknowledged ??= byWording('acknowledged', after(found.detected?.time ?? found.started?.time));
  found.mitigated ??= byWording('mitigated', after(found.detected?.time ?? found.started?.time));
  found.resolved ??= byWording('resolved', after(found.mitigated?.time ?? found.detected?.time ?? found.started?.time), true);
  if (found.mitigated && found.resolved && found.resolved.time < found.mitigated.time && found.mitigated.source === 'wording') found.mitigated = undefined;
  return Object.fromEntries(MILESTONE_KINDS.map((k) => [k, found[k]])) as Milestones;
}
