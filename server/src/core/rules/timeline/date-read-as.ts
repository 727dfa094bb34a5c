import { engineRule } from '../engine';

const RATIONALE = [
  'The reader corrects some slips and completes some dates rather than drop them: a month that does not fit the',
  'weekday written beside it ("Wednesday 14 June" in a postmortem about 14 May, a Wednesday) is read in the month',
  'the weekday fits; a date with no year takes the year a table header names, or the year its weekday fits;',
  '"03/04/2025" takes the day-first or month-first reading nearer the date in force, and the document\'s other',
  'such dates keep that order; a row that only its year sets apart from the two rows around it, which agree with',
  'each other, is read in their year, as a mistyped year. Each is said where it happens ("read as … because …"),',
  'so the author can write the date as meant instead of trusting the guess. A slip is reported at every row it',
  "touches; a rule applied to many rows (the header's year, the order of day and month) once.",
].join(' ');

const TIMELINE = '## Timeline\n\nAll times are UTC.\n\n';
const ROWS = '\n\n- 09:00 Broker upgrade starts\n- 10:05 Backlog drained';

export default engineRule(
  'timeline/date-read-as',
  'info',
  'A timeline date was read differently from how it is written, or completed from elsewhere than its line.',
  RATIONALE,
  { flagged: `${TIMELINE}Wednesday 14 June${ROWS}`, better: `${TIMELINE}Wednesday 14 May 2025${ROWS}` },
);
