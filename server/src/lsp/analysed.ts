import type { CancellationToken } from 'vscode-languageserver';
import { checkDocument, withConfiguredMetrics } from '../core/check';
import type { LoadedConfig } from '../core/config/load';
import type { PostmortemDocument, Problem } from '../core/model';
import type { HindsightSettings } from '../shared/settings';

/**
 * What every per-document provider reads: one postmortem analysed, with its findings, under the
 * configuration that governs it. Providers are pure functions of this (and a position, the editor
 * settings and a cancellation token) to an LSP result, so they can be tested without a server.
 */
export interface AnalysedDocument {
  uri: string;
  /** The analysis as the configuration sees it (configured metric definitions applied). */
  doc: PostmortemDocument;
  problems: Problem[];
  config: LoadedConfig['config'];
}

/** The shape shared by the providers of one document. */
export type Provider<Request, Result> = (
  subject: AnalysedDocument,
  request: Request,
  settings: HindsightSettings,
  token: CancellationToken,
) => Result;

/** Findings and configured metrics of an analysis, computed as the server computes them. */
export function analysedDocument(doc: PostmortemDocument, loaded: LoadedConfig): AnalysedDocument {
  return {
    uri: doc.uri,
    doc: withConfiguredMetrics(doc, loaded),
    problems: checkDocument(doc, loaded),
    config: loaded.config,
  };
}
