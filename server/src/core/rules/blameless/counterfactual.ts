import { blamelessRule } from './rule';

export default blamelessRule(
  'counterfactual',
  'warning',
  'What people should, could or would have done ("should have checked", "failed to notice", "forgot to").',
  'Counterfactuals describe a world that did not happen and judge people against knowledge they did not have. Sentences whose subject is a person, a team, "we" or "I" are flagged, and passives or nouns of a duty left undone with no one named ("the patch should have been reviewed", "the checklist was not followed", "failure to follow the procedure"), a perfect that leaves its act out ("in hindsight we shouldn\'t have") and a better course not taken ("it would have been a good idea to test the restore"); "the health check failed to detect", "the spike was not noticed for an hour", "it could have been worse", "we could have waited, but…", "we could have failed over, but it would not have helped" and questions such as "what could we have checked?" are fine.',
  {
    flagged: 'The on-call engineer should have checked the dashboard.',
    better: 'The dashboard that showed the saturation was not among those linked from the alert.',
  },
);
