import { RowCollector, type SourceResult } from './result';
import { field, ImportInputError, parseJson, text, type ImportedRow, type ImportFilter } from './types';

/** The files of an export, by path relative to its root with "/" separators: a folder or a zip. */
export interface ExportFiles {
  names(): string[];
  /** The file's text, or undefined when it is not there. */
  read(name: string): string | undefined;
}

/** Messages that are not something a responder said or did: joins, leaves, uploads, topic changes. */
const SKIPPED_SUBTYPES = new Set([
  'channel_join',
  'channel_leave',
  'group_join',
  'group_leave',
  'file_share',
  'file_comment',
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'pinned_item',
  'unpinned_item',
  'bot_add',
  'bot_remove',
  'tombstone',
]);

interface Channel {
  id: string;
  name: string;
}

const DAY = 86_400_000;
const DATE_FILE = /^(?:.*\/)?([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

/** Reads the messages of a Slack workspace export (standard or corporate) that the filter keeps. */
export function slackRows(files: ExportFiles, filter: ImportFilter): SourceResult {
  const root = exportRoot(files);
  const channels = readChannels(files, root);
  const chosen = chooseChannels(channels, filter.channels);
  const users = readUsers(files, root);
  const reaction = filter.onlyReacted?.replace(/^:|:$/g, '');
  const collector = new RowCollector(filter, reaction ? `messages with :${reaction}:` : 'messages');
  const unknownUsers = new Set<string>();
  const byName = new Map(chosen.map((c) => [c.name, c]));
  for (const name of files.names()) {
    const match = DATE_FILE.exec(name);
    if (!match || !name.startsWith(root) || !byName.has(match[1])) continue;
    // Day files are named in the workspace's zone: a day either side may still hold the window's edges.
    const day = Date.parse(`${match[2]}T00:00:00Z`);
    if (
      (filter.from !== undefined && day + 2 * DAY < filter.from) ||
      (filter.to !== undefined && day - DAY > filter.to)
    )
      continue;
    const messages = parseJson(files.read(name) ?? '', name);
    if (!Array.isArray(messages))
      throw new ImportInputError(`${name} is not a Slack message list (expected a JSON array)`);
    const channel = byName.get(match[1])!;
    for (const message of messages) {
      const row = messageRow(message, channel, users, unknownUsers, filter.baseUrl);
      if (row === 'skip') continue;
      if (row === 'untimed') collector.untimed++;
      else if (!reaction || hasReaction(message, reaction)) collector.add(row);
    }
  }
  if (unknownUsers.size > 0) {
    collector.notes.push(
      `${unknownUsers.size} user id(s) not in users.json, shown as their id: ` +
        [...unknownUsers].slice(0, 5).join(', '),
    );
  }
  return collector.finish();
}

/** The folder holding channels.json: the export itself, or its one top folder when zipped with it. */
function exportRoot(files: ExportFiles): string {
  const names = files.names();
  const channelsFile = names.filter((n) => /(?:^|\/)channels\.json$/.test(n)).sort((a, b) => a.length - b.length)[0];
  if (!channelsFile) {
    throw new ImportInputError(
      "not a Slack export: there is no channels.json (export the workspace from Slack's admin settings)",
    );
  }
  return channelsFile.slice(0, -'channels.json'.length);
}

function readChannels(files: ExportFiles, root: string): Channel[] {
  const out: Channel[] = [];
  for (const list of ['channels.json', 'groups.json']) {
    const source = files.read(root + list);
    if (source === undefined) continue;
    const parsed = parseJson(source, list);
    if (!Array.isArray(parsed)) throw new ImportInputError(`${list} is not a list of channels`);
    for (const c of parsed) {
      const id = text(field(c, 'id'));
      const name = text(field(c, 'name'));
      if (id && name) out.push({ id, name });
    }
  }
  return out;
}

function chooseChannels(channels: Channel[], wanted: string[] | undefined): Channel[] {
  if (!wanted || wanted.length === 0) return channels;
  const names = wanted.map((w) => w.replace(/^#/, ''));
  const missing = names.filter((n) => !channels.some((c) => c.name === n || c.id === n));
  if (missing.length > 0) {
    const known = channels
      .map((c) => c.name)
      .slice(0, 20)
      .join(', ');
    throw new ImportInputError(`no channel ${missing.map((m) => `#${m}`).join(', ')} in the export; it has: ${known}`);
  }
  return channels.filter((c) => names.includes(c.name) || names.includes(c.id));
}

/** Display names by user id: the display name people see, else the real name, else the handle. */
function readUsers(files: ExportFiles, root: string): Map<string, string> {
  const users = new Map<string, string>();
  // Enterprise Grid exports name the member list org_users.json.
  const source = files.read(root + 'users.json') ?? files.read(root + 'org_users.json');
  if (source === undefined) return users;
  const parsed = parseJson(source, 'users.json');
  if (!Array.isArray(parsed)) throw new ImportInputError('users.json is not a list of users');
  for (const u of parsed) {
    const id = text(field(u, 'id'));
    const profile = field(u, 'profile');
    const name =
      text(field(profile, 'display_name')) ??
      text(field(profile, 'real_name')) ??
      text(field(u, 'real_name')) ??
      text(field(u, 'name'));
    if (id && name) users.set(id, name);
  }
  return users;
}

function messageRow(
  message: unknown,
  channel: Channel,
  users: Map<string, string>,
  unknownUsers: Set<string>,
  baseUrl: string | undefined,
): ImportedRow | 'skip' | 'untimed' {
  const subtype = text(field(message, 'subtype'));
  if (subtype && SKIPPED_SUBTYPES.has(subtype)) return 'skip';
  const body = text(field(message, 'text')) ?? attachmentText(message);
  if (!body) return 'skip';
  const ts = text(field(message, 'ts'));
  const seconds = ts && /^\d+(?:\.\d+)?$/.test(ts) ? Number(ts) : NaN;
  if (!ts || !Number.isFinite(seconds)) return 'untimed';
  const userId = text(field(message, 'user'));
  const nameOf = (id: string) => {
    const known = users.get(id);
    if (!known) unknownUsers.add(id);
    return known ?? id;
  };
  const actor = userId
    ? nameOf(userId)
    : (text(field(message, 'username')) ?? text(field(field(message, 'bot_profile'), 'name')));
  const threadTs = text(field(message, 'thread_ts'));
  const reply = threadTs !== undefined && threadTs !== ts;
  const rendered = renderSlackText(body, nameOf);
  return {
    instant: Math.round(seconds * 1000),
    text: reply ? `↳ ${rendered}` : rendered,
    actor,
    link: baseUrl ? permalink(baseUrl, channel.id, ts, reply ? threadTs : undefined) : undefined,
    sourceId: `slack:${channel.id}/${ts}`,
    threadOf: reply ? `slack:${channel.id}/${threadTs}` : undefined,
  };
}

/** Alerting bots often post only an attachment: its plain-text fallback, or its title, is the message. */
function attachmentText(message: unknown): string | undefined {
  const attachments = field(message, 'attachments');
  if (!Array.isArray(attachments)) return undefined;
  return attachments.map((a) => text(field(a, 'fallback')) ?? text(field(a, 'title'))).find(Boolean);
}

function hasReaction(message: unknown, name: string): boolean {
  const reactions = field(message, 'reactions');
  // Skin tones are written "thumbsup::skin-tone-2": the reaction is the same.
  return Array.isArray(reactions) && reactions.some((r) => text(field(r, 'name'))?.split('::')[0] === name);
}

/** A message's link: https://WORKSPACE.slack.com/archives/CHANNEL/p + the timestamp without its dot. */
export function permalink(baseUrl: string, channelId: string, ts: string, threadTs?: string): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/archives/${channelId}/p${ts.replace('.', '')}`;
  return threadTs ? `${url}?thread_ts=${threadTs}&cid=${channelId}` : url;
}

/** Slack's markup as plain Markdown: mentions as names, links as links, entities decoded. */
export function renderSlackText(body: string, userName: (id: string) => string): string {
  return body
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => `@${userName(id)}`)
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_m, name?: string) => name ?? '@team')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '[$2]($1)')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
