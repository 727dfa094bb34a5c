import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { buildReport } from '../core/insights/aggregate';
import { IncidentCache } from '../core/insights/collect';
import { ReportMemory } from '../core/insights/reportMemory';
import { todayUtc } from '../core/rules/run';
import { reportHtml } from '../report/reportHtml';
import { INSIGHTS_REQUEST, type InsightsParams, type InsightsResult } from '../shared/requests';
import type { DocumentStore } from './documents';

const NONCE = /^[A-Za-z0-9+/_-]{16,128}={0,2}$/;

/** A folder URI the server can walk: a file URI naming a folder that exists. */
function folderPath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    const path = fileURLToPath(uri);
    return statSync(path).isDirectory() ? path : undefined;
  } catch {
    return undefined;
  }
}

/** The insights of one folder, kept between requests so a save re-reads one file, not the tree. */
export class FolderInsights {
  private readonly caches = new Map<string, { include: string; cache: IncidentCache; memory: ReportMemory }>();
  private walkNext = false;

  /**
   * The figures for `folder`, walking it the first time (or when the include globs changed), and the
   * memory its reports share, so a report after a save figures again only what the save changed.
   */
  collect(folder: string, include: readonly string[] | undefined, changed: readonly string[]) {
    const key = JSON.stringify(include ?? null);
    const known = this.caches.get(folder);
    if (!known || known.include !== key) {
      const cache = new IncidentCache([folder], { include, base: folder });
      const memory = new ReportMemory();
      this.caches.set(folder, { include: key, cache, memory });
      return { ...cache.refresh(), memory };
    }
    // A saved file the last walk did not find may be a new postmortem: walk again (unchanged files are kept).
    if (this.walkNext || changed.length === 0 || changed.some((path) => !known.cache.has(path))) {
      this.walkNext = false;
      return { ...known.cache.refresh(), memory: known.memory };
    }
    return { ...known.cache.update(changed), memory: known.memory };
  }

  /** Files were created or deleted on disk: walk again next time, keeping the unchanged analyses. */
  filesChanged(): void {
    this.walkNext = true;
  }

  /** Configuration changed, which changes every analysis: start afresh next time. */
  forget(): void {
    this.caches.clear();
  }
}

export function registerInsights(connection: Connection, store: DocumentStore, insights: FolderInsights): void {
  connection.onRequest(INSIGHTS_REQUEST, async (params: InsightsParams): Promise<InsightsResult | null> => {
    const folder = folderPath(params?.folder);
    if (!folder || typeof params.nonce !== 'string' || !NONCE.test(params.nonce)) return null;
    const changed = (Array.isArray(params.changed) ? params.changed : []).flatMap((uri) => {
      const path = typeof uri === 'string' && uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
      return path ? [path] : [];
    });
    const settings = await store.settingsFor(params.folder);
    const { incidents, skipped, slos, memory } = insights.collect(folder, settings.include, changed);
    const report = buildReport(
      incidents,
      skipped,
      { today: todayUtc(), groupBy: 'severity', minConfidence: 'high', staleAfterDays: 10, dueWithinDays: 7 },
      { slos },
      memory,
    );
    return {
      html: reportHtml(report, { nonce: params.nonce }),
      postmortems: report.postmortems,
      skipped: skipped.length,
    };
  });
}
