import { APART_DAYS, spreadAcrossIncidents } from '../../metrics/incidentSpread';
import type { Milestone, PostmortemDocument } from '../../model';
import type { Finding, Rule } from '../rule';

function day(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function describe(m: Milestone): string {
  return `${m.kind} on line ${m.line + 1}, ${day(m.time)}`;
}

/** Said where the later of the two milestones stands, since that is the one most likely taken from another page. */
function acrossIncidents(doc: PostmortemDocument): Finding[] {
  const spread = spreadAcrossIncidents(doc);
  if (!spread) return [];
  const { first, last, days } = spread;
  return [
    {
      range: last.range,
      message:
        `The milestones come from timeline sections ${days} days apart (${describe(first)}; ${describe(last)}), ` +
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
