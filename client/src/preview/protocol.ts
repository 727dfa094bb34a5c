import { randomBytes } from 'node:crypto';
import type { LanguageClient } from 'vscode-languageclient/node';

/** Mirrors the server's `hindsight/preview` request (server/src/lsp/preview.ts). */
export interface PreviewResult {
  html: string;
  version: number;
}

export function requestPreview(
  client: LanguageClient,
  uri: string,
  options: { cspSource?: string; standalone?: boolean },
): Promise<PreviewResult | null> {
  // A fresh nonce each render: the page's only style and script carry it.
  return client.sendRequest<PreviewResult | null>('hindsight/preview', {
    uri,
    nonce: randomBytes(18).toString('base64'),
    ...options,
  });
}
