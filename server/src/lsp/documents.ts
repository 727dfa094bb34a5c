import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from '../core/analyzer';
import { classify, type Classification } from '../core/classify';
import type { PostmortemDocument } from '../core/model';
import { DEFAULT_SETTINGS, normaliseSettings, SETTINGS_SECTION, type HindsightSettings } from '../shared/settings';

/**
 * The open documents, their settings and their one analysis per version.
 * Everything a provider needs about a document comes from here.
 */
export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly analyzer = new Analyzer();
  private readonly settings = new Map<string, Promise<HindsightSettings>>();
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

  /** Forget cached settings (after `workspace/didChangeConfiguration`). */
  clearSettings(): void {
    this.settings.clear();
  }

  settingsFor(uri: string): Promise<HindsightSettings> {
    if (!this.canAskConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let settings = this.settings.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(normaliseSettings, () => DEFAULT_SETTINGS);
      this.settings.set(uri, settings);
    }
    return settings;
  }

  /** The path used for include globs: relative to the workspace folder holding the file. */
  relativePath(uri: string): string {
    const folder = this.folders
      .filter((f) => uri.startsWith(f.uri.endsWith('/') ? f.uri : f.uri + '/'))
      .sort((a, b) => b.uri.length - a.uri.length)[0];
    if (!uri.startsWith('file:')) return uri.replace(/^[a-z-]+:\/*/i, '');
    const path = fileURLToPath(uri);
    return folder ? relative(fileURLToPath(folder.uri), path).split('\\').join('/') : path.split('\\').join('/');
  }

  async classify(document: TextDocument): Promise<Classification> {
    const settings = await this.settingsFor(document.uri);
    return classify(document.getText(), this.relativePath(document.uri), settings.include);
  }

  /** The analysis of the document's current version (parsed once per version). */
  analyze(document: TextDocument): PostmortemDocument {
    return this.analyzer.analyze(document.uri, document.version, document.getText());
  }

  forget(uri: string): void {
    this.analyzer.forget(uri);
    this.settings.delete(uri);
  }
}
