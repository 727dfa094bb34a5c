import type { Section, SectionKind } from '../model';

/**
 * Where a candidate sits in the document's outline, as one of a few groups of sections: a row under
 * "Root cause" or "Backstory" tells of how the trouble was set up, one under "Action items" of what
 * came after, one under "Summary" or "Impact" restates the incident as a whole.
 */
export type SectionGroup = 'summary' | 'timeline' | 'cause' | 'resolution' | 'followup';

const GROUP_OF_KIND: Partial<Record<SectionKind, SectionGroup>> = {
  summary: 'summary',
  impact: 'summary',
  'customer-message': 'summary',
  timeline: 'timeline',
  detection: 'timeline',
  response: 'timeline',
  communication: 'timeline',
  'evidence-log': 'timeline',
  'actions-taken': 'timeline',
  'root-cause': 'cause',
  'contributing-factors': 'cause',
  trigger: 'cause',
  background: 'cause',
  'five-whys': 'cause',
  resolution: 'resolution',
  'action-items': 'followup',
  'lessons-learned': 'followup',
  'what-went-well': 'followup',
  'what-could-be-improved': 'followup',
  'where-we-got-lucky': 'followup',
  'post-project-tasks': 'followup',
  'supporting-information': 'followup',
};

/** Heading words the section reader has no kind for, but which say what the section tells. */
const GROUP_WORDS: [SectionGroup, RegExp][] = [
  ['cause', /\b(?:backstory|history|prior|leadup|lead-up|setup|set-up|how we got here|what led)\b/i],
  [
    'followup',
    /\b(?:follow[\s-]?ups?|next steps|aftermath|afterwards|post[\s-]?incident|retro\w*|postmortem review)\b/i,
  ],
];

/** One heading: its line and the group its section (or the nearest ancestor that has one) belongs to. */
export interface SectionSpan {
  line: number;
  group: SectionGroup | undefined;
}

function ownGroup(section: Section): SectionGroup | undefined {
  for (const kind of section.kinds) if (GROUP_OF_KIND[kind]) return GROUP_OF_KIND[kind];
  return GROUP_WORDS.find(([, words]) => words.test(section.heading))?.[0];
}

/** The outline as the milestone engine needs it: plain data, in document order, cheap to compare. */
export function sectionSpans(sections: readonly Section[]): SectionSpan[] {
  const groups = new Map<Section, SectionGroup | undefined>();
  return sections.map((section) => {
    const group = ownGroup(section) ?? (section.parent ? groups.get(section.parent) : undefined);
    groups.set(section, group);
    return { line: section.headingRange.start.line, group };
  });
}

/** The group of the section a line belongs to: the last heading at or before it (spans are in document order). */
export function groupAt(spans: readonly SectionSpan[], line: number): SectionGroup | undefined {
  let low = 0;
  let high = spans.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].line <= line) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found >= 0 ? spans[found].group : undefined;
}
