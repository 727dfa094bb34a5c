import { engineRule } from '../engine';

export default engineRule(
  'timeline/assumed-year',
  'info',
  'A timeline date gives no year, and nothing in the document does.',
  'Without a year the date was read in the current year, which is wrong for any postmortem written about an ' +
    'earlier one. The year is taken, in order, from a table header such as "Date (2019)", a weekday ' +
    'written beside the date, the frontmatter `date`, the title or the file name; this is reported only ' +
    'when none of them gives it.',
  { flagged: 'Mar 5\n\n- 14:05 Deploy starts', better: 'Tuesday, Mar 5 2024\n\n- 14:05 Deploy starts' },
);
