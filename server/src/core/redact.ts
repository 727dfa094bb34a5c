/**
 * Removes internal details from Markdown text meant for customers: people, emails, hosts, IP
 * addresses, links, ticket keys and code spans. Counts what it removed, never what it was, so the
 * note left for the author cannot leak it either.
 */

import { AUTOLINK, BARE_URL, CODE_SPAN, COMMENT, HTML_TAG, IMAGE, LINK, REF_LINK } from './text/inlineMarkdown';

export type RedactedKind = 'people' | 'emails' | 'hosts' | 'ips' | 'links' | 'tickets' | 'code';

export const PERSON = 'a team member';
export const SERVER = 'a server';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const EMAIL = /(?:mailto:)?\b[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b/g;
const HANDLE = /(?<![\w@])@[A-Za-z0-9](?:[\w.-]*[A-Za-z0-9_])?/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?(?::\d{1,5})?\b/g;
const IPV6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:\/\d{1,3})?(?![\w:])/gi;
/** Dotted names (db-2.prod.example.net, pool.max): internal or not is decided per name. */
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const DOTTED = new RegExp(String.raw`(?<![\w.-])${LABEL}(?:\.${LABEL})+(?::\d{1,5})?(?![\w-]|\.[A-Za-z0-9])`, 'g');
/** Host-like tokens: a name ending in a number (db-2, web-prod-03, ip-10-0-0-1), maybe with a port. */
const HOST_TOKEN = /(?<![\w.-])[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d+[a-z]?(?::\d{1,5})?(?![\w-]|\.[A-Za-z0-9])/g;
const INTERNAL_TLD =
  /\.(?:internal|local|localdomain|corp|lan|intranet|private|home\.arpa|svc|cluster\.local)(?::\d+)?$/i;
const INTERNAL_WORDS = [
  'prod|production|staging|stg|stage|dev|qa|uat|int|internal|corp|intra|intranet',
  'svc|cluster|ec2|compute|vpc|k8s|kube',
  String.raw`(?:node|db|host|web|app|srv|server|worker)\d+`,
];
const INTERNAL_LABEL = new RegExp(`^(?:${INTERNAL_WORDS.join('|')})$`, 'i');
/** Prefixes of names ending in a number that are not hosts ("UTF-8", "SHA-256", "COVID-19"). */
const NOT_HOST = /^(?:utf|iso|sha|md|aes|rsa|rfc|http|tls|ssl|ipv|covid|pre|post|top|sev|p|x|mp|h|tcp|udp|s3)-/i;
/** Upper-case prefixes of standards and protocols ("UTF-8", "SHA-256"), not ticket keys. */
const NOT_TICKET_PREFIX = 'UTF|ISO|SHA|MD|AES|RSA|RFC|HTTP|TLS|SSL|IPV|COVID|SEV|MP|TCP|UDP';
const TICKET = new RegExp(
  String.raw`(?<![\w-])(?!(?:${NOT_TICKET_PREFIX})-)[A-Z][A-Z0-9]{1,9}-\d+(?:-\d+)*(?![\w-])`,
  'g',
);
const TICKET_REF =
  /\b(?:PR|MR|CL|pull request|merge request|ticket)\s*[#!]?\d+\b|\bissue\s*#\d+\b|(?<![\w&#])#\d{2,}\b/gi;
/** Owner cells that name a team, or nobody: no person's name to look for. */
const TEAM_WORDS = [
  'team|squad|group|guild|rotation|on-?call',
  'sre|ops|devops|infra|infrastructure|platform|support|engineering',
].join('|');
const NOBODY = 'tbd|todo|none|nobody|unassigned|n/a';
const NOT_A_PERSON = new RegExp(String.raw`\b(?:${TEAM_WORDS})\b|^\W*(?:${NOBODY})?\W*$`, 'i');

type Replacement = string | ((match: string, ...groups: string[]) => string);

export class Redactor {
  readonly counts: Record<RedactedKind, number> = {
    people: 0,
    emails: 0,
    hosts: 0,
    ips: 0,
    links: 0,
    tickets: 0,
    code: 0,
  };
  /** Names as written in the frontmatter or an owner cell, any case ("priya.raman", "Priya Raman"). */
  private readonly fullNames: RegExp | undefined;
  /** A first name or surname alone, capitalised as a name ("Priya", "Okafor"). */
  private readonly nameWords: RegExp | undefined;

  /** `people`: names and handles known to belong to people (authors, reviewers, owners). */
  constructor(people: Iterable<string>) {
    const full = new Set<string>();
    const words = new Set<string>();
    for (const person of people) {
      const name = person.replace(EMAIL, ' ').replace(/\([^)]*\)/g, ' ');
      if (NOT_A_PERSON.test(name)) continue;
      const parts = name.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
      // "priya.raman" also as "Priya Raman", in any case; a lone "marc" only as "Marc", so "will" is not a name.
      if (parts.length > 1) full.add(parts.map(escape).join('[\\s._-]+'));
      for (const part of parts)
        if (part.length >= 3 && !/\d/.test(part)) words.add(escape(part[0].toUpperCase() + part.slice(1)));
    }
    const around = (alternatives: Set<string>, flags: string) => {
      if (alternatives.size === 0) return undefined;
      // Longest first: the first alternative that matches wins, so a name is not cut short by its own start.
      const longestFirst = [...alternatives].sort((a, b) => b.length - a.length);
      return new RegExp(`(?<![\\w@.-])(?:${longestFirst.join('|')})(?![\\w-]|\\.[A-Za-z0-9])`, flags);
    };
    this.fullNames = around(full, 'giu');
    this.nameWords = around(words, 'gu');
  }

  /** Markdown inline text with internal details replaced or removed; very long text is cut between words. */
  redact(markdown: string): string {
    let text = clip(markdown).replace(COMMENT, '');
    text = this.replace(text, CODE_SPAN, 'code', '');
    text = this.replace(text, IMAGE, 'links', '');
    text = this.replace(text, LINK, 'links', (_m, label) => label);
    text = text.replace(REF_LINK, '$1');
    text = this.replace(text, AUTOLINK, 'links', '');
    text = this.replace(text, BARE_URL, 'links', '');
    text = text.replace(HTML_TAG, ' ');
    text = this.replace(text, EMAIL, 'emails', PERSON);
    text = this.replace(text, HANDLE, 'people', PERSON);
    if (this.fullNames) text = this.replace(text, this.fullNames, 'people', PERSON);
    if (this.nameWords) text = this.replace(text, this.nameWords, 'people', PERSON);
    text = this.replace(text, IPV4, 'ips', (m) =>
      m
        .split(/[/:]/)[0]
        .split('.')
        .every((o) => Number(o) <= 255)
        ? SERVER
        : m,
    );
    text = this.replace(text, IPV6, 'ips', (m) => (/[a-f]/i.test(m) || m.includes('::') ? SERVER : m));
    text = this.replace(text, DOTTED, 'hosts', (m) => (internalHost(m) ? SERVER : m));
    text = this.replace(text, HOST_TOKEN, 'hosts', (m) => (NOT_HOST.test(m) ? m : SERVER));
    text = this.replace(text, TICKET, 'tickets', '');
    text = this.replace(text, TICKET_REF, 'tickets', '');
    return tidy(text);
  }

  /** Replaces and counts every match that changes; a replacement that opens a sentence is capitalised. */
  private replace(text: string, pattern: RegExp, kind: RedactedKind, replacement: Replacement): string {
    return text.replace(pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const offset = args.find((a, i) => i > 0 && typeof a === 'number') as number;
      const out =
        typeof replacement === 'string'
          ? replacement
          : replacement(match, ...(args.slice(1).filter((a) => typeof a === 'string') as string[]));
      if (out === match) return out;
      this.counts[kind]++;
      const before = text.slice(0, offset).trimEnd();
      return out && (before === '' || /[.!?]$/.test(before)) ? out[0].toUpperCase() + out.slice(1) : out;
    });
  }
}

/** Some patterns are quadratic in the length of one token: a paragraph longer than this is cut, never inside a word. */
const MAX_LENGTH = 10_000;

function clip(text: string): string {
  if (text.length <= MAX_LENGTH) return text;
  const cut = text.slice(0, MAX_LENGTH);
  return (/\s/.test(text[MAX_LENGTH]) ? cut : cut.replace(/\S*$/, '')).trimEnd() + ' …';
}

function internalHost(name: string): boolean {
  const host = name.replace(/:\d+$/, '');
  if (INTERNAL_TLD.test(host)) return true;
  const labels = host.split('.');
  // Two labels read as a handle or a key (priya.raman, pool.max) unless one looks like a host.
  return labels.some(
    (l) => INTERNAL_LABEL.test(l) || (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d+[a-z]?$/i.test(l) && !NOT_HOST.test(l)),
  );
}

/** Cleans up what removals leave behind: empty brackets, repeated placeholders, stray spaces and separators. */
function tidy(text: string): string {
  return (
    text
      .replace(/\(\s*(?:[,;:/&|–—-]\s*)*\)|\[\s*\]/g, '')
      .replace(/\b(a (?:team member|server)) \(\1\)/gi, '$1')
      // Words left pointing at nothing: "see and.", "rebuilt the index on."
      .replace(/\s+(?:see|at|on|in|via|from|to|by|with)(?:\s+(?:and|or))?(?=\s*(?:[.,;:!?]|$))/gi, '')
      .replace(/\s*[,;:]\s*([.!?])/g, '$1')
      .replace(
        /\b(a) (team member|server)(?:(?:,\s*|\s+and\s+|\s*\/\s*)a \2)+/gi,
        (_m, a: string, what: string) => (a === 'A' ? what[0].toUpperCase() + what.slice(1) : what) + 's',
      )
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/\(\s+/g, '(')
      .replace(/\s+([,.;:!?)])/g, '$1')
      .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
      .replace(/\s*[,;:–—-]+\s*$/, '')
      .trim()
  );
}
