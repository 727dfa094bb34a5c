/**
 * Throughput of the blameless rules beside alex (the closest existing tool) on the same prose.
 */
import { markdown as alex } from 'alex';
import { analyzeText } from '../server/src/core/analyzer';
import { defaultConfig } from '../server/src/core/config/config';
import { runRules } from '../server/src/core/rules/run';
import { RULES } from '../server/src/core/rules';
import { timeMedian } from './measure';

/** Prose in the shape of a postmortem's narrative, some of it blaming, most of it not. */
export function prose(paragraphs: number): string {
  const sentences = [
    'The deploy job restarted every pod at once, which caused a brief outage for checkout.',
    'The on-call engineer should have checked the dashboard before restarting the primary.',
    'Latency on the search cluster rose to four seconds as the cache warmed after the failover.',
    'We rolled back the release at 14:47 and error rates returned to normal within two minutes.',
    'Human error during the migration left the replica in read-only mode.',
    'The alert fired nine minutes after impact began because it waits five minutes above threshold.',
    'Engineers should be more careful when editing the shared configuration file.',
    'The health check failed to detect the bad response because it only checks the status code.',
  ];
  const out: string[] = ['# Narrative', ''];
  for (let i = 0; i < paragraphs; i++)
    out.push(Array.from({ length: 5 }, (_, j) => sentences[(i * 5 + j) % sentences.length]).join(' '), '');
  return out.join('\n');
}

export function blamelessThroughput(text: string, runs: number): { hindsight: number; alex: number; bytes: number } {
  const rules = RULES.filter((r) => r.id.startsWith('blameless/'));
  const config = defaultConfig();
  // Fresh text each run so no sentence cache is hit: the rules' real cost, parse included.
  const variants = Array.from({ length: runs + 2 }, (_, i) => text.replace(/\. /g, ` r${i}. `));
  const hindsight = timeMedian(runs, (i) => runRules(analyzeText(variants[i + 1]), config, { rules }));
  const alexMs = timeMedian(runs, () => alex(text));
  return { hindsight, alex: alexMs, bytes: Buffer.byteLength(text) };
}
