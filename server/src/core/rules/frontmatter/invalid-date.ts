import { findStamps } from '../../time/stamps';
import type { Finding, Rule } from '../rule';

const DATE_KEYS = [
  'date',
  'started',
  'detected',
  'acknowledged',
  'mitigated',
  'resolved',
  'impact_start',
  'impact_end',
];
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function validDate(value: string): boolean {
  if (!ISO.test(value)) return false;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  const time = value.slice(11, 16);
  return (
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    (!time || (Number(time.slice(0, 2)) < 24 && Number(time.slice(3, 5)) < 60))
  );
}

const rule: Rule = {
  id: 'frontmatter/invalid-date',
  level: 'error',
  description: 'A date or milestone timestamp in the frontmatter is not a valid ISO 8601 date or date-time.',
  rationale:
    'Milestone timestamps in the frontmatter are the most trusted source for the metrics. ' +
    '`2025-02-30`, `14:05 yesterday` or `3/4/25` cannot be used, ' +
    'so the metrics silently fall back to the timeline. ' +
    'Write `YYYY-MM-DD` for dates and `YYYY-MM-DDTHH:MM:SSZ` (or with an offset) for timestamps. ' +
    'A yes/no flag (`resolved: true`, as some status page tools write) is not a timestamp and is left alone.',
  example: { flagged: 'started: 3/4/25 2pm', better: 'started: 2025-03-04T14:00:00Z' },
  check: ({ doc }) => {
    const findings: Finding[] = [];
    for (const key of DATE_KEYS) {
      const field = doc.frontmatter?.fields.get(key);
      // `resolved: true` is a flag some status page tools keep, not an attempt at a time.
      if (
        !field ||
        field.value === null ||
        field.value === undefined ||
        field.value === '' ||
        typeof field.value === 'boolean'
      )
        continue;
      const value = field.value instanceof Date ? field.value.toISOString() : String(field.value);
      if (validDate(value)) continue;
      const readable = findStamps(value).some((s) => s.date?.year && (key === 'date' || s.time));
      const expected =
        key === 'date' ? 'a date in the form YYYY-MM-DD' : 'an ISO 8601 timestamp such as 2025-03-04T14:02:00Z';
      const advice = readable ? ', although it can be read; write it in the standard form' : '';
      findings.push({
        range: field.valueRange,
        message: `\`${key}: ${value}\` is not ${expected}${advice}.`,
      });
    }
    return findings;
  },
};
export default rule;
