import { blamelessRule } from './rule';

export default blamelessRule(
  "person-as-cause",
  "warning",
  "A person as the agent of the failure (\"Jacob restarted the validator, which caused\u2026\", \"caused by the DBA\", \"the operator pressed the wrong button\").",
  "When a person is the subject of the failure, the analysis stops at them. Who acted is read from the sentence's grammar: the subject of the clause, or the agent after \"by\" in a passive. Responders named in the timeline doing response work are fine, and so are attackers.",
  { flagged: "The on-call engineer ran the migration, causing the outage.", better: "The migration ran against production because the script defaulted to it." },
);
