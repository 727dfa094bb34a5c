/**
 * Deterministic postmortems of an exact number of lines: frontmatter with milestone timestamps,
 * prose sections, a large `| Time (UTC) | Event |` timeline table and an action-items table, in
 * the proportions of a long real write-up (about 60% timeline, 5% action items, the rest prose).
 */

/** A small seeded generator (mulberry32), so every run measures the same text. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'The payments-api deploy doubled the number of connections each pod opened to the card processor.',
  'Checkout p99 latency rose from 380 ms to {n} ms while the error rate stayed under {p}%.',
  'The `max_idle_conns` setting was copied from the staging config, where traffic is a tenth of production.',
  'Retries in the checkout service multiplied the load on the processor during the worst {n} seconds.',
  'The on-call engineer compared the deploy timeline with the [latency dashboard](https://grafana.example.com/d/{n}) to find the change.',
  'About {p}% of checkout attempts failed, and most customers retried successfully within a minute.',
  'Synthetic checks kept passing because they run against a region that had not yet received the deploy.',
  'The rollback took longer than expected because the previous image had been pruned from the registry.',
  '**No customer data was lost**, but {n} orders were delayed until the payment queue drained.',
  'We had a runbook for processor timeouts, but it did not mention connection limits.',
  'Support saw {n} tickets about slow payments before the status page was updated.',
  'The alert threshold was set in 2023 and never revisited after the traffic doubled.',
];

const ROUTINE = [
  'Checkout p99 latency at {n} ms',
  'Processor connection count at {n} per pod',
  'Dashboard of connection counts shared in the incident channel ([graph](https://grafana.example.com/d/{n}))',
  'Status page updated with the current impact',
  'Support reports {n} new tickets about slow payments',
  'Payment queue depth at {n} messages',
  'Incident commander asks for a summary of the processor errors',
  'Engineer compares processor logs across the two regions',
];

export interface Generated {
  text: string;
  /** Zero-based line of a prose paragraph and of a timeline row, both near the middle, for edits. */
  proseLine: number;
  tableLine: number;
  timelineRows: number;
  actionRows: number;
}

/** A postmortem of exactly `lineCount` lines (at least 60). */
export function generatePostmortem(lineCount: number, seed = 42): Generated {
  if (lineCount < 60) throw new RangeError('generatePostmortem needs at least 60 lines');
  const next = random(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const fill = (template: string) => template.replace('{n}', String(int(20, 9000))).replace('{p}', String(int(1, 9)));
  const paragraph = () =>
    Array.from({ length: int(2, 4) }, () => fill(SENTENCES[int(0, SENTENCES.length - 1)])).join(' ');

  // Fixed lines: frontmatter and title (17), 8 prose section headings (16), timeline (7), action items (4).
  const rest = lineCount - 44;
  const timelineRows = Math.round(rest * 0.6);
  let actionRows = Math.max(3, Math.round(rest * 0.05));
  const paragraphs = Math.floor((rest - timelineRows - actionRows) / 2);
  actionRows = rest - timelineRows - paragraphs * 2;

  const times: number[] = [];
  for (let t = Date.UTC(2025, 2, 4, 14, 2), i = 0; i < timelineRows; i++, t += int(20, 80) * 1000) times.push(t);
  const iso = (i: number) => new Date(times[i]).toISOString().replace('.000Z', 'Z');
  const detected = Math.max(1, Math.floor(timelineRows * 0.02));
  const milestones = new Map([
    [0, 'payments-api 4.12 rollout begins on prod-eu-1'],
    [detected, 'Alert fires: checkout p99 latency above 2 s'],
    [detected + 1, 'On-call acknowledges the page and opens the incident channel'],
    [Math.floor(timelineRows * 0.85), 'Rollback to 4.11 complete, latency under 400 ms again'],
    [timelineRows - 1, 'Error rate at baseline for 30 minutes, incident resolved'],
  ]);

  const lines = [
    '---',
    'type: postmortem',
    'title: Checkout latency after the payments deploy',
    'date: 2025-03-04',
    'severity: SEV2',
    'status: draft',
    'authors: [sam, kim]',
    'services: [payments-api, checkout]',
    `started: ${iso(0)}`,
    `detected: ${iso(detected)}`,
    `acknowledged: ${iso(detected + 1)}`,
    `mitigated: ${iso(Math.floor(timelineRows * 0.85))}`,
    `resolved: ${iso(timelineRows - 1)}`,
    '---',
    '',
    '# Checkout latency after the payments deploy',
    '',
  ];
  const proseLines: number[] = [];
  const section = (heading: string, count: number) => {
    lines.push(`## ${heading}`, '');
    for (let i = 0; i < count; i++) proseLines.push(lines.push(paragraph(), '') - 2);
  };
  const share = (k: number) => Math.floor(paragraphs / 8) + (k < paragraphs % 8 ? 1 : 0);
  ['Summary', 'Impact', 'Detection', 'Response'].forEach((h, k) => section(h, share(k)));

  lines.push('## Timeline', '', 'All times are UTC.', '', '| Time (UTC) | Event |', '| --- | --- |');
  const tableStart = lines.length;
  for (let i = 0; i < timelineRows; i++)
    lines.push(`| ${iso(i)} | ${milestones.get(i) ?? fill(ROUTINE[int(0, ROUTINE.length - 1)])} |`);
  lines.push('');

  ['Contributing factors', 'Resolution and recovery', 'What went well', 'What could be improved'].forEach((h, k) =>
    section(h, share(k + 4)),
  );

  lines.push('## Action items', '', '| Action | Owner | Due | Status | Ticket |', '| --- | --- | --- | --- | --- |');
  const states = ['open', 'in progress', 'done'];
  for (let i = 0; i < actionRows; i++) {
    lines.push(
      `| Add a guard for processor connection case ${i + 1} | @${['lena', 'omar', 'sam', 'kim'][i % 4]} | 2025-04-${String((i % 28) + 1).padStart(2, '0')} | ${states[i % 3]} | PAY-${800 + i} |`,
    );
  }

  const middle = lineCount / 2;
  const proseLine = proseLines.reduce((best, l) => (Math.abs(l - middle) < Math.abs(best - middle) ? l : best));
  const tableLine = Math.min(tableStart + timelineRows - 2, Math.max(tableStart + 1, Math.round(middle)));
  return { text: lines.join('\n') + '\n', proseLine, tableLine, timelineRows, actionRows };
}

/**
 * The same line with a one-word change numbered `n`, keeping its kind: a table row stays a row
 * with the same cells, a paragraph stays a paragraph. Different `n`, different text.
 */
export function editLine(line: string, n: number): string {
  return line.startsWith('|') ? line.replace(/ \|$/, ` (update ${n}) |`) : `${line} Updated ${n}.`;
}
