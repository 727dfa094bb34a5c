import type { Rule } from '../rule';

const rule: Rule = {
  id: 'frontmatter/unknown-key',
  level: 'info',
  description: 'A frontmatter key Hindsight does not know (possibly a typo, such as `serverity`).',
  rationale: 'A misspelt key is silently ignored: `serverity: SEV1` leaves the postmortem without a severity. Keys your team uses on purpose can be added to `frontmatter.known` in the configuration.',
  example: { flagged: 'serverity: SEV1', better: 'severity: SEV1' },
  check: ({ doc, config }) => {
    const known = new Set(config.frontmatter.known.map((k) => k.toLowerCase()));
    return [...(doc.frontmatter?.fields.values() ?? [])]
      .filter((f) => !known.has(f.key.toLowerCase()) && !/^x[-_]/i.test(f.key))
      .map((f) => ({ range: f.keyRange, message: `\`${f.key}\` is not a key Hindsight knows; if it is meant, add it to frontmatter.known in .hindsight.json.` }));
  },
};
export default rule;
