import { basename } from 'node:path';
import type { LoadedConfig } from './config/load';
import { computeMetrics } from './metrics/durations';
import type { PostmortemDocument, Problem } from './model';
import { runRules, type RunOptions } from './rules/run';
import { unknownRuleIdProblems } from './config/ruleIds';

/** The document as the configuration sees it: metrics recomputed when their definitions are configured. */
export function withConfiguredMetrics(doc: PostmortemDocument, loaded: LoadedConfig): PostmortemDocument {
  return Object.keys(loaded.config.metrics).length === 0
    ? doc
    : { ...doc, metrics: computeMetrics(doc.milestones, loaded.config.metrics) };
}

/** Everything Hindsight reports for one document: the engine's findings and every enabled rule's. */
export function checkDocument(doc: PostmortemDocument, loaded: LoadedConfig, options: RunOptions = {}): Problem[] {
  const problems = runRules(withConfiguredMetrics(doc, loaded), loaded.config, options);
  problems.unshift(...unknownRuleIdProblems(loaded));
  if (loaded.error) {
    problems.unshift({
      code: 'config/invalid',
      severity: 'error',
      message:
        `${basename(loaded.error.file)} ${loaded.error.message}; ` +
        `${loaded.error.consequence ?? 'the default settings are used until it is fixed'}.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
  }
  return problems;
}
