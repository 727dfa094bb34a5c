/**
 * Enough of the `vscode` API to drive the tracker commands from a test: an editor holding one
 * document (edited in memory, as an unsaved editor would be), scripted answers to pickers, input
 * boxes and buttons, SecretStorage in a Map, and a record of everything shown to the user. Edits
 * come from the language server (`workspace/applyEdit`), applied through `applyEdits`.
 */
import { relative } from 'node:path';
import { Uri } from '../../extension/fakeVscode';

export { installVscode, Uri } from '../../extension/fakeVscode';

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

export interface TrackerScript {
  /** Labels to pick in quick picks, in order (undefined cancels). */
  picks?: (string | undefined)[];
  /** Text typed in input boxes, in order (undefined cancels). */
  inputs?: (string | undefined)[];
  /** Buttons pressed on messages that offer some, in order (undefined dismisses). */
  buttons?: (string | undefined)[];
  /** Items the user unchecks in a confirmation before accepting it, by label. */
  uncheck?: string[];
  /** Runs while the progress notification is up: edit the document, or cancel. */
  duringProgress?: (control: { edit(text: string): void; cancel(): void }) => void;
}

export interface TrackerRecorded {
  infos: string[];
  warnings: string[];
  errors: string[];
  /** Modal confirmations: message and detail. */
  modals: { message: string; detail?: string }[];
  /** Multi-select confirmations: their title, placeholder and items as shown. */
  confirmations: { title: string; placeholder: string; items: string[] }[];
  quickPicks: string[][];
  inputBoxes: { title?: string; prompt?: string; password?: boolean }[];
  progress: string[];
  log: string[];
  /** Each WorkspaceEdit applied, as its number of replacements. */
  applied: number[];
}

export interface FakeDocument {
  uri: Uri;
  languageId: string;
  version: number;
  getText(): string;
}

/** An edit as the language server sends it in `workspace/applyEdit`. */
export interface LspTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export interface FakeEditorOptions {
  folder: string;
  file: string;
  text: string;
  secrets: Map<string, string>;
  /** Told of every change to the document, to keep the language server in step. */
  onChange?: (text: string, version: number) => void;
}

export function fakeTrackerVscode(options: FakeEditorOptions) {
  const script: Required<Omit<TrackerScript, 'duringProgress' | 'uncheck'>> &
    Pick<TrackerScript, 'duringProgress' | 'uncheck'> = { picks: [], inputs: [], buttons: [] };
  const recorded: TrackerRecorded = {
    infos: [],
    warnings: [],
    errors: [],
    modals: [],
    confirmations: [],
    quickPicks: [],
    inputBoxes: [],
    progress: [],
    log: [],
    applied: [],
  };
  let text = options.text;
  const document: FakeDocument = {
    uri: Uri.file(options.file),
    languageId: 'markdown',
    version: 1,
    getText: () => text,
  };
  const handlers = new Map<string, () => Promise<void>>();
  const folder = { uri: Uri.file(options.folder), name: 'workspace', index: 0 };

  const message =
    (into: string[]) =>
    async (text: string, ...rest: unknown[]) => {
      const modal = typeof rest[0] === 'object' && rest[0] !== null && (rest[0] as { modal?: boolean }).modal;
      if (modal) recorded.modals.push({ message: text, detail: (rest[0] as { detail?: string }).detail });
      else into.push(text);
      const buttons = rest.filter((r): r is string => typeof r === 'string');
      if (buttons.length === 0) return undefined;
      const pressed = script.buttons.shift();
      return buttons.includes(pressed ?? '') ? pressed : undefined;
    };
  const changeTo = (next: string) => {
    text = next;
    document.version++;
    options.onChange?.(text, document.version);
  };
  /** Applies a server's edit as VS Code does: all at once, and only to the version it was made for. */
  const applyEdits = (edits: LspTextEdit[], version: number): boolean => {
    if (version !== document.version) return false;
    const lines = text.split('\n');
    const offset = (p: LspTextEdit['range']['start']) =>
      lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
    let next = text;
    for (const e of sorted) next = next.slice(0, offset(e.range.start)) + e.newText + next.slice(offset(e.range.end));
    recorded.applied.push(edits.length);
    changeTo(next);
    return true;
  };
  const lineLog = (level: string) => (line: string) => void recorded.log.push(`${level} ${line}`);

  const api = {
    Uri,
    Position,
    Range,
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    commands: {
      registerCommand: (id: string, handler: () => Promise<void>) => (
        handlers.set(id, handler),
        { dispose: () => handlers.delete(id) }
      ),
    },
    window: {
      activeTextEditor: { document },
      showInformationMessage: message(recorded.infos),
      showWarningMessage: message(recorded.warnings),
      showErrorMessage: message(recorded.errors),
      showQuickPick: async (
        items: (string | { label: string; description?: string; picked?: boolean })[],
        options?: { canPickMany?: boolean; title?: string; placeHolder?: string },
      ) => {
        if (options?.canPickMany) {
          // A confirmation: the script's next button accepts it (as Enter does) when the title starts with it.
          const choices = items.filter(
            (i): i is { label: string; description?: string; picked?: boolean } => typeof i !== 'string',
          );
          recorded.confirmations.push({
            title: options.title ?? '',
            placeholder: options.placeHolder ?? '',
            items: choices.map((i) => (i.description ? `${i.label} (${i.description})` : i.label)),
          });
          const pressed = script.buttons.shift();
          return pressed !== undefined && (options.title ?? '').startsWith(pressed)
            ? choices.filter((i) => i.picked && !script.uncheck?.includes(i.label))
            : undefined;
        }
        const labels = items.map((i) => (typeof i === 'string' ? i : i.label));
        recorded.quickPicks.push(labels);
        const label = script.picks.shift();
        return items.find((i) => (typeof i === 'string' ? i : i.label) === label);
      },
      showInputBox: async (box: {
        title?: string;
        prompt?: string;
        password?: boolean;
        validateInput?: (value: string) => string | undefined;
      }) => {
        recorded.inputBoxes.push({ title: box.title, prompt: box.prompt, password: box.password });
        const value = script.inputs.shift();
        if (value !== undefined && box.validateInput?.(value))
          throw new Error(`input refused: ${box.validateInput(value)}`);
        return value;
      },
      withProgress: async <T>(
        progress: { title: string },
        task: (p: unknown, token: unknown) => Promise<T>,
      ): Promise<T> => {
        recorded.progress.push(progress.title);
        const listeners: (() => void)[] = [];
        const token = {
          isCancellationRequested: false,
          onCancellationRequested: (listener: () => void) => (listeners.push(listener), { dispose: () => undefined }),
        };
        const running = task({ report: () => undefined }, token);
        script.duringProgress?.({
          edit: (next) => changeTo(next),
          cancel: () => ((token.isCancellationRequested = true), listeners.forEach((l) => l())),
        });
        return running;
      },
      createOutputChannel: () => ({
        info: lineLog('info'),
        warn: lineLog('warn'),
        error: lineLog('error'),
        appendLine: lineLog(''),
        dispose: () => undefined,
      }),
    },
    workspace: {
      workspaceFolders: [folder],
      getWorkspaceFolder: () => folder,
      asRelativePath: (uri: Uri) => relative(options.folder, uri.fsPath),
    },
  };
  const context = {
    subscriptions: [] as { dispose(): unknown }[],
    secrets: {
      get: async (key: string) => options.secrets.get(key),
      store: async (key: string, value: string) => void options.secrets.set(key, value),
      delete: async (key: string) => void options.secrets.delete(key),
      onDidChange: () => ({ dispose: () => undefined }),
    },
  };
  const run = async (command: string, answers: TrackerScript = {}) => {
    Object.assign(
      script,
      { picks: [], inputs: [], buttons: [], duringProgress: undefined, uncheck: undefined },
      answers,
    );
    const handler = handlers.get(command);
    if (!handler) throw new Error(`${command} is not registered`);
    await handler();
  };
  /** Every text shown to the user or logged, to check that no secret is among them. */
  const everythingShown = () => [
    ...recorded.infos,
    ...recorded.warnings,
    ...recorded.errors,
    ...recorded.modals.flatMap((m) => [m.message, m.detail ?? '']),
    ...recorded.confirmations.flatMap((c) => [c.title, c.placeholder, ...c.items]),
    ...recorded.log,
    ...recorded.progress,
    ...recorded.inputBoxes.map((b) => `${b.title} ${b.prompt}`),
  ];
  return { api, context, document, recorded, run, text: () => text, applyEdits, everythingShown };
}
