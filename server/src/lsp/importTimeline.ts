import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { importFilter, planImport } from '../core/import/plan';
import { IMPORT_SOURCES, ImportInputError, type ImportSource } from '../core/import/types';
import { readSource } from '../import/readSource';
import { IMPORT_TIMELINE_REQUEST, type ImportTimelineParams, type ImportTimelineResult } from '../shared/requests';
import type { DocumentStore } from './documents';

/**
 * `hindsight/importTimeline`: reads an export and plans its merge into an open postmortem;
 * the client applies the edit.
 */
export function registerImportTimeline(connection: Connection, store: DocumentStore): void {
  connection.onRequest(IMPORT_TIMELINE_REQUEST, (params: ImportTimelineParams): ImportTimelineResult => {
    const document = store.documents.get(params.uri);
    if (!document) throw new ResponseError(LSPErrorCodes.RequestFailed, 'The file is not open in the editor.');
    if (!(IMPORT_SOURCES as readonly string[]).includes(params.source)) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Unknown source "${params.source}".`);
    }
    const text = document.getText();
    const options = { uri: params.uri, defaultZone: store.config(params.uri).config.zone };
    try {
      const source = readSource({
        source: params.source as ImportSource,
        path: params.path,
        filter: importFilter(text, params, options).filter,
        mapping: params.mapping,
      });
      const chosen = params.only ? new Set(params.only) : undefined;
      const rows = chosen ? source.rows.filter((row) => chosen.has(row.sourceId)) : source.rows;
      const plan = planImport(text, { ...source, rows }, options);
      return {
        rows: plan.added.map(({ row, line, marks }) => ({
          id: row.sourceId,
          time: new Date(row.instant).toISOString(),
          text: row.text,
          actor: row.actor,
          link: row.link,
          milestone: marks,
          line,
        })),
        edit: plan.edit,
        zone: plan.zone,
        duplicates: plan.duplicates,
        redacted: plan.redacted,
        notes: plan.notes,
      };
    } catch (error) {
      if (error instanceof ImportInputError) throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
      throw error;
    }
  });
}
