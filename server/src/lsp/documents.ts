import { isAbsolute, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Connection, WorkspaceFolder } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname } from 'node:path';
import { forgetCatalogs } from '../core/catalog/catalog';
import { Analyzer } from '../core/analyzer';
import { defaultConfig } from '../core/config/config';
import { loadConfig, type LoadedConfig } from '../core/config/load';
import type { Problem } from '../core/model';
import { classify, type Classification } from '../core/classify';
import type { PostmortemDocument } from '../core/model';
import { analysedDocument, type AnalysedDocument } from './analysed';
import { DEFAULT_SETTINGS, normaliseSettings, SETTINGS_SECTION, type HindsightSettings } from '../shared/settings';

/**
 * The open documents, their settings and their one analysis per version.
 * Everything a provider needs about a document comes from here.
 */
export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly analyzer = new Analyzer();
  private readonly settings = new Map<string, Promise<HindsightSettings>>();
  /** Settings for clients that cannot be asked (`workspace/configuration`) but push them. */
  private globalSettings = DEFAULT_SETTINGS;
  private folders: WorkspaceFolder[] = [];
  private canAskConfiguration = false;

  constructor(private readonly connection: Connection) {}

  configure(folders: WorkspaceFolder[] | null | undefined, canAskConfiguration: boolean): void {
    this.folders = folders ?? [];
    this.canAskConfiguration = canAskConfiguration;
  }

  setFolders(folders: WorkspaceFolder[]): void {
    this.folders = folders;
  }

  /**
   * After `workspace/didChangeConfiguration`: forget what was asked, and keep what was pushed
   * (`{ hindsight: {...} }`) for clients that cannot be asked.
   */
  settingsChanged(pushed: unknown): void {
    this.settings.clear();
    const section =
      pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    if (!this.canAskConfiguration && section !== undefined) this.globalSettings = normaliseSettings(section);
  }

  settingsFor(uri: string): Promise<HindsightSettings> {
    if (!this.canAskConfiguration) return Promise.resolve(this.globalSettings);
    let settings = this.settings.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normaliseSettings, () => DEFAULT_SETTINGS);
      this.settings.set(uri, settings);
    }
    return settings;
  }

  /** The path used for include globs: relative to the innermost workspace folder holding the file. */
  relativePath(uri: string): string {
    if (!uri.startsWith('file:')) return uri.replace(/^[a-z][a-z0-9+.-]*:\/*/i, '');
    const path = fileURLToPath(uri);
    let best: string | undefined;
    for (const folder of this.folders) {
      if (!folder.uri.startsWith('file:')) continue;
      const rel = relative(fileURLToPath(folder.uri), path);
      const inside = rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
      if (inside && (best === undefined || rel.length < best.length)) best = rel;
    }
    return (best ?? path).split(sep).join('/');
  }

  async classify(document: TextDocument): Promise<Classification> {
    const settings = await this.settingsFor(document.uri);
    return classify(document.getText(), this.relativePath(document.uri), settings.include);
  }

  /** Whether `version` is still the open version of the document. */
  isCurrent(uri: string, version: number): boolean {
    return this.documents.get(uri)?.version === version;
  }

  /** The analysis of the document's current version (parsed once per version). */
  analyze(document: TextDocument, loaded = this.config(document.uri)): PostmortemDocument {
    const defaultZone = loaded.config.zone;
    return this.analyzer.analyze(document.uri, document.version, document.getText(), { defaultZone });
  }

  private readonly checked = new Map<string, { version: number; analysed: AnalysedDocument }>();

  /** The configuration in force for a document: from its folder upward for files, the defaults otherwise. */
  config(uri: string): LoadedConfig {
    if (!uri.startsWith('file:')) return { config: defaultConfig(), error: undefined };
    return loadConfig(dirname(fileURLToPath(uri)));
  }

  /** The analysis as the configuration sees it (configured metric definitions applied). */
  configured(document: TextDocument): PostmortemDocument {
    return this.analysed(document).doc;
  }

  /** Every finding for the current version (engine and rules), computed once per version. */
  check(document: TextDocument): Problem[] {
    return this.analysed(document).problems;
  }

  /** What the providers read: the analysis, its findings and its configuration, once per version. */
  analysed(document: TextDocument): AnalysedDocument {
    return this.checkedEntry(document).analysed;
  }

  /**
   * The open postmortem at `uri` with its settings, for a provider; undefined for other Markdown, a
   * closed document, or a request cancelled while its classification or settings were awaited.
   */
  async postmortem(
    uri: string,
    token: CancellationToken,
  ): Promise<{ subject: AnalysedDocument; settings: HindsightSettings } | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const { postmortem } = await this.classify(document);
    if (token.isCancellationRequested || !postmortem) return undefined;
    const settings = await this.settingsFor(uri);
    if (token.isCancellationRequested) return undefined;
    const current = this.documents.get(uri);
    return current && { subject: this.analysed(current), settings };
  }

  /**
   * `check`, for the request path: the parse runs in slices that let other requests through, and
   * gives up (undefined) as soon as `proceed` says the answer is no longer wanted.
   */
  async checkYielding(document: TextDocument, proceed: () => boolean): Promise<Problem[] | undefined> {
    const cached = this.checked.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysed.problems;
    // Give queued requests (a hover elsewhere) their turn before any work starts.
    await new Promise((resolve) => setImmediate(resolve));
    if (!proceed()) return undefined;
    if (!(await this.analyzer.prepare(document.uri, document.getText(), proceed))) return undefined;
    return this.check(document);
  }

  private checkedEntry(document: TextDocument) {
    const cached = this.checked.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const loaded = this.config(document.uri);
    const analysed = this.analyze(document, loaded);
    const entry = { version: document.version, analysed: analysedDocument(analysed, loaded) };
    this.checked.set(document.uri, entry);
    return entry;
  }

  /** After a configuration file changed: findings must be computed again. */
  configurationChanged(): void {
    this.checked.clear();
    forgetCatalogs();
  }

  private readonly saved = new Map<string, TextDocument>();

  /** Remembers the text as opened or saved, for `hindsight.run: onSave`. */
  markSaved(document: TextDocument): void {
    this.saved.set(
      document.uri,
      TextDocument.create(document.uri, document.languageId, document.version, document.getText()),
    );
  }

  /** What findings are computed for: the document as it is, or as last saved. */
  async subject(document: TextDocument): Promise<TextDocument> {
    const settings = await this.settingsFor(document.uri);
    return settings.run === 'onSave' ? (this.saved.get(document.uri) ?? document) : document;
  }

  forget(uri: string): void {
    this.saved.delete(uri);
    this.checked.delete(uri);
    this.analyzer.forget(uri);
    this.settings.delete(uri);
  }
}
