import type { Rule } from '../rule';
import { adoptedFrontmatter } from './adopted';

const rule: Rule = {
  id: 'frontmatter/unknown-key',
  level: 'info',
  description: 'A frontmatter key Hindsight does not know (possibly a typo, such as `serverity`).',
  rationale:
    'A misspelt key is silently ignored: `serverity: SEV1` leaves the postmortem without a severity. ' +
    'Keys your team uses on purpose can be added to `frontmatter.known` in the configuration. ' +
    'Frontmatter written for another tool (no `type: postmortem` or `template:`) is not checked, ' +
    'unless `hindsight:strict` is in force.',
  example: { flagged: 'serverity: SEV1', better: 'severity: SEV1' },
  options: {
    onlyWhenAdopted: {
      type: 'boolean',
      default: true,
      description:
        'Check only frontmatter written for Hindsight (`type: postmortem` or `template:`), ' +
        "not a site generator's or another tool's keys.",
    },
  },
  check: ({ doc, config, options }) => {
    // `slug`, `linkTitle` or `affected` belong to the site generator or status tool that wrote them.
    if (options.onlyWhenAdopted === true && !adoptedFrontmatter(doc)) return [];
    const known = new Set(config.frontmatter.known.map((k) => k.toLowerCase()));
    return [...(doc.frontmatter?.fields.values() ?? [])]
      .filter((f) => !known.has(f.key.toLowerCase()) && !/^x[-_]/i.test(f.key))
      .map((f) => ({
        range: f.keyRange,
        message:
          `\`${f.key}\` is not a key Hindsight knows; ` +
          'if it is meant, add it to frontmatter.known in .hindsight.json.',
      }));
  },
};
export default rule;
