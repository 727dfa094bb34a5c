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
const PROBLEM = /\b(?:outage|incident|issues?|problems?|errors?|fail\w*|down|unavailable|unreachable|degrad\w*|latency|slow\w*|timeouts?|timed out|crash\w*|alerts?|alarms?|impact\w*|broken|drop(?:s|ped)?|spike[sd]?|5\d\d|exception|missed|stall\w*|delet\w*|destroy\w*|wip(?:ed|es|ing)|corrupt\w*|lag(?:ging)?|stop(?:s|ped)?|hang(?:s|ing)?|hung|stuck|loss|lost|leak\w*|not\s+(?:being\s+)?\w+(?:ed|ing)|stuck|killed|dip|0\s?%|zero|backing\s+up|backlog|wrong|unable|cannot|can't|wrong|bad|high|elevated|increase[sd]?)\b/i;
const WEAK_DETECTION = /^(?:detected|noticed|notices|observed|spotted|discovered|notified|became\s+aware|identified|witnessed|realized|realised|noted|reported|reporting|reports?\s.*)$/i;

const NEGATED = /(?:\b(?:not|never|no|nor|yet\s+to\s+be|before|until|without)\b|n't\b)\W*(?:\w+\W+){0,2}$/i;
const PARTIAL = /\b(?:partial(?:ly)?|some|begin(?:s|ning)? to|start(?:s|ed)? to|attempt(?:s|ed)?|tried|trying)\b/i;

/** Wording that gives a milestone away, from the entry's text alone: alternatives, one a line. */
const phrases = (...alternatives: string[]) => new RegExp(String.raw`\b(?:${alternatives.join('|')})`, 'i');

const WORDING: Record<'detected' | 'acknowledged' | 'mitigated' | 'resolved' | 'started', RegExp> = {
  detected: phrases(
    String.raw`alerts?\s+(?:fired|fires|fire|firing|triggered|went off|raised)`,
    String.raw`(?:alert|alarm|page|monitor|check|warning)\w*\s+(?:fired|fires|fire|triggered|went off|goes off)`,
    String.raw`(?:is|was|were|got|gets|get)\s+paged`,
    String.raw`paged\s+(?:the\s+)?(?:[\w-]+\s+)?on-?call`,
    String.raw`pages?\s+(?:the\s+)?(?:[\w-]+\s+)?on-?call`,
    String.raw`respond(?:s|ed)?\s+to\s+(?:the\s+)?(?:alarms?|alerts?|pages?)`,
    String.raw`automated\s+(?:warning|alert|alarm)`,
    'pagerduty', 'opsgenie',
    String.raw`first\s+(?:report|alert|sign|notice|noticed|observed|spotted|detected|reported|recorded)`,
    String.raw`(?:customer|user|client)s?\s+(?:\w+\s+)?(?:report|complain|notice)(?:ed|s)?`,
    String.raw`reported\s+by`,
    String.raw`@[\w-]+\s+(?:notices|noticed|reports|reported|sees|saw|spots|spotted|observes|observed)`,
    String.raw`report(?:s|ed)?\s+(?:on\s+\w+\s+)?that`,
    String.raw`report(?:ed|ing|s)?\s+(?:the\s+|an?\s+)?(?:outage|issue|incident|problem|errors?|failures?)`,
    'alerted',
    String.raw`(?:monitoring|alerting)\s+(?:caught|flagged|detected|showed|shows)`,
    String.raw`on-?call\s+(?:was\s+|is\s+)?notified`,
    String.raw`ticket\s+(?:raised|opened|filed)`,
    // Weak on their own: they count only beside a word for something going wrong (see WEAK_DETECTION).
    String.raw`(?:detected|noticed|notices|observed|spotted|discovered|notified|became\s+aware|identified|witnessed|realized|realised|noted|reported|reporting|reports?\s+(?:an?\s|the\s|of\s|on\s|errors?|fail\w*|broken|issues?|problems?|outages?|slow\w*|timeouts?|something))`,
  ),
  acknowledged: phrases(
    String.raw`acknowledg(?:ed|es|ment)`,
    String.raw`ack(?:ed|'d|s)\b`,
    String.raw`incident\s+(?:was\s+|is\s+)?(?:declared|opened|raised)`,
    String.raw`declar(?:ed|es)\s+(?:an?\s+|the\s+)?(?:incident|sev)`,
    String.raw`(?:on-?call|engineer|responder|sre|team)s?\s+(?:respond(?:s|ed)|join(?:s|ed)|start(?:s|ed)\s+investigating|began\s+investigating|(?:is|are)\s+investigating|look(?:s|ed)\s+into)`,
    String.raw`(?:began|begins|started|starts)\s+investigating`,
    String.raw`investigat(?:ion|ing)\s+(?:started|began|begins|starts)`,
    String.raw`war\s+room`,
    String.raw`incident\s+(?:channel|bridge)\s+(?:opened|created|started)`,
    String.raw`assum(?:es|ed)\s+(?:incident\s+)?(?:lead|command)`,
    String.raw`(?:begin|begins|began|start|starts|started)\s+(?:an?\s+|the\s+)?investigat\w*`,
    String.raw`investigation\s+(?:launched|opened)`,
    String.raw`(?:begin|begins|began|start|starts|started)\s+(?:looking|troubleshooting|trouble-?shooting|debugging)`,
    String.raw`incident\s+(?:call|bridge|channel)\s+(?:was\s+|is\s+)?(?:opened|created|started)`,
  ),
  mitigated: phrases(
    String.raw`mitigat(?:ed|es)`,
    String.raw`mitigation\s+(?:applied|complete|completed|deployed|in place)`,
    String.raw`rolled\s+back`,
    String.raw`roll(?:ed)?[- ]?back\s+(?:to\s+\S+\s+)?(?:complete|completed|finished|done|deployed)`,
    String.raw`rollback\s+(?:complete|completed|finished|done)`,
    'reverted',
    String.raw`revert\s+(?:deployed|completed|complete)`,
    String.raw`failed\s+over`,
    String.raw`failover\s+(?:complete|completed)`,
    String.raw`workaround\s+(?:applied|deployed|in place)`,
    'repaired',
    String.raw`errors?\s+(?:rates?\s+)?(?:drop(?:ped|s)?|subside[sd]?|decrease[sd]?|return(?:ed|s)?\s+to\s+normal)`,
    String.raw`impact\s+(?:ended|stopped|halted|mitigated)`,
    String.raw`traffic\s+(?:restored|drained|allowed\s+again)`,
    String.raw`fix\s+(?:deployed|applied|rolled out|released)`,
    String.raw`errors?\s+stop(?:s|ped)?`,
    String.raw`(?:previous|old|last\s+known\s+good)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:restored|reinstated)`,
    String.raw`scaled\s+back\s+up`,
    String.raw`succeed(?:s|ing)?\s+again`,
    String.raw`restored\s+(?:the\s+)?(?:previous|old)\b`,
    String.raw`roll(?:s|ing)\s+back`,
    String.raw`deploy(?:s|ed)\s+(?:a|the)\s+fix(?:ed)?\b`,
    String.raw`hotfix\s+(?:[\w.-]+\s+){0,4}?(?:deployed|released|rolled\s+out|completed)`,
    String.raw`(?:solved|fixed)\s+the\s+(?:issue|problem)`,
    String.raw`(?:issue|problem|errors?)\s+(?:goes|go|went)\s+away`,
    String.raw`no\s+longer\s+(?:bottlenecked|failing|erroring|down|degraded|impacted|affected|throttled)`,
    String.raw`alerts?\s+(?:stopped|stops|cleared|clears)`,
    String.raw`restore\s+(?:basic|core|critical)\s+(?:functionality|service)`,
    'downgraded',
  ),
  resolved: phrases(
    'resolved',
    String.raw`fully\s+(?:recovered|restored|operational|functional|working|available)`,
    'recovered',
    String.raw`recovery\s+(?:complete|completed|confirmed)`,
    String.raw`back\s+to\s+(?:normal|working\s+order|full\s+service|service|health)`,
    String.raw`return(?:ed|s)?\s+to\s+normal`,
    String.raw`all[- ]clear`,
    String.raw`(?:incident|outage|issue|problem)\s+(?:is\s+|was\s+)?(?:closed|ended|ends|over)`,
    String.raw`clos(?:ed|es)\s+the\s+incident`,
    String.raw`stabili[sz](?:ed|ing)`,
    String.raw`no\s+further\s+(?:errors|impact|missed|issues)`,
    String.raw`(?:service|services|system|systems|site|api)\s+(?:is\s+|are\s+|was\s+|were\s+)?(?:fully\s+)?(?:restored|healthy|operational|working(?:\s+again)?)`,
    String.raw`(?:working|functional|operational|available|online|serving|merging|running|processing|accepting|responding|loading|green|flowing|syncing|producing|created|creating|healthy|up)\s+(?:\w+\s+){0,3}?again`,
    String.raw`able\s+to\s+\w+\s+(?:\w+\s+)?again`,
    String.raw`working\s+normally`,
    String.raw`resum(?:es|ed)\s+normal\s+operations?`,
    String.raw`(?:confirmed|verified)\s+(?:to\s+be\s+)?(?:working|functional|operational|healthy|fixed)`,
    String.raw`(?:issue|problem)\s+(?:is\s+|was\s+)?(?:permanently\s+)?fixed`,
    String.raw`marked\s+(?:as\s+)?resolved`,
    String.raw`issue\s+resolves`,
    String.raw`resolution\s+(?:is\s+|was\s+)?(?:confirmed|complete|completed)`,
    String.raw`full\s+service\s+(?:has\s+been\s+|is\s+|was\s+)?restored`,
    String.raw`(?:at|to)\s+(?:its|their|the)\s+(?:usual|normal)\s+(?:rate|levels?|speed|throughput|capacity)`,
  ),
  started: phrases(
    String.raw`(?:outage|incident|impact|degradation|disruption|problem|issue|errors?|failures?|latency|timeouts?|5\d\d)\w*(?:\s+rates?)?\s+(?:begin|begins|began|start|starts|started|spike[sd]?|rise|rises|rose|increase[sd]?|climb(?:s|ed)?|appear(?:s|ed)?)`,
    String.raw`(?:began|begins|started|starts)\s+(?:to\s+)?(?:fail|failing|return(?:ing)?\s+errors|erroring|timing\s+out|degrad)`,
    String.raw`(?:went|goes|is|was)\s+(?:hard\s+)?down`,
    String.raw`became\s+(?:unavailable|unreachable|unresponsive)`,
    String.raw`experienc(?:ed|es|ing)\s+(?:an?\s+)?(?:\w+\s+){0,3}?(?:outage|disruption|degradation|incident|errors|failures?|downtime)`,
    String.raw`(?:significant|sharp|sudden|large)\s+(?:drop|fall|decrease|increase|rise|spike)`,
    String.raw`\w+\s+rates?\s+(?:rises|rose|climbs|climbed|spikes|spiked|jumps|jumped|increases|increased|doubles|doubled)`,
    String.raw`(?:availability|success\s+rate|uptime|throughput)\s+(?:drop(?:s|ped)?|fell|falls|decreas\w*)`,
    String.raw`first\s+(?:errors?|symptoms?|failures?|timeouts?)`,
  ),
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

  // A stated start can be a rounded figure: a report a few minutes before it is still the detection.
  found.detected ??= byWording('detected', after(found.started ? found.started.time - 15 * 60_000 : undefined));
  found.started ??= found.impactStart ? { ...found.impactStart, kind: 'started' } : byWording('started', chronological.filter((e) => !found.detected || e.time! <= found.detected.time));
  if (!found.started && chronological.length > 0) {
    // Nothing says when it began: the earliest entry close to detection (not last month's change) is the start.
    const anchor = found.detected?.time ?? chronological[0].time!;
    // ...one that names a problem, not last week's merge or an entry that reports the end ("recovered ~21:47").
    const first = chronological.find(
      (e) =>
        // The detection entry itself says when it was noticed, not when it began.
        e.range.start.line !== found.detected?.line &&
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
    if (earliest && (earliest.source === 'key-events' || earliest.source === 'frontmatter')) found.started = { ...earliest, kind: 'started', evidence: `earliest milestone given (${earliest.evidence})` };
  }
  found.acknowledged ??= byWording('acknowledged', after(found.detected?.time ?? found.started?.time));
  found.mitigated ??= byWording('mitigated', after(found.detected?.time ?? found.started?.time));
  // Not after detection: some incidents are noticed only after they ended.
  found.resolved ??= byWording('resolved', after(found.mitigated?.time ?? found.started?.time ?? found.detected?.time), true);
  if (found.mitigated && found.resolved && found.resolved.time < found.mitigated.time && found.mitigated.source === 'wording') found.mitigated = undefined;
  return Object.fromEntries(MILESTONE_KINDS.map((k) => [k, found[k]])) as Milestones;
}
