import { blamelessRule } from './rule';

export default blamelessRule(
  "counterfactual",
  "warning",
  "What people should, could or would have done (\"should have checked\", \"failed to notice\", \"forgot to\").",
  "Counterfactuals describe a world that did not happen and judge people against knowledge they did not have. Only sentences whose subject is a person, a team, \"we\" or \"I\" are flagged: \"the health check failed to detect\" and \"it could have been worse\" are fine.",
  { flagged: "The on-call engineer should have checked the dashboard.", better: "The dashboard that showed the saturation was not among those linked from the alert." },
);
