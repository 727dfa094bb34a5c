import { blamelessRule } from './rule';

export default blamelessRule(
  'normative',
  'warning',
  'Verdicts on decisions ("mistakenly", "wrongly", "rushed", "ignored the alert", "poor judgement", ' +
    '"a botched update").',
  'Normative words grade a decision by its outcome. Say what was believed at the time, why it was reasonable then, and what later showed otherwise. A judging adjective on something people did ("a botched rotation", "a hasty change") is a verdict whoever the sentence names; so is an adverb only a mind earns ("wrongly assuming"), while one that systems share ("the router incorrectly forwarded") is not.',
  {
    flagged: 'The team mistakenly concluded the router had failed.',
    better:
      'The team concluded the router had failed, because the symptoms matched a hardware fault; packet captures later showed an attack.',
  },
  true,
);
