import { blamelessRule } from './rule';

export default blamelessRule(
  'normative',
  'warning',
  'Verdicts on decisions ("mistakenly", "wrongly", "rushed", "ignored the alert", "poor judgement").',
  'Normative words grade a decision by its outcome. Say what was believed at the time, why it was reasonable then, and what later showed otherwise.',
  {
    flagged: 'The team mistakenly concluded the router had failed.',
    better:
      'The team concluded the router had failed, because the symptoms matched a hardware fault; packet captures later showed an attack.',
  },
  true,
);
