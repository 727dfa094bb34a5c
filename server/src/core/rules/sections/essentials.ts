import type { SectionRequirement } from '../../config/templates';
import type { PostmortemDocument, SectionKind } from '../../model';
import type { RuleContext } from '../rule';
import { sectionKinds } from '../../parse/sections';
import { sectionFor } from './template';

/** Heading words for the analysis, when it is not called "contributing factors" or "root cause". */
const CAUSE_HEADINGS = [
  'analysis|investigation|why|causes?|caused|reasons?|identified',
  'what went wrong|technical details|explanation|problem|issue|diagnosis',
].join('|');

/**
 * What any postmortem needs, whatever its shape: what happened and to whom, when, why, and what
 * will change. A document that never chose a template is held to these only. Each essential is
 * met by a section of one of its kinds, or by a heading that says the same in other words.
 */
export interface Essential {
  name: string;
  kinds: SectionKind[];
  headings: RegExp;
  /** Where the section goes, for the quick fix, and what to write in it. */
  requirement: SectionRequirement;
}

export const ESSENTIALS: readonly Essential[] = [
  {
    name: 'a summary or the impact',
    kinds: ['summary', 'impact', 'customer-message'],
    headings: /\b(what happened|incident|outage|report|details|description|overview|introduction|issue|problem)\b/i,
    requirement: {
      kinds: ['summary'],
      heading: 'Summary',
      prompt: 'What happened, when, and who was affected, in two or three sentences.',
    },
  },
  {
    name: 'a timeline',
    kinds: ['timeline', 'detection', 'response'],
    headings: /\b(timeline|chronology|events|log|updates?|sequence)\b|^\s*when\s*$/i,
    requirement: {
      kinds: ['timeline'],
      heading: 'Timeline',
      prompt: 'What was observed and done, with times and their zone.',
    },
  },
  {
    name: 'the contributing factors or root cause',
    kinds: ['contributing-factors', 'root-cause', 'trigger', 'five-whys', 'challenges'],
    headings: new RegExp(String.raw`\b(${CAUSE_HEADINGS})\b`, 'i'),
    requirement: {
      kinds: ['contributing-factors'],
      heading: 'Contributing factors',
      prompt: 'What conditions made this possible, and what made it worse or harder to see?',
    },
  },
  {
    name: 'action items',
    kinds: ['action-items', 'post-project-tasks', 'lessons-learned', 'what-could-be-improved'],
    headings:
      /\b(prevent|prevention|improvements?|chang(?:e|es|ing)|plans?|future|going forward|fixes|mitigations?)\b/i,
    requirement: {
      kinds: ['action-items'],
      heading: 'Action items',
      prompt: 'What will change so this is less likely or less harmful, each with an owner.',
    },
  },
];

/** Without headings, a document can still carry the essentials in prose. */
function metWithoutHeading(doc: PostmortemDocument, essential: Essential): boolean {
  if (essential.kinds.includes('timeline')) return doc.timeline.entries.filter((e) => e.time !== undefined).length >= 3;
  if (essential.kinds.includes('action-items')) return doc.actionItems.length > 0;
  if (essential.kinds.includes('summary')) return openingParagraph(doc);
  return false;
}

/** A paragraph between the title and the first section heading is the summary most writers give. */
function openingParagraph(doc: PostmortemDocument): boolean {
  const firstSection = doc.sections.find((s) => s.depth > 1)?.headingRange.start.line ?? Infinity;
  return doc.blocks.some(
    (b) => b.kind === 'paragraph' && b.line < firstSection && b.lines.map((l) => l.raw).join(' ').length >= 80,
  );
}

/** Bold labels that open a line or list item ("- **Impact**: …", "**Root cause:**") stand in for headings. */
const BOLD_LABEL = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)([^*_\n]{2,48}?)(?::\s*)?(?:\*\*|__)\s*:?/;

export function headingLike(doc: PostmortemDocument): string[] {
  const labels = doc.lines.lines.map((line) => BOLD_LABEL.exec(line)?.[1]).filter((l): l is string => l !== undefined);
  // The title is not a section, unless a writer who uses level-1 headings for sections named it like one.
  const title =
    doc.sections[0]?.depth === 1 && sectionKinds(doc.sections[0].heading).length === 0 ? doc.sections[0] : undefined;
  return [...doc.sections.filter((s) => s !== title).map((s) => s.heading), ...labels];
}

export function essentialMet(doc: PostmortemDocument, essential: Essential, headings = headingLike(doc)): boolean {
  const byKind = headings.some((h) => sectionKinds(h).some((k) => essential.kinds.includes(k)));
  const byWords = headings.some((h) => essential.headings.test(h));
  return byKind || byWords || metWithoutHeading(doc, essential);
}

/** True when no heading or label names a known section: a narrative, whose essentials may well be in its prose. */
export function isNarrative(doc: PostmortemDocument, headings = headingLike(doc)): boolean {
  return !headings.some((h) => sectionKinds(h).length > 0);
}

/** The template whose sections the document has most of: what its author seems to have followed. */
export function closestTemplate(ctx: RuleContext): string {
  const names = [
    ctx.config.defaultTemplate,
    ...Object.keys(ctx.config.templates).filter((n) => n !== ctx.config.defaultTemplate),
  ];
  let best = names[0];
  let bestScore = -1;
  for (const name of names) {
    const sections = ctx.config.templates[name]?.sections ?? [];
    if (sections.length === 0) continue;
    const score = sections.filter((r) => sectionFor(ctx.doc, r)).length / sections.length;
    if (score > bestScore) [best, bestScore] = [name, score];
  }
  return best;
}

/** The essentials the closest template asks for: a project retrospective needs no timeline. */
export function essentialsFor(ctx: RuleContext, template: string): Essential[] {
  const sections = ctx.config.templates[template]?.sections ?? [];
  return ESSENTIALS.filter(
    (e) => sections.length === 0 || sections.some((r) => r.kinds.some((k) => e.kinds.includes(k))),
  );
}
