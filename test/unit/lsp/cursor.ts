/**
 * In-process provider tests: a fixture is a Markdown postmortem with one cursor mark `{|}` in it; the
 * mark is taken out and its place becomes the request's position, as vscode-markdown-languageservice
 * marks its fixtures.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationToken, type Position } from 'vscode-languageserver';
import { analyzeText } from '../../../server/src/core/analyzer';
import { defaultConfig } from '../../../server/src/core/config/config';
import type { LoadedConfig } from '../../../server/src/core/config/load';
import { analysedDocument, type AnalysedDocument } from '../../../server/src/lsp/analysed';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';

export const CURSOR = '{|}';
export const URI = 'file:///w/postmortems/outage.md';
export const SETTINGS = DEFAULT_SETTINGS;
export const LIVE = CancellationToken.None;
export const CANCELLED = CancellationToken.Cancelled;

/** Text with one cursor mark: the text without it, and the mark's position. */
export function withCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, `no ${CURSOR} in the fixture`);
  assert.equal(marked.indexOf(CURSOR, offset + 1), -1, `more than one ${CURSOR} in the fixture`);
  const before = marked.slice(0, offset).split('\n');
  return { text: marked.replace(CURSOR, ''), position: { line: before.length - 1, character: before.at(-1)!.length } };
}

export const readFixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'lsp', name), 'utf8');

/** A fixture under test/fixtures/lsp, analysed as the server analyses an open postmortem, and its cursor. */
export function openFixture(name: string, loaded: LoadedConfig = { config: defaultConfig(), error: undefined }) {
  const { text, position } = withCursor(readFixture(name));
  return { subject: analysed(text, loaded), position, text };
}

export function analysed(
  text: string,
  loaded: LoadedConfig = { config: defaultConfig(), error: undefined },
): AnalysedDocument {
  return analysedDocument(analyzeText(text, URI, { defaultZone: loaded.config.zone }), loaded);
}
