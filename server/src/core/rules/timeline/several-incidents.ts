import { ORDERED_KINDS } from '../../metrics/choose';
import type { Milestone, PostmortemDocument, Section } from '../../model';
import type { Finding, Rule } from '../rule';

const DAY = 86_400_000;
/** Milestones further apart than this, from different timeline sections, belong to different incidents. */
const APART_DAYS = 30;

function sectionOf(sections: readonly Section[], line: number): Section | undefined {
  return sections.find((s) => line >= s.headingRange.start.line && line <= s.range.end.line);
}

function day(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function describe(m: Milestone): string {
  return `${m.kind} on line ${m.line + 1}, ${day(m.time)}`;
}

/**
 * A collection of incident reports, each with its own timeline section, gives the milestone engine rows from all
 * of them: it may take the start from one incident and the mitigation from another, years later. Said only when
 * the chosen milestones come from different timeline sections that far apart, and not all marked by the author.
 */
function acrossIncidents(doc: PostmortemDocument): Finding[] {
  const sections = doc.timeline.sections;
  if (sections.length < 2) return [];
  const placed = ORDERED_KINDS.flatMap((kind) => {
    const m = doc.milestones[kind];
    const section = m && m.source !== 'frontmatter' ? sectionOf(sections, m.line) : undefined;
    return m && section ? [{ m, section }] : [];
  });
  if (new Set(placed.map((p) => p.section)).size < 2 || placed.every((p) => p.m.confidence === 'marked')) return [];
  const first = placed.reduce((a, b) => (b.m.time < a.m.time ? b : a));
  const last = placed.reduce((a, b) => (b.m.time > a.m.time ? b : a));
  const days = Math.round((last.m.time - first.m.time) / DAY);
  if (first.section === last.section || days <= APART_DAYS) return [];
  return [
    {
      range: last.m.range,
      message:
        `The milestones come from timeline sections ${days} days apart (${describe(first.m)}; ${describe(last.m)}), ` +
        'so the durations span several incidents. Mark the milestones of the incident this postmortem reports ' +
        '("Mark as …" on its rows), or give each incident its own postmortem.',
    },
  ];
}

/** A page of two incident reports, newest first, half a year apart; `mark` goes on the first report's first row. */
function collection(mark: string): string {
  return [
    '---\ntitle: Edge incidents\ndate: 2024-05-02\n---\n\n# Edge incidents\n',
    '## Router errors (incident 2)\n\n### Timeline\n\n2024-05-02 (all times UTC)\n',
    `- 10:05 Alert fires for 5xx errors from the router${mark}`,
    '- 10:12 On-call engineer starts looking',
    '- 10:30 Router config rolled back, errors gone\n',
    '## Disk full (incident 1)\n\n### Timeline\n\n2023-11-20 (all times UTC)\n',
    '- 08:00 Log rotation change deployed',
    '- 08:20 Disk fills on the primary, writes fail',
  ].join('\n');
}

const rule: Rule = {
  id: 'timeline/several-incidents',
  level: 'warning',
  description: 'The milestones are taken from the timelines of different incidents, weeks or years apart.',
  rationale:
    'A page that collects several incident reports has a timeline section for each. Read as one document, its ' +
    'start may come from one incident and its mitigation from another, and every duration measured between them ' +
    `is then one no incident had. This is said when the milestones chosen come from different timeline sections ` +
    `more than ${APART_DAYS} days apart and the author has not marked them all; marking the milestones of the ` +
    'incident the postmortem reports, or giving each incident its own file, settles it.',
  example: {
    flagged: collection(''),
    better: collection(' [started]'),
  },
  check: ({ doc }) => acrossIncidents(doc),
};
export default rule;
