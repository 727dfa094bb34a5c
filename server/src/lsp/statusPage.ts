import { LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { draftStatusUpdate } from '../core/statusPage';
import { STATUS_PAGE_REQUEST, type StatusPageResult, type UriParams } from '../shared/requests';
import type { DocumentStore } from './documents';

/** `hindsight/statusPage`: a customer-facing update drafted from an open postmortem. */
export function registerStatusPage(connection: Connection, store: DocumentStore): void {
  connection.onRequest(STATUS_PAGE_REQUEST, async ({ uri }: UriParams): Promise<StatusPageResult> => {
    const document = store.documents.get(uri);
    if (!document) throw new ResponseError(LSPErrorCodes.RequestFailed, 'The file is not open in the editor.');
    const classification = await store.classify(document);
    if (!classification.postmortem)
      throw new ResponseError(
        LSPErrorCodes.RequestFailed,
        `This file is not treated as a postmortem: ${classification.reason}.`,
      );
    return { markdown: draftStatusUpdate(store.analyze(document)) };
  });
}
