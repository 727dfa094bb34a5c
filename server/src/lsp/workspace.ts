import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DocumentDiagnosticReportKind, type CancellationToken, type WorkspaceDiagnosticReport, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import { collectTargets } from '../cli/files';
import { analyzeText } from '../core/analyzer';
import { checkDocument } from '../core/check';
import { tooLargeProblem, refusedDocument } from '../core/document';
import { DEFAULT_MAX_BYTES } from '../core/options';
import { toDiagnostic } from './convert';
import type { DocumentStore } from './documents';

/**
 * `workspace/diagnostic`: every postmortem in the workspace folders, open or not. Open documents
 * report their editor version; closed files are read from disk.
 */
export async function workspaceDiagnostics(store: DocumentStore, folders: readonly string[], token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  for (const folder of folders) {
    if (!folder.startsWith('file:')) continue;
    const root = fileURLToPath(folder);
    const settings = await store.settingsFor(folder);
    for (const target of collectTargets([root], settings.include, root)) {
      if (token.isCancellationRequested) return { items };
      const uri = pathToFileURL(target.path).toString();
      const open = store.documents.get(uri);
      if (open) {
        items.push({ uri, version: open.version, kind: DocumentDiagnosticReportKind.Full, items: store.check(open).map(toDiagnostic) });
        continue;
      }
      const size = statSync(target.path).size;
      const doc = size > DEFAULT_MAX_BYTES ? refusedDocument(uri, 0, '', tooLargeProblem(size, DEFAULT_MAX_BYTES)) : analyzeText(readFileSync(target.path, 'utf8'), uri);
      items.push({ uri, version: null, kind: DocumentDiagnosticReportKind.Full, items: checkDocument(doc, store.config(uri)).map(toDiagnostic) });
    }
  }
  return { items };
}
