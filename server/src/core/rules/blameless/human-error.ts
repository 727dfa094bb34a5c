import { blamelessRule } from './rule';

export default blamelessRule(
  'human-error',
  'warning',
  '"Human error", "operator error", "fat-fingered" and other labels that stand in for an explanation.',
  'Human error is a label, a judgement made afterwards, not an explanation: it names who without saying why the action made sense at the time or what let it do harm. Slips said of people ("mistyped", "a mistake by the DBA", "his error") count too, and so do labels in someone\'s quoted words; sentences that reject the framing ("human error is never a root cause"), a label only mentioned in quotes, "people make mistakes" and a mistake in a thing ("a typo in the config") are left alone. The quick fix turns the label into a prompt to name the missing guard.',
  {
    flagged: 'The outage was caused by human error.',
    better: 'The deploy tool accepted a production target without confirmation.',
  },
  true,
);
