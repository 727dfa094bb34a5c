import { blamelessRule } from './rule';

export default blamelessRule(
  'single-root-cause',
  'info',
  'A single root cause that is a person or a human action.',
  '"The root cause was the engineer running the script" ends the analysis at a person. A "Root cause" heading, or a root cause that names a system condition, is normal usage and left alone.',
  {
    flagged: 'The root cause was an engineer running the wrong script.',
    better: 'Contributing factors: the two scripts share a name; the wrong one needs no confirmation.',
  },
);
