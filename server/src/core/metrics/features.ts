import { memoize } from '../text/memo';

/**
 * The evidence a milestone candidate carries, as named numeric features. Each feature is documented
 * here; how much it counts for each milestone is data (`milestone-weights.json`), fitted on labelled
 * postmortems by `scripts/fit-milestones.ts`. To add a feature: add it to FEATURES with a line of
 * documentation, compute it in `wordingFeatures` or in `candidates.ts`, and refit the weights.
 */

/** A responder telling others: informing a provider, notifying a partner, instructing operators, a first update. */
const RESPONDER_TELLS = [
  String.raw`notif(?:y|ies|ying)\b|(?:was|were|been)\s+informed|inform(?:s|ed|ing)\s+(?:the\s+|our\s+)?\w+`,
  String.raw`instruct(?:s|ed|ing)\b|reach(?:ed|es)?\s+out|(?:first|initial)\s+(?:status\s+)?(?:message|update|post)`,
  String.raw`post(?:s|ed)?\s+(?:an?\s+|the\s+|a\s+first\s+)?(?:status\s+)?(?:update|message|notice)`,
].join('|');

/**
 * Blocking as a mitigation: an action on traffic or its sources ("blocked the IP", "block all except necessary
 * traffic", a deny list). The noun of a chain ("block 880000", "block height") and a blocked user are not.
 */
const BLOCKS_TRAFFIC = [
  String.raw`(?:block(?:ed|ing|s)?|bann?(?:ed|ing|s)?)\s+(?:\w+\s+){0,3}?`,
  String.raw`(?:ips?|addresse?s?|traffic|requests?|access|ranges?|subnets?`,
  String.raw`|bots?|crawlers?|attackers?|actors?|ports?)\b`,
  String.raw`|(?:block|deny|black|ban)[\s-]?list\w*`,
].join('');

/** A failover told as a switch to a spare: "DNS switched to the standby site", "moved traffic to the replica". */
const SWITCHED_TO_SPARE = [
  String.raw`(?:switch|mov|point|shift)(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:to|over\s+to)\s+(?:the\s+|an?\s+|our\s+)?`,
  String.raw`(?:standby|backup|secondary|replica|spare|fallback|old|previous|healthy)\b`,
].join('');

/** Work flowing again with its object named: "produces blocks again", "processing jobs again". */
const WORKS_AGAIN = [
  String.raw`(?:produc|process|serv|accept|sign|commit|finali[sz]|sync|deliver|send|receiv|handl)`,
  String.raw`\w*\s+(?:\w+\s+)?again`,
].join('');

/** A check that confirms the end: "technical check-out passes", "the retried transaction succeeds". */
const CHECKED_GOOD = [
  String.raw`(?:checks?|check-?outs?|verification|validation|probes?|transactions?|requests?)`,
  String.raw`\s+(?:\w+\s+){0,3}?(?:pass(?:es|ed)?|succeed(?:s|ed)?)\b`,
].join('');

/** A check firing: "fired" or "triggered" alone is any cause ("the upgrade triggered a halt"), not an alert. */
const CHECK_FIRED = [
  String.raw`(?:checks?|probes?|rules?|thresholds?|pages?|detectors?|watchdogs?|sensors?)`,
  String.raw`\s+(?:\w+\s+)?(?:fired|triggered|tripped)`,
].join('');

/** A report of trouble: "reports that the upgrade test passes" is a status, not a detection. */
const REPORTS_TROUBLE = [
  String.raw`report(?:ed|s|ing)?\b`,
  String.raw`(?!\s+(?:that\s+)?(?:[\w-]+\s+){0,4}?(?:pass|succeed|work)\w*\b)`,
].join('');

/** "rolled the certificate back", "rolling api-v2 back": the object between the verb and "back", but not "out". */
const ROLLED_SOMETHING_BACK = String.raw`roll(?:ed|ing|s)?\s+(?!out\b)(?:[\w.-]+\s+){1,3}?back\b`;
/** Patching done: "patched the nodes", "the patch was applied". Not the noun of a plan ("to release a patch"). */
const PUT_IN_PLACE = String.raw`(?:deployed|applied|released|rolled\s+out|installed|shipped)`;
const PATCH_APPLIED = [
  String.raw`(?<!the\s)patch(?:ed|ing)\b|patch(?:es)?\s+(?:was\s+|were\s+|is\s+)?${PUT_IN_PLACE}`,
  String.raw`|${PUT_IN_PLACE}\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?patch(?:es)?\b`,
].join('');

/** Traffic redirected: "redirected traffic to the mirror". A "redirect loop" is a symptom, not a fix. */
const REDIRECTS_TRAFFIC = [
  String.raw`redirect(?:ed|ing|s)?\s+(?:(?:the|all|our|some|its|their)\s+)?(?:[\w-]+\s+)?`,
  String.raw`(?:traffic|requests?|users?|visitors?)\b|redirect(?:ed|ing)\s+(?:\w+\s+)?to\b`,
].join('');

/** A system told as starting again: "the chain starts", "the service was restarted". Not "started to fail". */
const SYSTEM_STARTS = [
  String.raw`(?:chain|network|service|site|cluster|api|app|node|server|database|queue)s?\s+`,
  String.raw`(?:is\s+|was\s+|were\s+|are\s+)?(?:successfully\s+)?(?:re)?start(?:s|ed)\b`,
  String.raw`(?!\s+(?:to|fail\w*|return\w*|erroring|timing|throwing|dropping|rejecting)\b)`,
].join('');

/** Closing a way in ("closed the port", "closing unbounded access to the cache") blocks it: a step, not a closure. */
const ACCESS_CLOSED = [
  String.raw`\s+(?:off\s+|down\s+)?(?:(?:the|all|an?|any|its|our|public)\s+)?(?:[\w-]+\s+)?`,
  String.raw`(?:ports?|access|holes?|communication|connections?|endpoints?)\b`,
].join('');

/** A recovery the author says came with no one's action: "resolves naturally without intervention", "on its own". */
const UNAIDED = [
  String.raw`without\s+(?:any\s+)?(?:manual\s+|human\s+|further\s+)?(?:intervention|action)`,
  String.raw`|no\s+(?:manual\s+|human\s+)?intervention|on\s+(?:its|their)\s+own|by\s+(?:itself|themselves)`,
  String.raw`|(?:resolv|recover|clear|subsid|return|end)\w*\s+naturally|self-?heal\w*`,
  String.raw`|automatically\s+(?:recover|resolv|restor)\w*|(?:recover|resolv|restor)\w*\s+automatically`,
].join('');

/**
 * Word families: what a line of a timeline says happened. Alternatives are general words, not phrases of one
 * document.
 */
const FAMILIES = {
  trigger: String.raw`deploy\w*|merg(?:e|ed|es|ing)|config(?:uration)?\s+(?:change|update|push)\w*|releas(?:e|ed|ing)|upgrad\w*|migrat\w*|maintenance|pushed|rolled\s+out|roll-?out|change\s+(?:was\s+)?(?:made|applied|introduced)|cron|scheduled\s+job|certificate\s+expir\w*`,
  symptom: String.raw`errors?|fail\w*|outage|down\b|unavailable|unreachable|unresponsive|degrad\w*|latency|slow\w*|time(?:d)?\s*outs?|5(?:\d\d|xx)\b|spik\w*|elevated|crash\w*|unable|broken|stuck|backlog|drop(?:s|ped)?|loss|lost|exhaust\w*|saturat\w*|overload\w*|impact\w*|halt\w*|stall\w*|panic\w*|(?:redirect|boot|crash|restart|reboot)[\s-]?loop\w*`,
  onset: String.raw`began|begins|start(?:ed|s)?\s+(?:to|fail|return|erroring|timing)|first\s+(?:errors?|symptoms?|failures?|signs?|reports?)|became|went\s+(?:down|offline|read-only)|stop(?:s|ped)?\s+\w+ing|(?:rose|rising|increased|jumped|climbed)`,
  alert: String.raw`alert\w*|alarm\w*|paged\b|paging|pages?\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:on-?call|engineers?|team|sre|responders?)|pagerduty|opsgenie|monitor\w*\s+(?:fired|triggered|detected|caught|flagged)|${CHECK_FIRED}|notif(?:ied|ication)|on-?call\s+(?:was\s+)?(?:notified|alerted)`,
  report: String.raw`${REPORTS_TROUBLE}|(?:customers?|users?|clients?)\s+(?:\w+\s+){0,2}?(?:complain|report|notic|contact|wr[io]te|tweet|email|call)\w*|support\s+(?:ticket|request)s?|tickets?\s+(?:opened|raised|filed|about)|tweet\w*|complain\w*`,
  notice: String.raw`noticed?|notices|detect(?:ed|s)?|observed|spotted|discovered|became\s+aware|realis\w*|realiz\w*|saw\b|sees\b`,
  acknowledge: String.raw`acknowledg\w*|ack(?:ed|'d)\b|declar\w*|escalat\w*|engag\w*|joined|respond(?:ed|s|ing)|incident\s+(?:opened|created|channel|bridge|call|room|commander)|war\s+room|assum\w+\s+(?:incident\s+)?(?:lead|command)|status\s*page|statuspage|${RESPONDER_TELLS}`,
  investigate: String.raw`investigat\w*|look(?:ed|ing|s)?\s+into|troubleshoot\w*|debug\w*|triag\w*|diagnos\w*|began\s+(?:looking|working)|working\s+on|(?:identif(?:y|ies|ied)|determin(?:e|es|ed)|confirm(?:s|ed)?)\s+that`,
  mitigate: String.raw`roll(?:ed|ing|s)?[\s-]?back|${ROLLED_SOMETHING_BACK}|rollback|revert\w*|fail(?:ed|ing)?[\s-]?over|workaround|disabl\w*|turn(?:ed)?\s+off|switched\s+off|scal(?:ed|ing)\s+(?:up|out|back)|restart\w*|reboot\w*|(?<!(?:backlogs?|queues?)\s+(?:was\s+|were\s+|is\s+|are\s+)?)drain\w*|purg\w*|flush\w*|(?:rais|increas|bump)(?:ed|ing)?\s+(?:the\s+)?(?:[\w-]+\s+)?(?:quotas?|limits?|capacity)|add(?:ed|ing)\s+(?:more\s+|additional\s+)?capacity|capacity\s+(?:was\s+|were\s+)?added|null[\s-]?rout\w*|${BLOCKS_TRAFFIC}|throttl\w*|rate[\s-]?limit\w*\s+(?:applied|added|enabled|extended|tightened|lowered)|(?:appl|add|enabl)(?:y|ied|ed|ing)\s+(?:a\s+|the\s+)?rate[\s-]?limit|hot-?fix\w*|${PATCH_APPLIED}|fix\s+(?:was\s+)?(?:deployed|applied|released|rolled)|(?:deployed|released|shipped|published|applied)\s+(?:a\s+|the\s+)?fix(?:ed)?\b|mitigat\w*|${REDIRECTS_TRAFFIC}|rerout\w*|re-?enabl\w*|re-?(?:creat|buil[dt]|instat|provision|issu|generat)\w*|removed|kill\w*|stopped\s+the|${SWITCHED_TO_SPARE}|clos(?:ed|ing|es)${ACCESS_CLOSED}`,
  recover: String.raw`resolv\w*|recover\w*|back\s+(?:to\s+(?:(?:its|their|the)\s+)?(?:normal|usual|baseline|expected|previous)\b|online|up)|restor\w*|healthy|operational|all[\s-]clear|return(?:ed|s)?\s+to\s+(?:(?:its|their|the)\s+)?(?:normal|usual|baseline|expected)\b|normal(?:ly|ized|ised)?|(?:work\w*|up|online|(?!un)\w+able|(?!fail|crash|error|drop|los|timing|stall|hang)\w+ing|succeed\w*|pass\w*|respond\w*|load\w*|flow\w*)\s+again|resum(?:e|ed|es|ing)\b|${WORKS_AGAIN}|${SYSTEM_STARTS}|${CHECKED_GOOD}|(?:errors?|failures?|alerts?|timeouts?)\s+(?:stop(?:s|ped)?|ceased?|subsided?|cleared)|stable|stabili[sz]\w*|no\s+(?:further|more|longer)|fully|ended|(?:is|was)\s+over\b|complete[d]?|(?!(?:the|an?|its|their|this|that)\s)\w+\s+end(?:s|ed)?\W*$`,
  unaided: UNAIDED,
  closure: String.raw`clos(?:ed|ing|es)(?!${ACCESS_CLOSED})|wrap(?:ped)?\s+up|hand(?:ed)?\s+over|stood\s+down|stand[\s-]?down`,
  monitoring: String.raw`monitor(?:ing)?\s+(?:the\s+)?(?:situation|recovery|closely|for)|continu\w+\s+to\s+monitor|keep\w*\s+(?:an\s+)?eye|watching`,
  partial: String.raw`partial\w*|some\b|begin(?:s|ning)?\s+to|start(?:ed|s)?\s+to|slowly|gradual\w*|most\b|majority|still`,
  underway: [
    String.raw`begins?\b|beginning|began|start(?:ed|s|ing)?\s+(?:to|the\s+process|work)`,
    String.raw`initiat\w*|in\s+progress|under\s*way`,
    String.raw`process\s+of|instructions?|preparing`,
    String.raw`attempt(?:s|ed|ing)?\s+(?:to|at)\b|(?:first|second|an?)\s+attempt\b`,
    String.raw`trying|tried|steps\s+(?:on|to|for)`,
    // A step that did not work was only tried.
    String.raw`(?:failed|did\s+not\s+(?:help|work)|didn't\s+(?:help|work)|unsuccessful|had\s+no\s+effect)\b`,
    String.raw`(?:needed|required|planned)\b`,
  ].join('|'),
  cause: String.raw`root\s+cause|(?:identified|found|determined|confirmed)\s+(?:the\s+)?(?:cause|issue|problem|bug|culprit)|caused\s+by|traced`,
  future: String.raw`will\b|plan\w*|should\b|follow-?up|action\s+items?|post-?mortem|retro\w*|next\s+steps?`,
  precursor: [
    String.raw`propos\w*|announc\w*|schedul\w*|submitt\w*|approv\w*|vot(?:e|ed|es|ing)\b`,
    String.raw`agree\w*|prepar\w*|coordinat\w*|in\s+review|countdown`,
  ].join('|'),
  backstory: String.raw`(?:was|were|had\s+been)\s+(?:first\s+)?(?:introduced|merged|added|written|created|committed|shipped)|(?:days?|weeks?|months?|years?)\s+(?:ago|before|earlier|prior)|previously|originally|at\s+the\s+time\s+unknown|latent|went\s+unnoticed`,
} as const;

export type Family = keyof typeof FAMILIES;
export const FAMILY_NAMES = Object.keys(FAMILIES) as Family[];

const PATTERNS = Object.fromEntries(
  FAMILY_NAMES.map((f) => [f, new RegExp(String.raw`\b(?:${FAMILIES[f]})`, 'i')]),
) as Record<Family, RegExp>;
/**
 * A negation shortly before a cue ("not yet resolved", "no alert fired") turns it off, within its own clause: in
 * "stops the cache and re-enables the firewall" the second step is done, not negated.
 */
const NEGATION = new RegExp(
  [
    String.raw`(?:\b(?:not|never|no|nor|without|yet\s+to|before|until|stop(?:s|ped)?|ceased?)\b|n't\b)`,
    String.raw`[^\w,;]*(?:(?!(?:and|then|but)\b)\w+[^\w,;]+){0,2}$`,
  ].join(''),
  'i',
);

/** Which word families a line's text names (negated cues count as the `negated` feature instead). */
export const familiesIn = memoize((text: string): { families: Family[]; negated: boolean } => {
  const families: Family[] = [];
  let negated = false;
  for (const family of FAMILY_NAMES) {
    const match = PATTERNS[family].exec(text);
    if (!match) continue;
    if (family !== 'symptom' && NEGATION.test(text.slice(Math.max(0, match.index - 40), match.index))) negated = true;
    else families.push(family);
  }
  return { families, negated };
});

/**
 * Families whose first and last occurrence in the timeline is itself evidence ("the first alert", "the last
 * recovery").
 */
export const ORDINAL_FAMILIES: Family[] = [
  'trigger',
  'symptom',
  'alert',
  'report',
  'notice',
  'acknowledge',
  'investigate',
  'mitigate',
  'recover',
];

/** Every feature, with what it means. Values are 0 or 1 unless said otherwise. */
export const FEATURES: Record<string, string> = {
  bias: 'always 1: the kind’s prior',
  ...Object.fromEntries(FAMILY_NAMES.map((f) => [`says_${f}`, `the line names the ${f} word family`])),
  ...Object.fromEntries(
    ORDINAL_FAMILIES.map((f) => [`first_${f}`, `the earliest candidate that names the ${f} family`]),
  ),
  ...Object.fromEntries(ORDINAL_FAMILIES.map((f) => [`last_${f}`, `the latest candidate that names the ${f} family`])),
  negated: 'a cue in the line is negated ("not yet resolved")',
  mitigate_underway:
    'names a mitigation as a step begun, tried or instructed ("begins rollback", "posts restart steps"), not as done',
  says_nothing: 'the line names none of the families',
  first_entry: 'the chronologically first candidate',
  last_entry: 'the chronologically last candidate',
  last_entry_silent: 'the last candidate, and it names no recovery (a timeline cut short is not a resolution)',
  position: 'chronological rank, 0 for the first candidate to 1 for the last',
  same_time_as_first: 'the same instant as the first candidate',
  day_after_first: 'more than a day after the first candidate (a permanent fix weeks later)',
  days_after_onset:
    'more than 3 days after the first row naming an alert, report or symptom (a later fix, the next incident)',
  before_detection_1h: 'between 1 and 6 hours before the first row naming an alert, report or notice',
  before_detection_6h: 'between 6 and 24 hours before that row (a change or announcement ahead of the impact)',
  before_detection_1d: 'more than a day before that row (a precursor days ahead, the start of a long story)',
  just_before_trouble:
    'the last timeline row before the first alert, or report or notice of a symptom, within 6 hours (a trigger)',
  first_response_after_trouble:
    'the first timeline row naming an acknowledgement or investigation after trouble is first seen (not on that row)',
  after_recurrence:
    'at or after an alert, onset or report more than 6 hours after a recovery (the trouble came back: a new episode)',
  date_only: 'the candidate gives a day but no time of day',
  onset_day: 'a day the prose says the trouble ran from ("broken since 10 February", "exposed from …")',
  approximate_reading: 'its instant was read with low confidence (no zone, no date)',
  label_started: 'a labelled line ("Start: 14:05") naming the start',
  label_detected: 'a labelled line naming the detection',
  label_acknowledged: 'a labelled line naming the acknowledgement',
  label_mitigated: 'a labelled line naming the mitigation',
  label_resolved: 'a labelled line naming the resolution',
  window_start: 'the start of a window stated in prose or the title ("between 09:05 and 09:41 UTC")',
  window_end: 'the end of such a window',
  window_after_recovery: 'a stated window, or its end, that starts after the last row naming recovery (a relapse)',
  span_end: 'the end of a span a line counts from a time it gives ("slow for the next 2 hours", "7-13th Nov")',
  stated_onset: 'an onset stated in prose ("at roughly 18:52 UTC … experienced")',
  incident_field: 'the time of a field that dates the incident ("Date of incident: 20 September 2023, 14:32 UTC")',
  before_incident_field: 'earlier than the time a field dating the incident gives (the story before it began)',
  agrees_window_start: 'a timeline entry at the same instant as a stated window’s start',
  agrees_window_end: 'a timeline entry at the same instant as a stated window’s end',
  before_window: 'earlier than a stated window’s start',
  after_window: 'later than a stated window’s end',
  agrees_duration_end: 'as long after the first candidate as a duration the text states ("for 36 minutes")',
  in_prose: 'read from a sentence outside the timeline',
  section_summary: 'sits under a summary or impact heading (restates the incident as a whole)',
  section_timeline: 'sits under a timeline, detection or response heading',
  section_cause: 'sits under a root-cause, trigger or backstory heading (how the trouble was set up)',
  section_resolution: 'sits under a resolution or recovery heading',
  section_followup: 'sits under an action-items, lessons or follow-up heading (what came after)',
  section_none: 'sits under no heading the engine recognises',
  last_mitigate_before_recover:
    'the last timeline row naming the mitigate family at or before the first naming recovery',
  last_mitigate_before_end:
    'the last timeline row telling a mitigation as done at or before the last row naming recovery (the final step)',
  recovery_halts_impact:
    'the first row naming recovery, when no row before it tells a mitigation as done (the impact halted there)',
  after_last_recover: 'later than the last timeline row naming the recover family (an epilogue row)',
  duration_pair_start: 'a stated duration ("for 36 minutes") after it lands on a row naming recovery or a window end',
  duration_pair_end: 'a stated duration before it lands on a row naming an onset, a symptom or a window start',
  stated_start_plus_duration: 'a stated start plus a stated duration, where no row stands (the end the author implies)',
  document_date: 'the document’s own date, offered as a day when the incident is dated nowhere else',
  doc_labels_only: 'the document: every candidate is a labelled line (a key-events list), no timeline rows',
  doc_no_recover: 'the document: no candidate names the recover family',
  doc_no_mitigate: 'the document: no candidate names the mitigate family',
  doc_no_detection_words: 'the document: no candidate names the alert, report or notice families',
  doc_no_onset_words: 'the document: no candidate names the onset, symptom or trigger families',
  doc_no_time_of_day: 'the document: no candidate gives a time of day',
  doc_recovers_unaided:
    'the document: a timeline row says the trouble ended with no one acting ("resolves without intervention")',
};
export const FEATURE_NAMES = Object.keys(FEATURES);

/** The text features of one line (the positional ones are added by the candidate builder). */
export function wordingFeatures(text: string): Record<string, number> {
  const { families, negated } = familiesIn(text);
  const out: Record<string, number> = {};
  for (const f of families) out[`says_${f}`] = 1;
  if (negated) out.negated = 1;
  if (families.length === 0) out.says_nothing = 1;
  if (families.includes('mitigate') && families.includes('underway')) out.mitigate_underway = 1;
  return out;
}
