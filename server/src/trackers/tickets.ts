import type { ActionItem } from '../core/model';
import type { ItemPriority } from './types';

/** What teams write in a ticket cell to mean "none yet"; such an item is exported and the cell filled. */
const NO_TICKET = /^(?:[-–—]+|n\/?a|none|tbd|todo|to do|\?+|no ticket|pending)$/i;

/** The ticket an item already names, as written, or undefined when it has none. */
export function ticketText(item: ActionItem): string | undefined {
  const text = item.ticket?.text.replace(/[*_`]/g, '').trim();
  return text && !NO_TICKET.test(text) ? text : undefined;
}

const JIRA_BROWSE = /\/browse\/([A-Z][A-Z0-9_]*-\d+)\b/;
const JIRA_KEY = /(?:^|[^\w-])([A-Z][A-Z0-9_]*-\d+)\b/;
const GITHUB_ISSUE_URL = /github\.[^/\s]+\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)/;

/** The key a tracker knows a ticket by (PAY-123, owner/repo#4, ENG-7), read from the ticket cell. */
export function ticketKey(text: string): string {
  const github = GITHUB_ISSUE_URL.exec(text);
  if (github) return `${github[1]}/${github[2]}#${github[3]}`;
  const jira = JIRA_BROWSE.exec(text) ?? JIRA_KEY.exec(text);
  if (jira) return jira[1];
  return text.trim();
}

/** The key of the ticket an item names, if any. */
export function itemTicketKey(item: ActionItem): string | undefined {
  const text = ticketText(item);
  return text === undefined ? undefined : ticketKey(text);
}

const PRIORITY_WORDS: [ItemPriority, RegExp][] = [
  ['highest', /^(?:p0|sev ?0|critical|crit|blocker|highest|urgent|immediate)$/],
  ['high', /^(?:p1|sev ?1|high|hi|important)$/],
  ['medium', /^(?:p2|sev ?2|medium|med|normal|moderate)$/],
  ['low', /^(?:p3|sev ?3|low|lo|minor)$/],
  ['lowest', /^(?:p4|p5|sev ?4|lowest|trivial|nice to have)$/],
];

/** A priority cell read as one of the five levels every tracker has. */
export function itemPriority(text: string | undefined): ItemPriority | undefined {
  const word = text?.replace(/[*_`]/g, '').trim().toLowerCase();
  return word ? PRIORITY_WORDS.find(([, pattern]) => pattern.test(word))?.[0] : undefined;
}
