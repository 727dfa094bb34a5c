/**
 * A repository of generated postmortems for the insights benchmark: three template shapes
 * (milestones in the frontmatter, a timeline table, a timeline list), two years of dates, a mix of
 * severities, statuses, services and teams, cause sections from a pool of phrases and action-item
 * tables of several states. Only template lines recur from file to file: every event, cause, action
 * and summary names a host of its own file, so the cold report is not served by memos of lines an
 * earlier file happened to share (about 66 % of non-blank lines recurred before; 55 % now, nearly all
 * frontmatter, headings and table heads). Deterministic: the same count gives the same tree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from './generate';

const SERVICES = ['checkout', 'search', 'auth', 'payments', 'api', 'db', 'cdn', 'queue', 'mobile', 'billing'];
const TEAMS = ['platform', 'payments', 'web', 'data', 'mobile'];
const SEVERITIES = ['SEV1', 'SEV2', 'SEV2', 'SEV3', 'SEV3', 'SEV3', 'SEV4'];
const STATUSES = ['published', 'published', 'published', 'in-review', 'draft'];
const OWNERS = ['@ana', '@ben', '@cy', '@dee', '@eli', '@fay'];
const STATES = ['Done', 'Done', 'Open', 'In progress', "Won't do"];
const CAUSES = [
  'The connection pool of the {s} hosts was exhausted under a retry storm.',
  'A configuration change to the {s} load balancer was rolled out to every region at once.',
  'The certificate of the {s} endpoint expired without an alert.',
  'A schema migration locked the largest {s} table for several minutes.',
  'Disk usage on the {s} nodes reached its limit after log rotation stopped.',
  'The health check of {s} passed while requests were failing.',
  'A dependency upgrade changed the default timeout of the {s} client.',
  'Cache keys for {s} collided after a deploy changed their format.',
  'The autoscaler for {s} reacted to CPU while the bottleneck was memory.',
  'A feature flag enabled an untested code path in {s}.',
];
const ACTIONS = [
  'Alert on the error ratio of {s}',
  'Add a canary stage to {s} deploys',
  'Rehearse the failover of {s} each quarter',
  'Document the rollback of {s}',
  'Cap retries in the {s} client',
];

function at(day: Date, minutes: number): string {
  return new Date(day.getTime() + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

/** Consonants only: a name made of them is never read as a word, month, unit or time. */
const CONSONANTS = 'bcdfghjklmnpqrstvwxz';

/**
 * A host name of its own for each line `k` of postmortem `index`, so that, as in a real repository,
 * only the template's lines (headings, table heads, frontmatter keys) recur from file to file and
 * nothing else is served by what the analysis of an earlier file remembered.
 */
function hostOf(index: number, k: number): string {
  let n = index * 16 + k;
  let name = '';
  do {
    name += CONSONANTS[n % CONSONANTS.length];
    n = Math.floor(n / CONSONANTS.length);
  } while (n > 0);
  return `node-${name}`;
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)]!;
}

/** One postmortem's text; `shape` chooses where its milestones are written. */
export function insightsPostmortem(index: number): { name: string; text: string } {
  const next = random(index + 7);
  const day = new Date(
    Date.UTC(2024, 0, 1) + Math.floor(next() * 730) * 86_400_000 + Math.floor(next() * 1440) * 60_000,
  );
  const date = day.toISOString().slice(0, 10);
  const services = [...new Set([pick(SERVICES, next), ...(next() < 0.4 ? [pick(SERVICES, next)] : [])])];
  const minutes = [0, 3 + Math.floor(next() * 40), 0, 0, 0];
  minutes[2] = minutes[1]! + 2 + Math.floor(next() * 20);
  minutes[3] = minutes[2]! + 10 + Math.floor(next() * 120);
  minutes[4] = minutes[3]! + Math.floor(next() * 240);
  const [started, detected, acknowledged, mitigated, resolved] = minutes.map((m) => at(day, m));
  const shape = index % 3;
  const frontmatter = [
    '---',
    'type: postmortem',
    `title: Incident ${index} on ${services.join(' and ')}`,
    `date: ${date}`,
    `severity: ${pick(SEVERITIES, next)}`,
    `status: ${pick(STATUSES, next)}`,
    `services: [${services.join(', ')}]`,
    `teams: [${pick(TEAMS, next)}]`,
    `tags: [${pick(['deploy', 'capacity', 'config', 'dependency', 'network'], next)}]`,
    ...(shape === 0
      ? [
          `started: ${started}`,
          `detected: ${detected}`,
          `acknowledged: ${acknowledged}`,
          `mitigated: ${mitigated}`,
          `resolved: ${resolved}`,
        ]
      : ['timezone: UTC']),
    '---',
  ];
  const hhmm = (iso: string) => iso.slice(11, 16);
  const host = (k: number) => hostOf(index, k);
  const events = [
    [started!, `Errors begin on ${host(0)} [started]`],
    [detected!, `An alert for ${host(1)} pages the on-call engineer [detected]`],
    [acknowledged!, `The on-call engineer acknowledges the page about ${host(2)} [acknowledged]`],
    [mitigated!, `Traffic is moved away from ${host(3)} and errors stop [mitigated]`],
    [resolved!, `The fix is deployed to ${host(4)} and the incident is closed [resolved]`],
  ];
  const timeline =
    shape === 1
      ? [
          '| Time (UTC) | Event |',
          '| --- | --- |',
          ...events.map(([t, e]) => `| ${t!.slice(0, 10)} ${hhmm(t!)} | ${e} |`),
        ]
      : shape === 2
        ? [`${date}`, '', ...events.map(([t, e]) => `- ${hhmm(t!)} UTC ${e}`)]
        : ['The timeline is in the frontmatter.'];
  const causes = Array.from(
    { length: 1 + Math.floor(next() * 3) },
    (_, k) => `- ${pick(CAUSES, next).replace('{s}', pick(services, next))} It was first seen on ${host(5 + k)}.`,
  );
  const items = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i) => {
    const due = new Date(day.getTime() + (14 + Math.floor(next() * 60)) * 86_400_000).toISOString().slice(0, 10);
    const action = `${pick(ACTIONS, next).replace('{s}', pick(services, next))} (${host(8 + i)})`;
    return `| ${action} | ${pick(OWNERS, next)} | ${due} | ${pick(STATES, next)} | ${next() < 0.8 ? `OPS-${index * 10 + i}` : ''} |`;
  });
  const text = [
    ...frontmatter,
    '',
    `# Incident ${index}`,
    '',
    '## Summary',
    '',
    `Customers of ${services.join(' and ')} saw errors for ${minutes[3]} minutes, served by ${host(12)}.`,
    '',
    '## Timeline',
    '',
    ...timeline,
    '',
    '## Contributing factors',
    '',
    ...causes,
    '',
    '## Action items',
    '',
    '| Action | Owner | Due | Status | Ticket |',
    '| --- | --- | --- | --- | --- |',
    ...items,
    '',
  ].join('\n');
  return { name: `${date}-incident-${String(index).padStart(5, '0')}.md`, text };
}

/** `count` postmortems under `<root>/postmortems/<year>/`; returns their paths. */
export function generateInsightsTree(root: string, count: number): string[] {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const { name, text } = insightsPostmortem(i);
    const folder = join(root, 'postmortems', name.slice(0, 4));
    mkdirSync(folder, { recursive: true });
    const path = join(folder, name);
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}
