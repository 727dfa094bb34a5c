import type { Rule } from '../rule';

const rule: Rule = {
  id: 'timeline/missing-evidence',
  level: 'off',
  description: 'A timeline entry links to no evidence (dashboard, alert, log, chat message).',
  rationale:
    'An entry that links to the graph, alert or message it describes can be checked, and lets a reader see ' +
    'what responders saw at the time. Off by default: many teams keep evidence elsewhere.',
  example: {
    flagged: '| 14:11 | Alert fires |',
    better: '| 14:11 | Alert fires ([alert](https://alerts.example.com/a/8812)) |',
  },
  check: ({ doc }) =>
    doc.timeline.sections.length === 0
      ? []
      : doc.timeline.entries
          .filter((e) => e.time !== undefined && e.links.length === 0)
          .map((e) => ({
            range: e.range,
            message:
              'This entry links to no evidence: add a link to the dashboard, alert, log or message it describes.',
          })),
};
export default rule;
