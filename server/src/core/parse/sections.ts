import type { Section, SectionKind } from '../model';
import { flat } from '../text/flat';
import type { LineIndex } from '../text/lineIndex';
import type { Block } from './blocks';

/** One heading pattern from alternatives written over several lines. */
const anyOf = (...alternatives: string[]): RegExp => new RegExp(String.raw`\b(${alternatives.join('|')})\b`);

/**
 * Heading wording → canonical section kind. Each pattern is tried against the normalised heading
 * (lower case, numbering, emoji and punctuation removed); a heading can name two kinds
 * ("Root cause & contributing factors").
 */
const SYNONYMS: [SectionKind, RegExp][] = [
  [
    'summary',
    /\b(summary|overview|tl ?dr|synopsis|executive summary|abstract|description|what happened|incident summary)\b/,
  ],
  [
    'impact',
    /\b(impact|customer impact|user impact|blast radius|who was affected|affected (services|users|customers))\b/,
  ],
  ['timeline', /\b(timeline|time line|chronology|sequence of events|key events|events|incident log|log of events)\b/],
  ['detection', /\b(detection|how (was it|we) (detected|noticed|found)|discovery|identification)\b/],
  ['response', /\b(response|incident response|escalation|how we responded)\b/],
  ['contributing-factors', /\b(contributing factors?|contributors?|factors?|conditions|why it happened)\b/],
  ['root-cause', /\b(root causes?|causes? analysis|rca|cause)\b/],
  ['trigger', /\b(trigger|leadup|lead up|fault)\b/],
  [
    'resolution',
    /\b(resolution|recovery|remediation|mitigation|fix|how (it was|we) (fixed|resolved|recovered)|restoration)\b/,
  ],
  ['what-went-well', /\b(went well|what went right|things that went well|successes|what worked)\b/],
  [
    'what-could-be-improved',
    anyOf(
      'went wrong|could be improved|could have gone better|to improve|improvements?',
      'what didn ?t work|what did not work|opportunities|needs improvement',
    ),
  ],
  ['where-we-got-lucky', /\b(got lucky|lucky|luck)\b/],
  [
    'action-items',
    anyOf(
      'action items?|actions?|follow ?ups?(?! log)|corrective actions?|next steps|remediation items',
      'todo|to do|tasks|post project tasks',
    ),
  ],
  // Plans named by horizon or purpose: "Short-term improvements", "Preventive enhancements", "What is being done".
  [
    'action-items',
    anyOf(
      '(short|medium|mid|long|near) ?term|immediate (actions|fixes|steps)',
      '(preventive|preventative|recommended|planned|future) ' +
        '(measures|improvements|enhancements|actions|steps|work|changes)',
      'what (is|we are) (being )?doing|what is being done|going forward|remediation (plan|steps|actions)',
    ),
  ],
  ['lessons-learned', /\b(lessons?( learned| learnt)?|learnings?|takeaways?|what we learned|key learnings)\b/],
  [
    'customer-message',
    anyOf(
      'customer message|customer communication|external communication|status page|public statement',
      'message to customers',
    ),
  ],
  ['background', /\b(background|context|system overview)\b/],
  ['five-whys', /\b(5|five) whys\b/],
  ['supporting-information', /\b(supporting information|appendix|references|evidence|links)\b/],
  ['communication', /\b(communications?( log)?|comms)\b/],
  ['compliance', /\b(compliance|regulatory|regulator)\b/],
  ['evidence-log', /\bevidence log\b/],
  ['audit-trail', /\baudit trail\b/],
  ['risk-assessment', /\brisk (re ?)?assessment\b/],
  ['project-overview', /\bproject overview|goals\b/],
  ['highlights', /\bhighlights\b/],
  ['challenges', /\bchallenges\b/],
  ['post-project-tasks', /\bpost project tasks\b/],
  ['actions-taken', /\bactions? taken\b/],
];

export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u{1F000}-\u{1FFFF}\u{2600}-\u{27BF}]/gu, ' ')
    .replace(/^\s*(?:\d+(?:\.\d+)*\.?|[ivx]+\.|[a-z]\))\s+/, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A more specific kind that makes a broader match on the same heading wrong. */
const OVERRIDES: [SectionKind, SectionKind][] = [
  ['actions-taken', 'action-items'],
  ['post-project-tasks', 'action-items'],
  ['evidence-log', 'supporting-information'],
  ['evidence-log', 'timeline'],
  ['customer-message', 'communication'],
  ['action-items', 'resolution'],
  ['action-items', 'what-could-be-improved'],
];

function kindsOfNormalised(text: string): readonly SectionKind[] {
  const kinds = [...new Set(SYNONYMS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind))];
  return Object.freeze(
    kinds.filter((kind) => !OVERRIDES.some(([specific, broad]) => broad === kind && kinds.includes(specific))),
  );
}

/** Normalised headings remembered; past this many the memory starts again (a repository has a few hundred). */
const MAX_KNOWN_HEADINGS = 10_000;
/**
 * Kinds by normalised heading. This module is also bundled into the VS Code client, so it keeps its
 * own small map rather than import the server's memos.
 */
const knownKinds = new Map<string, readonly SectionKind[]>();

/**
 * The kinds a heading names. Remembered: the same few headings come back in every postmortem of a
 * repository and in several rules, and each reading tries some seventy patterns. The array is
 * shared (frozen), never to be changed by a caller.
 */
export function sectionKinds(heading: string): readonly SectionKind[] {
  const text = normaliseHeading(heading);
  let kinds = knownKinds.get(text);
  if (kinds === undefined) {
    if (knownKinds.size >= MAX_KNOWN_HEADINGS) knownKinds.clear();
    kinds = kindsOfNormalised(text);
    // A heading normalisation left unchanged is still a slice of the document: copied, it keeps none alive.
    knownKinds.set(flat(text), kinds);
  }
  return kinds;
}

/** Builds the heading tree and marks empty sections. */
export function buildSections(blocks: readonly Block[], index: LineIndex): Section[] {
  const sections: Section[] = [];
  const stack: Section[] = [];
  const lastLine = index.lineCount - 1;
  const headings = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.kind === 'heading');

  for (let h = 0; h < headings.length; h++) {
    const { b: block, i: blockIndex } = headings[h];
    if (block.kind !== 'heading') continue;
    while (stack.length > 0 && stack[stack.length - 1].depth >= block.depth) stack.pop();
    const parent = stack[stack.length - 1];
    const next = headings[h + 1];
    const ownEndLine = next ? next.b.line - 1 : lastLine;
    const ownBlocks = blocks.slice(blockIndex + 1, next ? next.i : blocks.length);
    const section: Section = {
      heading: block.text,
      depth: block.depth,
      kinds: [...sectionKinds(block.text)],
      headingRange: index.linesRange(block.line, block.endLine),
      range: index.linesRange(block.line, lastLine),
      bodyRange: index.linesRange(
        Math.min(block.endLine + 1, lastLine),
        Math.max(Math.min(block.endLine + 1, lastLine), ownEndLine),
      ),
      empty: !ownBlocks.some(hasContent),
      parent,
      children: [],
    };
    parent?.children.push(section);
    sections.push(section);
    stack.push(section);
  }
  // A section ends where the next heading of the same or a shallower depth starts.
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    let next = s + 1;
    while (next < sections.length && sections[next].depth > section.depth) next++;
    const end = next < sections.length ? sections[next].headingRange.start.line - 1 : lastLine;
    section.range = index.linesRange(section.headingRange.start.line, Math.max(section.headingRange.start.line, end));
  }
  // Empty only if no subsection has content either.
  for (let s = sections.length - 1; s >= 0; s--) {
    const section = sections[s];
    if (section.empty && section.children.some((child) => !child.empty)) section.empty = false;
  }
  return sections;
}

function hasContent(block: Block): boolean {
  if (block.kind === 'html') return !block.commentOnly;
  return block.kind !== 'thematicBreak' && block.kind !== 'definition';
}

/** Sections of a kind, outermost first. */
export function sectionsOfKind(sections: readonly Section[], kind: SectionKind): Section[] {
  return sections.filter((s) => s.kinds.includes(kind));
}
