import { dirname } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeText } from '../core/analyzer';
import { checkDocument } from '../core/check';
import { loadConfig } from '../core/config/load';
import { refusedDocument, tooLargeProblem } from '../core/document';
import { readTarget } from '../core/files/discover';
import { DEFAULT_MAX_BYTES } from '../core/options';
import { toDiagnostic } from './convert';

/** The job of the workspace pass for one postmortem on disk: read it, check it under its configuration. */
export interface ClosedFileJob {
  path: string;
  uri: string;
}

/** Every finding of a closed postmortem, as diagnostics. Reads the configuration afresh, so it needs no state. */
export function checkClosedFile({ path, uri }: ClosedFileJob): Diagnostic[] {
  const read = readTarget(path, DEFAULT_MAX_BYTES);
  const document =
    'tooLarge' in read
      ? refusedDocument(uri, 0, '', tooLargeProblem(read.tooLarge, DEFAULT_MAX_BYTES))
      : analyzeText(read.text, uri);
  return checkDocument(document, loadConfig(dirname(path))).map(toDiagnostic);
}
