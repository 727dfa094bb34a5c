import { blamelessRule } from './rule';

export default blamelessRule(
  'hindsight',
  'info',
  'Minimising words ("simply", "just", "obviously", "clearly") attached to what a person did or knew.',
  '"He simply had to restart it" makes an action look obvious that was not obvious at the time. Only uses attached to a person\'s action or knowledge are flagged: "just-in-time", "just before" and "clearly visible" are fine. The quick fix deletes the word.',
  {
    flagged: 'She simply had to roll back.',
    better: 'Rolling back was the fix, once the failing release was identified.',
  },
  true,
);
