/**
 * What the editor highlights in a postmortem's prose, headings and tables: one entry a pattern, in priority order
 * (where two match at the same place, the earlier wins). Data, so a new form is one line here and one test case.
 * Each `type` is a semantic token type the extension declares, mapped to a TextMate scope so themes colour it.
 */
export type HighlightType =
  | 'postmortemDate'
  | 'postmortemTime'
  | 'postmortemZone'
  | 'postmortemSeverity'
  | 'postmortemMilestone'
  | 'postmortemTicket';

export const HIGHLIGHT_TYPES: readonly HighlightType[] = [
  'postmortemDate',
  'postmortemTime',
  'postmortemZone',
  'postmortemSeverity',
  'postmortemMilestone',
  'postmortemTicket',
];

const MONTH =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|' +
  'Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
const MERIDIEM = '(?:[aApP]\\.[mM]\\.|[aApP][mM])';
const ABBREVIATIONS =
  'UTC|GMT|UT|WET|WEST|CET|CEST|MET|MEST|EET|EEST|BST|IST|CST|AST|EST|EDT|CDT|MST|MDT|PST|PDT|' +
  'AKST|AKDT|HST|ADT|NST|NDT|' +
  'BRT|ART|JST|KST|SGT|HKT|PHT|ICT|WIB|PKT|NPT|MSK|EAT|WAT|CAT|SAST|IDT|AEST|AEDT|ACST|ACDT|AWST|NZST|NZDT';
const MARKER_WORDS =
  'started|start|began|onset|triggered|detected|detection|alerted|alert|paged|noticed|identified|reported|' +
  'acknowledged|' +
  'acked|ack|declared|mitigated|mitigation|repaired|workaround|contained|resolved|resolution|recovered|fixed|closed|' +
  'all clear|(?:impact|outage)[ -](?:start|starts|started|begins|began|end|ends|ended|over|stopped)';
/** Words shaped like ticket keys that are not: UTC-5, SEV-1, UTF-8, SHA-256, ISO-8601, CVE-2024-1234. */
const NOT_TICKETS = 'UTC|GMT|SEV|UTF|SHA|ISO|RFC|TLS|SSL|HTTP|IPV|CVE|MD';

export interface HighlightPattern {
  type: HighlightType;
  /** Why the pattern exists, with examples. */
  example: string;
  pattern: RegExp;
}

const p = (type: HighlightType, example: string, source: string, flags = ''): HighlightPattern => ({
  type,
  example,
  pattern: new RegExp(source, `g${flags}`),
});

export const HIGHLIGHT_PATTERNS: readonly HighlightPattern[] = [
  p(
    'postmortemDate',
    'ISO 8601: 2024-03-05, also before T14:51',
    '(?<![\\w.:/-])\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])(?=T\\d|[^\\w/-]|$)',
  ),
  p(
    'postmortemDate',
    '05/03/2024, 2024/03/05',
    '(?<![\\w./-])(?:\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})|\\d{4}/\\d{2}/\\d{2})(?![\\w/])',
  ),
  p(
    'postmortemDate',
    '5 March 2024; the year is required so the month May stays a word',
    `(?<!\\w)(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${MONTH})\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?,?\\s+\\d{4}(?!\\w)`,
  ),
  p(
    'postmortemTime',
    '14:51, 14:51:07.250, 2:51 p.m., also after a T',
    '(?:(?<=\\dT)|(?<![\\w.:]))(?:[01]?\\d|2[0-4]):[0-5]\\d(?::[0-5]\\d(?:[.,]\\d+)?)?' +
      `(?:\\s?${MERIDIEM}(?!\\w))?(?=Z(?!\\w)|[^\\w:]|$)`,
  ),
  p('postmortemTime', '2pm, 11 AM', `(?<![\\w.:])(?:1[0-2]|0?[1-9])\\s?${MERIDIEM}(?!\\w)`),
  p(
    'postmortemZone',
    "Z or an offset after a time; '-' only after an ISO time, so 23:15-00:30 stays a range",
    '(?<=\\d)Z(?!\\w)|(?<=:\\d\\d|:\\d\\d\\s)\\+(?:[01]\\d|2[0-3]):?[0-5]\\d(?![\\w:])|' +
      '(?<=T\\d\\d:\\d\\d|\\d:\\d\\d:\\d\\d)-(?:[01]\\d|2[0-3]):?[0-5]\\d(?![\\w:])',
  ),
  p(
    'postmortemZone',
    'UTC, UTC+01:00, GMT-5 and the abbreviations the engine reads',
    `(?<![\\w/-])(?:(?:UTC|GMT)[+\\-\\u2212](?:[01]?\\d|2[0-3])(?::?[0-5]\\d)?|${ABBREVIATIONS})(?![\\w-])`,
  ),
  p('postmortemZone', 'region words are zones only right after a time: 14:51 PT', '(?<=\\d\\s)(?:ET|CT|MT|PT)(?!\\w)'),
  p(
    'postmortemZone',
    'IANA names: Europe/Paris, America/Argentina/Buenos_Aires',
    '(?<![\\w/])(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)' +
      '/[A-Za-z_]+(?:/[A-Za-z_]+)?(?![\\w/])',
  ),
  p('postmortemSeverity', 'SEV1, Sev-2, sev 0', '(?<![\\w-])[Ss][Ee][Vv][-\\s]?[0-5](?!\\w)'),
  p(
    'postmortemMilestone',
    '[detected]; a link ([detected](url), [detected][ref]) or a definition ([detected]: url) stays a link',
    `\\[\\s*(?:${MARKER_WORDS})\\s*\\](?![(\\[:])`,
    'i',
  ),
  p(
    'postmortemMilestone',
    'capitalised phase markers: OUTAGE BEGINS, INCIDENT ENDS, RESOLVED',
    '(?<![\\w-])(?:(?:OUTAGE|IMPACT|DEGRADATION|INCIDENT) ' +
      '(?:BEGINS|STARTS|BEGAN|STARTED|ENDS|ENDED|OVER|STOPS|CLOSED)|' +
      'DETECTED|DETECTION|MITIGATED|MITIGATION|RESOLVED)(?![\\w-])',
  ),
  p('postmortemTicket', 'PAY-123', `(?<![\\w/.-])(?!(?:${NOT_TICKETS})-)[A-Z][A-Z0-9_]{1,9}-\\d+(?![\\w-])`),
];
