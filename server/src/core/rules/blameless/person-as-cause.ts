import { blamelessRule } from './rule';

export default blamelessRule(
  'person-as-cause',
  'warning',
  'A person as the agent of the failure ("Jacob restarted the validator, which caused\u2026", "caused by the DBA").',
  'When a person is the subject of the failure, the analysis stops at them, whether the sentence names them as its subject, after "by" in a passive ("a change pushed by the release engineer"), or behind the thing a cause names ("the result of a purge run by a contractor", "caused by his script"). Responders named in the timeline doing response work are fine, and so are attackers.',
  {
    flagged: 'The on-call engineer ran the migration, causing the outage.',
    better: 'The migration ran against production because the script defaulted to it.',
  },
);
