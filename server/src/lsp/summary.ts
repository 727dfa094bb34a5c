import type { Connection } from 'vscode-languageserver';
import { SUMMARY_REQUEST, type SummaryResult, type UriParams } from '../shared/requests';
import type { DocumentStore } from './documents';

/** `hindsight/summary`: severity and time to resolve of an open postmortem, for the status bar. */
export function registerSummary(connection: Connection, store: DocumentStore): void {
  connection.onRequest(SUMMARY_REQUEST, async ({ uri }: UriParams): Promise<SummaryResult> => {
    const document = store.documents.get(uri);
    if (!document || !(await store.classify(document)).postmortem) return { postmortem: false };
    // The version findings are computed for (the saved one with `hindsight.run: onSave`), so the numbers agree.
    const doc = store.configured(await store.subject(document));
    const severity = doc.frontmatter?.data.severity;
    const ttr = doc.metrics.ttr.minutes;
    return {
      postmortem: true,
      ...(typeof severity === 'string' || typeof severity === 'number' ? { severity: String(severity) } : {}),
      ...(ttr !== undefined ? { ttrMinutes: ttr } : {}),
    };
  });
}
