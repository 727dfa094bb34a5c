import type { Block, ListItem, TextLine } from './parse/blocks';
import type { ActionItem, Milestone, PostmortemDocument, Range, Section, SectionKind } from './model';
import { Redactor, type RedactedKind } from './redact';
import { flaggedRanges, hasInternalFigures, sentencesOf } from './statusPageFilter';
import { MONTH_NAMES } from './time/stamps';
import { wallClock } from './time/wallClock';

/**
 * A customer-facing status page update drafted from a postmortem: title, when customers were
 * affected, summary, impact, resolution, what was done and what will change. Sentences that blame
 * people or carry internal figures are left out, as are names, hosts, links, tickets and "try
 * harder" action items; one duration is given everywhere. A trailing comment tells the author what
 * was removed. The author reviews it before publishing.
 */
export function draftStatusUpdate(doc: PostmortemDocument): string {
  const ctx: Drafting = {
    doc,
    redactor: new Redactor(people(doc)),
    flagged: flaggedRanges(doc),
    window: impactWindow(doc),
    removed: { blame: 0, figures: 0, tryHarder: 0, durations: 0 },
  };
  const out: string[] = [`# ${ctx.redactor.redact(title(doc)) || 'Service incident'}`, ''];
  const noWindow = '<!-- No start or end time was found: add when customers were affected (UTC). -->';
  out.push(`**When:** ${ctx.window?.text ?? noWindow}`, '');

  const part = (heading: string, kinds: SectionKind[], missing: string): string[] => {
    const lines = customerLines(ctx, kinds);
    out.push(`## ${heading}`, '', ...(lines.length > 0 ? lines : [`<!-- ${missing} -->`]), '');
    return lines;
  };
  part(
    'Summary',
    ['summary', 'customer-message'],
    'No summary fit for customers was found in the postmortem: say in plain words what happened.',
  );
  part('Impact', ['impact'], 'The postmortem says nothing customer-facing about the impact: say what customers saw.');
  out.push(
    '## Root cause',
    '',
    '<!-- In words a customer understands: what conditions in the system led to this? ' +
      "The postmortem's analysis is written for the team and is not copied here. -->",
    '',
  );
  const resolution = part(
    'Resolution',
    ['resolution'],
    'The postmortem has no resolution section: say how service was restored.',
  );

  const { done, open } = actionLists(ctx, resolution.join(' '));
  if (done.length > 0) out.push('## What we have done', '', ...done.map((s) => `- ${s}`), '');
  out.push('## What we are changing', '');
  if (open.length > 0)
    out.push('Next steps we are taking to prevent this from happening again:', '', ...open.map((s) => `- ${s}`));
  else
    out.push('<!-- No open preventive action items: say what will prevent a recurrence, or remove this section. -->');
  // The update gives a window, not a timeline: the timeline's checks (detection, resolution marks) do not apply.
  out.push('', '<!-- hindsight-disable-file timeline -->', note(ctx));
  return out.join('\n') + '\n';
}

interface Drafting {
  doc: PostmortemDocument;
  redactor: Redactor;
  /** Where a blameless or "try harder" finding starts, in the postmortem. */
  flagged: Range[];
  window: { text: string; minutes: number | undefined } | undefined;
  removed: { blame: number; figures: number; tryHarder: number; durations: number };
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
  for (const key of [
    'author',
    'authors',
    'reviewer',
    'reviewers',
    'owner',
    'owners',
    'commander',
    'incident_commander',
    'participants',
    'responders',
  ])
    collect(data[key]);
  for (const item of doc.actionItems) if (item.owner) names.push(item.owner.text);
  for (const match of doc.text.matchAll(/(?<![\w@])@([A-Za-z][\w.-]*[A-Za-z0-9])/g)) names.push(match[1]);
  return names;
}

/** When customers were affected: the impact window the document gives, else from start to resolution. */
function impactWindow(doc: PostmortemDocument): Drafting['window'] {
  const hasWindow = doc.milestones.impactStart !== undefined || doc.milestones.impactEnd !== undefined;
  const from = hasWindow ? doc.milestones.impactStart : doc.milestones.started;
  const to = hasWindow ? doc.milestones.impactEnd : doc.milestones.resolved;
  if (!from && !to) return undefined;
  if (!to) return { text: `from ${when(from!)} UTC`, minutes: undefined };
  if (!from) return { text: `until ${when(to)} UTC`, minutes: undefined };
  const sameDay = wallClock(from.time).date === wallClock(to.time).date;
  const minutes = to.time >= from.time ? (to.time - from.time) / 60_000 : undefined;
  const span = minutes !== undefined ? ` (${humanDuration(minutes)})` : '';
  return {
    text: sameDay ? `${when(from)}–${clock(to.time)} UTC${span}` : `${when(from)} UTC to ${when(to)} UTC${span}`,
    minutes,
  };
}

/** Times of day whose date the document never gives sit on 1970-01-01 in the model. */
const undated = (epoch: number) => epoch >= 0 && epoch < 2 * 86_400_000;
const clock = (epoch: number) => wallClock(epoch).minutes;

function when(milestone: Milestone): string {
  const d = new Date(milestone.time);
  return undated(milestone.time)
    ? clock(milestone.time)
    : `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${clock(milestone.time)}`;
}

/** "45 minutes", "1 hour 28 minutes", "2 days 3 hours". */
export function humanDuration(minutes: number): string {
  const total = Math.round(minutes);
  const units: [number, string][] = [
    [Math.floor(total / 1440), 'day'],
    [Math.floor((total % 1440) / 60), 'hour'],
    [total % 60, 'minute'],
  ];
  const parts = units.filter(([n]) => n > 0).map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.slice(0, 2).join(' ') : 'less than a minute';
}

/**
 * The first paragraph (as one line) or list (one line an item) of the first section of a kind that
 * has one, sentence by sentence: what blames people or gives internal figures is dropped, a duration
 * that disagrees with the window is given as the window's, and names, hosts and tickets are redacted.
 */
function customerLines(ctx: Drafting, kinds: SectionKind[]): string[] {
  const { doc } = ctx;
  for (const kind of kinds) {
    for (const section of doc.sections.filter((s) => s.kinds.includes(kind))) {
      const at = doc.blocks.findIndex((b) => inside(b, section) && (b.kind === 'paragraph' || b.kind === 'list'));
      const block = doc.blocks[at];
      if (block?.kind === 'paragraph') {
        const kept = keptSentences(ctx, block.lines);
        if (kept) return [kept];
        continue;
      }
      if (block?.kind !== 'list') continue;
      // A list may arrive as several blocks (one an item): take the whole run.
      const items: string[] = [];
      for (let i = at; doc.blocks[i]?.kind === 'list' && inside(doc.blocks[i], section); i++) {
        const list = doc.blocks[i] as Extract<Block, { kind: 'list' }>;
        for (const item of list.items) {
          const kept = keptSentences(ctx, item.lines);
          if (kept) items.push(`- ${kept}`);
        }
      }
      if (items.length > 0) return items;
    }
  }
  return [];
}

function keptSentences(ctx: Drafting, lines: readonly TextLine[]): string {
  const kept: string[] = [];
  for (const sentence of sentencesOf(lines, ctx.flagged)) {
    if (sentence.flagged) ctx.removed.blame++;
    else if (hasInternalFigures(sentence.text)) ctx.removed.figures++;
    else kept.push(ctx.redactor.redact(oneDuration(ctx, sentence.text)));
  }
  return kept.filter((s) => s !== '' && s !== '-').join(' ');
}

const ABOUT = String.raw`\b(?:for|of|lasted|lasting|about|around|roughly|approximately|~)\s+(?:about\s+|around\s+|~)?`;
const AMOUNT_AND_UNIT = String.raw`(\d+(?:\.\d+)?)\s*(minutes?|mins?|hours?|hrs?|h)\b`;
const DURATION = new RegExp(ABOUT + AMOUNT_AND_UNIT, 'gi');

/** "for 39 minutes" where the window says 52: the draft gives one figure, the window's. */
function oneDuration(ctx: Drafting, text: string): string {
  const minutes = ctx.window?.minutes;
  if (minutes === undefined) return text;
  return text.replace(DURATION, (phrase, amount: string, unit: string) => {
    const stated = Number(amount) * (/^h/i.test(unit) ? 60 : 1);
    if (Math.abs(stated - minutes) <= Math.max(1, minutes * 0.05)) return phrase;
    ctx.removed.durations++;
    return phrase.slice(0, phrase.search(/\d|~/)) + humanDuration(minutes);
  });
}

/** Completed items as what was done, open ones as next steps (never both); "try harder" items in neither. */
function actionLists(ctx: Drafting, resolution: string): { done: string[]; open: string[] } {
  const done: string[] = [];
  const open: string[] = [];
  for (const item of ctx.doc.actionItems) {
    const { start, end } = item.range;
    if (ctx.flagged.some((r) => r.start.line >= start.line && r.start.line <= end.line)) {
      ctx.removed.tryHarder++;
      continue;
    }
    const text = stripActionDetails(actionText(ctx.doc, item));
    if (hasInternalFigures(text)) {
      ctx.removed.figures++;
      continue;
    }
    const redacted = ctx.redactor.redact(text);
    if (!/\p{L}/u.test(redacted)) continue;
    if (item.state !== 'done') {
      if (preventive(item)) open.push(redacted);
    } else if (!alreadySaid(redacted, resolution)) done.push(redacted);
  }
  return { done, open };
}

/** Typed items that are internal housekeeping (process, investigation, documentation) are not promised to customers. */
const INTERNAL_TYPE = /\b(?:process|investigat\w*|document\w*|communicat\w*|follow[- ]?up|review)\b/i;
const preventive = (item: ActionItem) => !item.type?.text || !INTERNAL_TYPE.test(item.type.text);

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Word stems, crudely: "rebuild" and "rebuilt" share "rebui". */
const stems = (text: string) =>
  normalise(text)
    .split(' ')
    .filter((w) => w.length > 3)
    .map((w) => w.slice(0, 5));

/** A completed item the resolution already tells ("Rebuild the index" after "rebuilt the index"). */
function alreadySaid(item: string, resolution: string): boolean {
  const words = stems(item);
  const told = new Set(stems(resolution));
  return words.length > 0 && words.filter((w) => told.has(w)).length / words.length >= 0.6;
}

const inside = (block: Block, section: Section) =>
  block.line > section.headingRange.start.line && block.endLine <= section.range.end.line;
const itemText = (item: ListItem) => item.lines.map((l) => l.raw.trim()).join(' ');

/** The action as written (Markdown, so code spans can be recognised and removed). */
function actionText(doc: PostmortemDocument, item: ActionItem): string {
  const { start, end } = item.action.range;
  if (item.origin === 'table')
    return doc.lines.lines[start.line]?.slice(start.character, end.character) ?? item.action.text;
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
  for (const block of blocks)
    if (block.kind === 'list' && block.line <= line && line <= block.endLine) return find(block.items);
  return undefined;
}

/** Owner, due date, status and priority written inside a list item ("— @lena, due 2025-05-01"). */
function stripActionDetails(text: string): string {
  return text
    .replace(
      /\(?\s*\b(?:owners?|assignee|assigned to|due|deadline|eta|status|priority|ticket|type)\s*:[^,;)|]*\)?/gi,
      '',
    )
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

function note(ctx: Drafting): string {
  const counts = ctx.redactor.counts;
  const redacted = (Object.keys(KIND_NAMES) as RedactedKind[])
    .filter((k) => counts[k] > 0)
    .map((k) => `${counts[k]} ${KIND_NAMES[k][counts[k] === 1 ? 0 : 1]}`);
  const { blame, figures, tryHarder, durations } = ctx.removed;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const dropped = [
    blame > 0 ? plural(blame, 'sentence that judged people', 'sentences that judged people') : '',
    figures > 0
      ? plural(
          figures,
          'sentence or item with internal figures (money, revenue, error budget)',
          'sentences or items with internal figures (money, revenue, error budget)',
        )
      : '',
    tryHarder > 0 ? plural(tryHarder, '"try harder" action item', '"try harder" action items') : '',
  ].filter(Boolean);
  const windowLength = ctx.window?.minutes !== undefined ? ` (${humanDuration(ctx.window.minutes)})` : '';
  const said = [
    redacted.length > 0 ? `Left out or replaced: ${redacted.join(', ')}.` : '',
    dropped.length > 0 ? `Left out: ${dropped.join(', ')}.` : '',
    durations > 0
      ? `${plural(durations, 'duration', 'durations')} in the text changed to the window's${windowLength}.`
      : '',
  ].filter(Boolean);
  const what = said.length > 0 ? said.join(' ') : 'Nothing internal was found to leave out.';
  return (
    `<!-- Drafted by Hindsight from the postmortem. ${what} ` +
    'Severity, the timeline and owners are never included. Read it through before publishing. -->'
  );
}
