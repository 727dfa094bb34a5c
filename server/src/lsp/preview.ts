import { randomBytes } from 'node:crypto';
import type { Connection } from 'vscode-languageserver';
import { todayUtc } from '../core/rules/run';
import { renderPreview } from '../preview/render';
import type { DocumentStore } from './documents';

export interface PreviewParams {
  uri: string;
  /** The nonce for the page's style and script; one of ours is used when it is missing or malformed. */
  nonce?: string;
  /** The webview's `cspSource`, allowed for images. */
  cspSource?: string;
  /** A file to share (Export as HTML): no script at all. */
  standalone?: boolean;
}

export interface PreviewResult {
  html: string;
  /** The document version rendered, so the client can tell a stale page. */
  version: number;
}

export const PREVIEW_REQUEST = 'hindsight/preview';

// Both go into the CSP and attributes: accept only what they can legitimately look like.
const NONCE = /^[A-Za-z0-9+/_-]{16,128}={0,2}$/;
const CSP_SOURCE = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9*+.:/_~-]*$/;

/** `hindsight/preview`: the page for a document open in the editor, or null when it is not. */
export function registerPreview(connection: Connection, store: DocumentStore): void {
  connection.onRequest(PREVIEW_REQUEST, (params: PreviewParams): PreviewResult | null => {
    const document = store.documents.get(params?.uri);
    if (!document) return null;
    const html = renderPreview(store.configured(document), {
      nonce:
        typeof params.nonce === 'string' && NONCE.test(params.nonce)
          ? params.nonce
          : randomBytes(18).toString('base64'),
      cspSource:
        typeof params.cspSource === 'string' && CSP_SOURCE.test(params.cspSource) ? params.cspSource : undefined,
      standalone: params.standalone === true,
      today: todayUtc(),
    });
    return { html, version: document.version };
  });
}
