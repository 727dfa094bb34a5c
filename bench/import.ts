/**
 * npm run bench:import: a generated Slack export of 100,000 messages (4 channels over 100 days),
 * read as a folder and as a zip, filtered to one channel and a two-hour window, then merged into a
 * postmortem. The target is under 2 s; a miss is printed, never turned into a failure.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { planImport } from '../server/src/core/import/plan';
import type { ImportFilter } from '../server/src/core/import/types';
import { readSource } from '../server/src/import/readSource';

const MESSAGES = 100_000;
const CHANNELS = ['incidents', 'deploys', 'support', 'general'];
const DAYS = 100;
const START = Date.UTC(2024, 0, 1);
const TARGET_MS = 2000;

function generate(folder: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, value: unknown) => {
    const text = JSON.stringify(value);
    files[name] = strToU8(text);
    const path = join(folder, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };
  put(
    'channels.json',
    CHANNELS.map((name, i) => ({ id: `C${i}`, name })),
  );
  put(
    'users.json',
    Array.from({ length: 50 }, (_, i) => ({ id: `U${i}`, name: `user${i}`, profile: { display_name: `User ${i}` } })),
  );
  const perDay = MESSAGES / CHANNELS.length / DAYS;
  CHANNELS.forEach((channel, c) => {
    for (let day = 0; day < DAYS; day++) {
      const date = new Date(START + day * 86_400_000).toISOString().slice(0, 10);
      const messages = Array.from({ length: perDay }, (_, m) => {
        const ts = ((START + day * 86_400_000 + (m * 86_400_000) / perDay) / 1000).toFixed(6);
        const reactions = m % 7 === 0 ? [{ name: 'pushpin', users: ['U1'], count: 1 }] : undefined;
        return {
          type: 'message',
          user: `U${(m + c) % 50}`,
          text: `Message ${m} in <#C${c}|${channel}> by <@U${m % 50}>`,
          ts,
          reactions,
        };
      });
      put(`${channel}/${date}.json`, messages);
    }
  });
  return files;
}

function time<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}

const folder = mkdtempSync(join(tmpdir(), 'hindsight-bench-import-'));
try {
  const exportFolder = join(folder, 'export');
  const files = generate(exportFolder);
  const zip = join(folder, 'export.zip');
  writeFileSync(zip, zipSync(files, { level: 6 }));
  const window: ImportFilter = {
    from: START + 40 * 86_400_000 + 14 * 3_600_000,
    to: START + 40 * 86_400_000 + 16 * 3_600_000,
  };
  const postmortem =
    '---\ntype: postmortem\ndate: 2024-02-10\n---\n\n# Bench\n\n## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n';
  console.log(`Slack export: ${MESSAGES.toLocaleString('en')} messages, ${CHANNELS.length} channels, ${DAYS} days`);
  for (const [label, path] of [
    ['folder', exportFolder],
    ['zip', zip],
  ] as const) {
    const cases: [string, ImportFilter][] = [
      ['all channels, 2-hour window', window],
      ['#incidents, 2-hour window, pinned only', { ...window, channels: ['incidents'], onlyReacted: 'pushpin' }],
      // Every day file parsed: the cost of a window as wide as the export.
      ['#incidents, all 100 days, pinned only', { channels: ['incidents'], onlyReacted: 'pushpin' }],
    ];
    for (const [what, filter] of cases) {
      time(() => readSource({ source: 'slack', path, filter })); // warm-up
      const read = time(() => readSource({ source: 'slack', path, filter }));
      const merge = time(() => planImport(postmortem, read.value));
      const total = read.ms + merge.ms;
      const verdict = total < TARGET_MS ? 'within' : 'MISSES';
      console.log(
        `  ${label.padEnd(6)} ${what.padEnd(40)} ${String(read.value.rows.length).padStart(5)} rows  ` +
          `read ${read.ms.toFixed(0).padStart(5)} ms  merge ${merge.ms.toFixed(0).padStart(4)} ms  ` +
          `(${verdict} the ${TARGET_MS} ms target)`,
      );
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
