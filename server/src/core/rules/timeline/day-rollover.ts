import type { Rule } from '../rule';

const rule: Rule = {
  id: 'timeline/day-rollover',
  level: 'info',
  description: 'A bare time is read as the next day because the clock passed midnight, but no date says so.',
  rationale:
    'After 23:50, an entry at 00:10 is taken to be the next day. That is almost always right, but a reader ' +
    'has to work it out, and an entry that is merely out of order looks the same. A date line or a full ' +
    'date on the entry removes the guess.',
  example: {
    flagged: '- 23:50 Alert fires\n- 00:10 Lock released',
    better: '- 23:50 Alert fires\n\n2024-05-21\n\n- 00:10 Lock released',
  },
  check: ({ doc }) =>
    doc.timeline.entries
      .filter((e) => e.dayRollover && e.time !== undefined)
      .map((e) => ({
        range: e.timeRange ?? e.range,
        message:
          'This time is read as the day after the entry above, because the clock passed midnight; write the ' +
          'date so no one has to guess.',
      })),
};
export default rule;
