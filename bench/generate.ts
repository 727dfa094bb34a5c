/**
 * Deterministic postmortems of a given length: frontmatter, prose sections, a large timeline
 * table and an action-items table, in the proportions of a long real write-up.
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

const WORDS = 'the queue worker retried requests while the cache warmed and latency on checkout rose above the alert threshold before traffic shifted to the healthy region'.split(' ');
const EVENTS = ['Alert fires for checkout latency', 'On-call acknowledges the page', 'Error rate on payments rises', 'Deploy of api v2 starts', 'Rollback of api v2 complete', 'Traffic shifted to eu-west-2', 'Cache hit ratio back to normal', 'Status page updated'];

export interface Generated {
  text: string;
  /** Line index of a prose line and of a timeline row in the middle, for edit timings. */
  proseLine: number;
  tableLine: number;
}

export function generatePostmortem(lineCount: number, seed = 42): Generated {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const sentence = () => Array.from({ length: 12 + Math.floor(next() * 10) }, () => pick(WORDS)).join(' ') + '.';
  const lines = [
    '---',
    'type: postmortem',
    'title: Checkout degradation',
    'date: 2025-03-04',
    'severity: SEV2',
    'status: draft',
    'authors: [sam, kim]',
    'started: 2025-03-04T14:02:00Z',
    'resolved: 2025-03-04T18:10:00Z',
    '---',
    '',
    '# Checkout degradation',
    '',
  ];
  const proseShare = Math.floor(lineCount * 0.25);
  const tableShare = Math.floor(lineCount * 0.6);
  const sections = ['Summary', 'Impact', 'Detection', 'Response', 'Contributing factors', 'Resolution and recovery', 'What went well', 'What could be improved'];
  const perSection = Math.max(1, Math.floor(proseShare / sections.length));
  for (const section of sections.slice(0, 4)) {
    lines.push(`## ${section}`, '');
    for (let i = 0; i < perSection; i += 2) lines.push(sentence(), '');
  }
  const proseLine = lines.length - 2;
  lines.push('## Timeline', '', 'All times in UTC.', '', '| Time | Event |', '| ---- | ----- |');
  let time = Date.UTC(2025, 2, 4, 14, 0);
  const tableStart = lines.length;
  for (let i = 0; i < tableShare; i++) {
    time += 20_000 + Math.floor(next() * 40_000);
    lines.push(`| ${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} | ${pick(EVENTS)} ([log](https://logs.example.com/${i})) |`);
  }
  const tableLine = tableStart + Math.floor(tableShare / 2);
  lines.push('');
  for (const section of sections.slice(4)) {
    lines.push(`## ${section}`, '');
    for (let i = 0; i < perSection; i += 2) lines.push(sentence(), '');
  }
  lines.push('## Action items', '', '| Action | Owner | Due | Status | Ticket |', '| ------ | ----- | --- | ------ | ------ |');
  let item = 0;
  while (lines.length < lineCount) lines.push(`| Add a guard for case ${item} | @owner${item % 7} | 2025-04-${String((item % 28) + 1).padStart(2, '0')} | open | OPS-${100 + item++} |`);
  return { text: lines.slice(0, Math.max(lineCount, lines.length)).join('\n') + '\n', proseLine, tableLine };
}
