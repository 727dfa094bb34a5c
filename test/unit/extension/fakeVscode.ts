/**
 * Just enough of the `vscode` API, backed by the real file system, to drive a command from a
 * test: quick picks and input boxes answer from a script, and what the command shows is recorded.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join, relative } from 'node:path';

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly fsPath: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, join(base.fsPath, ...parts));
  }
  toString(): string {
    return `file://${this.fsPath}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class Range {
  constructor(
    readonly start: Position,
    readonly end: Position,
  ) {}
}
export class Selection extends Range {}

interface Item {
  label: string;
  kind?: number;
}

/** What the fake user answers, in order: a label to pick (undefined to cancel) or text to type. */
export interface Script {
  picks: (string | undefined)[];
  inputs: (string | undefined)[];
  settings?: Record<string, unknown>;
  folders: string[];
}

export interface Recorded {
  warnings: string[];
  errors: string[];
  opened: { path: string | undefined; text: string; selection?: Range }[];
  /** The items of each quick pick shown, and the one it started on. */
  quickPicks: { labels: string[]; active: string | undefined }[];
}

export function fakeVscode(script: Script): {
  api: Record<string, unknown>;
  recorded: Recorded;
  run(command: string): Promise<void>;
} {
  const recorded: Recorded = { warnings: [], errors: [], opened: [], quickPicks: [] };
  const handlers = new Map<string, () => Promise<void>>();
  const folders = script.folders.map((path, index) => ({ uri: Uri.file(path), name: `folder${index}`, index }));
  const notFound = (uri: Uri): Error => Object.assign(new Error(`not found: ${uri.fsPath}`), { code: 'FileNotFound' });

  const api = {
    Uri,
    Position,
    Range,
    Selection,
    FileType: { File: 1, Directory: 2 },
    QuickPickItemKind: { Separator: -1, Default: 0 },
    TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
    commands: {
      registerCommand: (id: string, handler: () => Promise<void>) => {
        handlers.set(id, handler);
        return { dispose: () => handlers.delete(id) };
      },
    },
    window: {
      activeTextEditor: undefined,
      showWarningMessage: async (message: string) => void recorded.warnings.push(message),
      showErrorMessage: async (message: string) => void recorded.errors.push(message),
      showInputBox: async (options: { validateInput?: (value: string) => string | undefined }) => {
        const value = script.inputs.shift();
        if (value !== undefined && options.validateInput?.(value)) throw new Error(`input refused: ${value}`);
        return value;
      },
      showWorkspaceFolderPick: async () => folders[0],
      createQuickPick: () => {
        const listeners: { accept?: () => void; hide?: () => void } = {};
        const quickPick = {
          items: [] as Item[],
          activeItems: [] as Item[],
          selectedItems: [] as Item[],
          title: '',
          placeholder: '',
          ignoreFocusOut: false,
          onDidAccept: (listener: () => void) => void (listeners.accept = listener),
          onDidHide: (listener: () => void) => void (listeners.hide = listener),
          show: () => {
            recorded.quickPicks.push({
              labels: quickPick.items.filter((i) => i.kind !== -1).map((i) => i.label),
              active: quickPick.activeItems[0]?.label,
            });
            const label = script.picks.shift();
            const item = quickPick.items.find((i) => i.label === label && i.kind !== -1);
            setImmediate(() => {
              if (item) {
                quickPick.selectedItems = [item];
                listeners.accept?.();
              } else listeners.hide?.();
            });
          },
          hide: () => listeners.hide?.(),
          dispose: () => undefined,
        };
        return quickPick;
      },
      showTextDocument: async (document: { uri?: Uri; getText(): string }) => {
        const entry: Recorded['opened'][number] = { path: document.uri?.fsPath, text: document.getText() };
        recorded.opened.push(entry);
        return {
          set selection(selection: Range) {
            entry.selection = selection;
          },
          revealRange: () => undefined,
        };
      },
    },
    workspace: {
      workspaceFolders: folders,
      getWorkspaceFolder: () => undefined,
      asRelativePath: (path: string) => relative(script.folders[0] ?? '/', path),
      getConfiguration: () => ({ get: <T>(key: string, fallback: T): T => (script.settings?.[key] as T) ?? fallback }),
      openTextDocument: async (target: Uri | { content: string }) =>
        target instanceof Uri
          ? { uri: target, getText: () => readFileSync(target.fsPath, 'utf8') }
          : { uri: undefined, getText: () => target.content },
      fs: {
        readFile: async (uri: Uri) => {
          try {
            return new Uint8Array(readFileSync(uri.fsPath));
          } catch {
            throw notFound(uri);
          }
        },
        writeFile: async (uri: Uri, content: Uint8Array) => writeFileSync(uri.fsPath, content),
        createDirectory: async (uri: Uri) => void mkdirSync(uri.fsPath, { recursive: true }),
        readDirectory: async (uri: Uri) => {
          try {
            return readdirSync(uri.fsPath, { withFileTypes: true }).map((e) => [e.name, e.isDirectory() ? 2 : 1]);
          } catch {
            throw notFound(uri);
          }
        },
        stat: async (uri: Uri) => {
          try {
            return statSync(uri.fsPath);
          } catch {
            throw notFound(uri);
          }
        },
      },
    },
  };
  const run = async (command: string): Promise<void> => {
    const handler = handlers.get(command);
    if (!handler) throw new Error(`${command} is not registered`);
    await handler();
  };
  return { api, recorded, run };
}

/** Makes `require('vscode')` return `api` until the returned function is called. */
export function installVscode(api: Record<string, unknown>): () => void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? api : original.call(this, request, ...rest);
  };
  return () => {
    loader._load = original;
  };
}
