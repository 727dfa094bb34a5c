import type { Finding, Rule } from '../rule';
import { adoptedFrontmatter } from './adopted';
import { valueText } from '../../frontmatter/writing';

const rule: Rule = {
  id: 'frontmatter/invalid-value',
  level: 'error',
  description: 'A severity, status or template that is not one of the allowed values.',
  rationale:
    'Severity and status drive everything downstream (required sections, review, dashboards). ' +
    '"Sev 1", "high" or "final" will not be counted where "SEV1" and "published" are. ' +
    'The allowed values are configurable. ' +
    'Frontmatter written for another tool (no `type: postmortem` or `template:`) keeps its own vocabulary, ' +
    'so there the finding is a hint.',
  example: { flagged: 'severity: high\nstatus: final', better: 'severity: SEV2\nstatus: published' },
  options: {
    hintUnlessAdopted: {
      type: 'boolean',
      default: true,
      description:
        'Report as a hint on a document whose frontmatter was not written for Hindsight ' +
        '(its own vocabulary, such as `severity: disrupted`).',
    },
  },
  fixable: true,
  check: ({ doc, config, options }) => {
    const findings: Finding[] = [];
    const atMost = options.hintUnlessAdopted === true && !adoptedFrontmatter(doc) ? ('hint' as const) : undefined;
    const checkKey = (key: string, allowed: string[], normalise: (v: string) => string) => {
      const field = doc.frontmatter?.fields.get(key);
      if (!field || field.value === undefined || field.value === null || field.value === '') return;
      const value = String(field.value);
      if (allowed.includes(value)) return;
      const close = allowed.find((a) => normalise(a) === normalise(value));
      findings.push({
        range: field.valueRange,
        message: `\`${key}: ${value}\` is not one of ${allowed.join(', ')}${close ? `; did you mean ${close}?` : '.'}`,
        atMost,
        fixes: close
          ? [
              {
                title: `Change to ${close}`,
                edits: [{ range: field.valueRange, newText: valueText(doc.frontmatter, close) }],
              },
            ]
          : [],
      });
    };
    checkKey('severity', config.frontmatter.severities, (v) =>
      v
        .toUpperCase()
        .replace(/[\s_-]/g, '')
        .replace(/^S(?=\d)/, 'SEV'),
    );
    checkKey('status', config.frontmatter.statuses, (v) =>
      v
        .toLowerCase()
        .replace(/[\s_]/g, '-')
        .replace(/^review$/, 'in-review'),
    );
    checkKey('template', Object.keys(config.templates), (v) => v.toLowerCase().replace(/[\s_]/g, '-'));
    return findings;
  },
};
export default rule;
