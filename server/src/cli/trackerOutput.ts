import type { PostmortemDocument } from '../core/model';
import type { ExportRun, RefreshRun } from '../trackers/run';

/** What `hindsight export` and `hindsight refresh` print: one line an item (text), or one JSON report. */

const where = (doc: PostmortemDocument, index: number) => {
  const item = doc.actionItems[index];
  return { line: item ? item.range.start.line + 1 : 0, action: item?.action.text.trim() ?? '' };
};

export function exportReport(file: string, tracker: string, doc: PostmortemDocument, run: ExportRun, written: boolean) {
  return {
    file,
    tracker,
    written,
    created: run.result.created.map((t) => ({
      ...where(doc, t.index),
      key: t.key,
      url: t.url,
      ...(t.note ? { note: t.note } : {}),
    })),
    skipped: run.plan.skipped.map((s) => ({ ...where(doc, s.index), ticket: s.ticket })),
    unusable: run.plan.unusable.map((u) => ({ ...where(doc, u.index), reason: u.reason })),
    failed: run.result.failed.map((f) => ({ ...where(doc, f.index), error: f.error })),
  };
}

export function printExportText(report: ReturnType<typeof exportReport>, out: (line: string) => void): void {
  for (const c of report.created)
    out(`${report.file}:${c.line} created ${c.key} ${c.url}${c.note ? ` (${c.note})` : ''}`);
  for (const s of report.skipped) out(`${report.file}:${s.line} skipped: already tracked as ${s.ticket}`);
  for (const u of report.unusable) out(`${report.file}:${u.line} not exported: ${u.reason}`);
  for (const f of report.failed) out(`${report.file}:${f.line} failed: ${f.error}`);
  const counts = `${report.created.length} created, ${report.skipped.length} skipped, ${report.failed.length} failed`;
  out(`${counts} in ${report.tracker}${report.written ? `; keys written to ${report.file}` : ''}`);
}

export function refreshReport(file: string, tracker: string, run: RefreshRun, written: boolean) {
  return {
    file,
    tracker,
    written,
    updated: run.edits.length,
    states: Object.fromEntries(run.states),
    failed: run.failed,
  };
}

export function printRefreshText(report: ReturnType<typeof refreshReport>, out: (line: string) => void): void {
  for (const [key, state] of Object.entries(report.states)) out(`${key} ${state}`);
  for (const f of report.failed) out(`${f.key} failed: ${f.error}`);
  out(
    `${Object.keys(report.states).length} read, ${report.failed.length} failed` +
      (report.written ? `; status updated in ${report.file}` : ''),
  );
}
