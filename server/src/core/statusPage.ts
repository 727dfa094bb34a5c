import type { Block, ListItem } from './parse/blocks';
import type { ActionItem, Milestone, PostmortemDocument, Section, SectionKind } from './model';
import { Redactor, type RedactedKind } from './redact';

/**
 * A customer-facing status page update drafted from a postmortem: title, timeframe in UTC,
 * summary, impact, resolution and next steps, with internal details left out. The author
 * reviews it before publishing; a trailing comment says what kinds of detail were removed.
 */
export function draftStatusUpdate(doc: PostmortemDocument): string {
  const redactor = new Redactor(people(doc));
  const out: string[] = [`# ${redactor.redact(title(doc)) || 'Service incident'}`, ''];

  out.push(`**When:** ${timeframe(doc) ?? '<!-- No start or end time was found: add when customers were affected (UTC). -->'}`, '');

  const part = (heading: string, kinds: SectionKind[], missing: string) => {
    const lines = firstContent(doc, kinds);
    out.push(`## ${heading}`, '', ...(lines ? lines.map((l) => redactLine(redactor, l)).filter((l) => l !== '' && l !== '-') : [`<!-- ${missing} -->`]), '');
  };
  part('Summary', ['summary', 'customer-message'], 'The postmortem has no summary: say in plain words what happened.');
  part('Impact', ['impact'], 'The postmortem has no impact section: say what customers saw.');
  part('Resolution', ['resolution'], 'The postmortem has no resolution section: say how service was restored.');

  const steps = doc.actionItems.filter((item) => item.state !== 'done').map((item) => redactor.redact(stripActionDetails(actionText(doc, item))));
  out.push('## Next steps', '');
  const kept = steps.filter((s) => /\p{L}/u.test(s));
  if (kept.length > 0) out.push('We are taking these steps to prevent this from happening again:', '', ...kept.map((s) => `- ${s}`));
  else out.push('<!-- No open action items: say what will prevent a recurrence, or remove this section. -->');
  out.push('', note(redactor.counts));
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- what goes in

function title(doc: PostmortemDocument): string {
  const fromFrontmatter = doc.frontmatter?.data.title;
  if (typeof fromFrontmatter === 'string' && fromFrontmatter.trim()) return fromFrontmatter.trim();
  const h1 = doc.blocks.find((b) => b.kind === 'heading' && b.depth === 1);
  return h1?.kind === 'heading' ? h1.text : '';
}

/** People named in the frontmatter, in owner cells, and by @handle anywhere. */
function people(doc: PostmortemDocument): string[] {
  const names: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') names.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  const data = doc.frontmatter?.data ?? {};
  for (const key of ['author', 'authors', 'reviewer', 'reviewers', 'owner', 'owners', 'commander', 'incident_commander', 'participants', 'responders']) collect(data[key]);
  for (const item of doc.actionItems) if (item.owner) names.push(item.owner.text);
  for (const match of doc.text.matchAll(/(?<![\w@])@([A-Za-z][\w.-]*[A-Za-z0-9])/g)) names.push(match[1]);
  return names;
}

/** When customers were affected: the impact window, else from start to resolution. */
function timeframe(doc: PostmortemDocument): string | undefined {
  const from = doc.milestones.impactStart ?? doc.milestones.started;
  const to = doc.milestones.impactEnd ?? doc.milestones.resolved;
  if (!from && !to) return undefined;
  if (!to) return `from ${when(from!)} UTC`;
  if (!from) return `until ${when(to)} UTC`;
  const sameDay = new Date(from.time).toISOString().slice(0, 10) === new Date(to.time).toISOString().slice(0, 10);
  const span = to.time >= from.time ? ` (${humanDuration((to.time - from.time) / 60_000)})` : '';
  return sameDay ? `${when(from)}–${clock(to.time)} UTC${span}` : `${when(from)} UTC to ${when(to)} UTC${span}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Times of day whose date the document never gives sit on 1970-01-01 in the model. */
const undated = (epoch: number) => epoch >= 0 && epoch < 2 * 86_400_000;
const clock = (epoch: number) => new Date(epoch).toISOString().slice(11, 16);

function when(milestone: Milestone): string {
  const d = new Date(milestone.time);
  return undated(milestone.time) ? clock(milestone.time) : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${clock(milestone.time)}`;
}

/** "45 minutes", "1 hour 28 minutes", "2 days 3 hours". */
export function humanDuration(minutes: number): string {
  const total = Math.round(minutes);
  const units: [number, string][] = [[Math.floor(total / 1440), 'day'], [Math.floor((total % 1440) / 60), 'hour'], [total % 60, 'minute']];
  const parts = units.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.slice(0, 2).join(' ') : 'less than a minute';
}

/** The first paragraph (as one line) or list (one line an item) of the first section of a kind that has one. */
function firstContent(doc: PostmortemDocument, kinds: SectionKind[]): string[] | undefined {
  for (const kind of kinds) {
    for (const section of doc.sections.filter((s) => s.kinds.includes(kind))) {
      const at = doc.blocks.findIndex((b) => inside(b, section) && (b.kind === 'paragraph' || b.kind === 'list'));
      const block = doc.blocks[at];
      if (block?.kind === 'paragraph') return [block.lines.map((l) => l.raw.trim()).join(' ')];
      if (block?.kind !== 'list') continue;
      // A list may arrive as several blocks (one an item): take the whole run.
      const items: string[] = [];
      for (let i = at; doc.blocks[i]?.kind === 'list' && inside(doc.blocks[i], section); i++) {
        const list = doc.blocks[i] as Extract<Block, { kind: 'list' }>;
        items.push(...list.items.map((item) => `- ${itemText(item)}`));
      }
      return items;
    }
  }
  return undefined;
}

const inside = (block: Block, section: Section) => block.line > section.headingRange.start.line && block.endLine <= section.range.end.line;
const itemText = (item: ListItem) => item.lines.map((l) => l.raw.trim()).join(' ');

function redactLine(redactor: Redactor, line: string): string {
  const bullet = /^- /.test(line) ? '- ' : '';
  return bullet + redactor.redact(line.slice(bullet.length));
}

/** The action as written (Markdown, so code spans can be recognised and removed). */
function actionText(doc: PostmortemDocument, item: ActionItem): string {
  const { start, end } = item.action.range;
  if (item.origin === 'table') return doc.lines.lines[start.line]?.slice(start.character, end.character) ?? item.action.text;
  const listItem = listItemAt(doc.blocks, start.line);
  return listItem ? itemText(listItem).replace(/^\[[ xX]\]\s*/, '') : item.action.text;
}

function listItemAt(blocks: readonly Block[], line: number): ListItem | undefined {
  const find = (items: readonly ListItem[]): ListItem | undefined => {
    for (const item of items) {
      if (item.line === line) return item;
      const child = find(item.children);
      if (child) return child;
    }
    return undefined;
  };
  for (const block of blocks) if (block.kind === 'list' && block.line <= line && line <= block.endLine) return find(block.items);
  return undefined;
}

/** Owner, due date, status and priority written inside a list item ("— @lena, due 2025-05-01"). */
function stripActionDetails(text: string): string {
  return text
    .replace(/\(?\s*\b(?:owners?|assignee|assigned to|due|deadline|eta|status|priority|ticket|type)\s*:[^,;)|]*\)?/gi, '')
    .replace(/\b(?:due|by|before)\s+\d{4}-\d{2}-\d{2}\b/gi, '')
    .replace(/(?<![\w@])@[\w.-]*\w/g, '')
    .replace(/[\s,;:–—|-]+$/, '');
}

// ---------------------------------------------------------------- the note for the author

const KIND_NAMES: Record<RedactedKind, [string, string]> = {
  people: ['name or handle of a person', 'names or handles of people'],
  emails: ['email address', 'email addresses'],
  hosts: ['host name', 'host names'],
  ips: ['IP address', 'IP addresses'],
  links: ['link', 'links (their text kept)'],
  tickets: ['ticket or pull request reference', 'ticket or pull request references'],
  code: ['code span', 'code spans'],
};

function note(counts: Record<RedactedKind, number>): string {
  const removed = (Object.keys(KIND_NAMES) as RedactedKind[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${KIND_NAMES[k][counts[k] === 1 ? 0 : 1]}`);
  const what = removed.length > 0 ? `Left out or replaced: ${removed.join(', ')}.` : 'Nothing internal was found to leave out.';
  return `<!-- Drafted by Hindsight from the postmortem. ${what} Severity, the timeline and owners are never included. Read it through before publishing. -->`;
}
