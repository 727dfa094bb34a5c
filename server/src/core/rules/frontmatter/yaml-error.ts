import { engineRule } from '../engine';

export default engineRule(
  'frontmatter/yaml-error',
  'error',
  'The frontmatter is not valid YAML (or, fenced with `+++`, TOML), or is never closed.',
  'Milestone timestamps, severity and status live in the frontmatter. ' +
    'When it cannot be read, none of them can be used. The problem is reported at the key whose value broke; ' +
    'the rest of the document is still analysed.',
  { flagged: 'title: [Checkout errors', better: 'title: "[Checkout] errors"' },
);
