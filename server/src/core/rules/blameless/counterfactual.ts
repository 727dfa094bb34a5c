import { blamelessRule } from './rule';

export default blamelessRule(
  'counterfactual',
  'warning',
  'What people should, could or would have done ("should have checked", "failed to notice", "forgot to").',
  'Counterfactuals describe a world that did not happen and judge people against knowledge they did not have. Sentences whose subject is a person, a team, "we" or "I" are flagged, and passives of what people do ("the patch should have been reviewed"); "the health check failed to detect", "it could have been worse" and questions such as "what could we have checked?" are fine.',
  {
    flagged: 'The on-call engineer should have checked the dashboard.',
    better: 'The dashboard that showed the saturation was not among those linked from the alert.',
  },
);
