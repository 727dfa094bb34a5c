import { homedir } from 'node:os';
import { isAbsolute } from 'node:path';
import {
  commands,
  FileType,
  Position,
  QuickPickItemKind,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  window,
  workspace,
  type ExtensionContext,
  type QuickPickItem,
  type TextDocument,
  type WorkspaceFolder,
} from 'vscode';
import {
  BUILTIN_TEMPLATES,
  fillTemplate,
  gitAuthor,
  localDate,
  mergeTemplates,
  postmortemName,
  readWorkspaceTemplate,
  SEVERITIES,
  summaryCursor,
  templateFolders,
  type Template,
} from './create';
import { DEFAULT_POSTMORTEM_FOLDER } from '../settingsManifest';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function registerNewPostmortem(context: ExtensionContext): void {
  context.subscriptions.push(
    commands.registerCommand('hindsight.newPostmortem', async () => {
      try {
        await newPostmortem(context.extensionUri);
      } catch (error) {
        void window.showErrorMessage(`Hindsight: the postmortem could not be created: ${(error as Error).message}`);
      }
    }),
  );
}

async function newPostmortem(extensionUri: Uri): Promise<void> {
  const folder = await pickWorkspaceFolder();
  if (folder === null) return;
  const setting = workspace.getConfiguration('hindsight', folder?.uri).get<string>('folder', DEFAULT_POSTMORTEM_FOLDER);
  const target = folder && (isAbsolute(setting) ? Uri.file(setting) : Uri.joinPath(folder.uri, setting));

  const template = await askTemplate(extensionUri, folder, setting);
  if (!template) return;
  const title = await askTitle();
  if (title === undefined) return;
  const severity = await askSeverity(template);
  if (!severity) return;

  const date = localDate(new Date());
  // Without a folder, git still knows the user's global identity.
  const gitFolder = folder ? (folder.uri.scheme === 'file' ? folder.uri.fsPath : undefined) : homedir();
  const author = gitFolder ? await gitAuthor(gitFolder) : undefined;
  const existing = target ? await fileNames(target) : [];
  const create = (): Created => {
    const { fileName, id } = postmortemName(date, title, existing);
    const text = fillTemplate(template.text, {
      template: template.name,
      title,
      severity,
      date,
      id,
      authors: author ? [author] : [],
    });
    return { fileName, ...summaryCursor(text) };
  };
  const { document, created } = await openCreated(target, existing, create);
  const editor = await window.showTextDocument(document);
  const position = new Position(created.line, created.character);
  editor.selection = new Selection(position, position);
  editor.revealRange(new Range(position, position), TextEditorRevealType.InCenterIfOutsideViewport);
}

/** A postmortem made from the answers: its file name, its text, and where the cursor goes in it. */
interface Created {
  fileName: string;
  text: string;
  line: number;
  character: number;
}

/** Step 1: a built-in template or one of the workspace's own; undefined when cancelled. */
async function askTemplate(
  extensionUri: Uri,
  folder: WorkspaceFolder | undefined,
  setting: string,
): Promise<Template | undefined> {
  const builtin = await Promise.all(BUILTIN_TEMPLATES.map(({ name }) => readBuiltin(extensionUri, name)));
  const own = folder ? await readWorkspaceTemplates(folder, isAbsolute(setting) ? '' : setting) : [];
  const chosen = await pick<TemplateItem>(templateItems(mergeTemplates(builtin, own)), {
    title: 'New Postmortem (1/3): template',
    placeholder: 'Choose a template',
  });
  return chosen?.template;
}

/** Step 2: the title, trimmed; undefined when cancelled. */
async function askTitle(): Promise<string | undefined> {
  const input = await window.showInputBox({
    title: 'New Postmortem (2/3): title',
    prompt: 'What happened, in a few words',
    placeHolder: 'Checkout errors after the payment gateway deploy',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'A title is needed to name the file.'),
  });
  return input?.trim();
}

/** Step 3: the severity, the template's own one offered first; undefined when cancelled. */
async function askSeverity(template: Template): Promise<string | undefined> {
  const current = /^severity:\s*(SEV\d)\b/im.exec(template.text)?.[1];
  const items = SEVERITIES.map((s) => ({ label: s.name, description: s.description }));
  const severity = await pick(items, {
    title: 'New Postmortem (3/3): severity',
    placeholder: 'How severe was it?',
    active: items.find((i) => i.label === current),
  });
  return severity?.label;
}

/** Writes the postmortem into `target` and opens it, or, with no folder, opens it unsaved. */
async function openCreated(
  target: Uri | undefined,
  existing: string[],
  create: () => Created,
): Promise<{ document: TextDocument; created: Created }> {
  let created = create();
  // No folder open: an unsaved document, which the writer saves where they like.
  if (!target)
    return { document: await workspace.openTextDocument({ language: 'markdown', content: created.text }), created };
  await workspace.fs.createDirectory(target);
  // Another file may have appeared since the folder was listed; never overwrite one.
  while (await exists(Uri.joinPath(target, created.fileName))) {
    existing.push(created.fileName);
    created = create();
  }
  const uri = Uri.joinPath(target, created.fileName);
  await workspace.fs.writeFile(uri, encoder.encode(created.text));
  return { document: await workspace.openTextDocument(uri), created };
}

/**
 * The active file's workspace folder, the only one, or the one the writer picks; undefined when
 * none is open, null when the pick was cancelled.
 */
async function pickWorkspaceFolder(): Promise<WorkspaceFolder | undefined | null> {
  const folders = workspace.workspaceFolders ?? [];
  const active = window.activeTextEditor && workspace.getWorkspaceFolder(window.activeTextEditor.document.uri);
  if (active) return active;
  if (folders.length <= 1) return folders[0];
  return (await window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new postmortem' })) ?? null;
}

async function readBuiltin(extensionUri: Uri, name: string): Promise<Template> {
  const uri = Uri.joinPath(extensionUri, 'templates', `${name}.md`);
  return { name, source: 'built-in', file: uri.fsPath, text: decoder.decode(await workspace.fs.readFile(uri)) };
}

/** The nearest `.hindsight/templates` folder's templates; each broken one is reported and left out. */
async function readWorkspaceTemplates(folder: WorkspaceFolder, relative: string): Promise<Template[]> {
  for (const candidate of templateFolders(relative)) {
    const dir = Uri.joinPath(folder.uri, candidate);
    let entries: [string, FileType][];
    try {
      entries = await workspace.fs.readDirectory(dir);
    } catch {
      continue;
    }
    const templates: Template[] = [];
    const problems: string[] = [];
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (!(type & FileType.File) || !name.toLowerCase().endsWith('.md')) continue;
      const uri = Uri.joinPath(dir, name);
      try {
        templates.push(
          readWorkspaceTemplate(uri.fsPath, name.slice(0, -3), decoder.decode(await workspace.fs.readFile(uri))),
        );
      } catch (error) {
        problems.push(`${candidate}/${name} ${(error as Error).message}`);
      }
    }
    if (problems.length > 0) {
      const which = problems.length === 1 ? 'a workspace template was' : `${problems.length} workspace templates were`;
      void window.showWarningMessage(`Hindsight: ${which} left out: ${problems.join('; ')}.`);
    }
    return templates;
  }
  return [];
}

type TemplateItem = QuickPickItem & { template: Template };

function templateItems(templates: Template[]): (TemplateItem | QuickPickItem)[] {
  const described = new Map(BUILTIN_TEMPLATES.map((t) => [t.name, t.description]));
  const items: (TemplateItem | QuickPickItem)[] = [];
  for (const source of ['workspace', 'built-in'] as const) {
    const group = templates.filter((t) => t.source === source);
    if (group.length === 0) continue;
    items.push({ label: source === 'workspace' ? 'Workspace' : 'Built-in', kind: QuickPickItemKind.Separator });
    for (const t of group)
      items.push({
        label: t.name,
        detail: source === 'workspace' ? workspace.asRelativePath(t.file) : described.get(t.name),
        template: t,
      });
  }
  return items;
}

/** A quick pick that can start on a given item, which `window.showQuickPick` cannot. */
function pick<T extends QuickPickItem>(
  items: (T | QuickPickItem)[],
  options: { title: string; placeholder: string; active?: T },
): Promise<T | undefined> {
  return new Promise((resolve) => {
    const quickPick = window.createQuickPick<T | QuickPickItem>();
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    quickPick.ignoreFocusOut = true;
    quickPick.items = items;
    if (options.active) quickPick.activeItems = [options.active];
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0] as T | undefined);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

async function fileNames(folder: Uri): Promise<string[]> {
  try {
    return (await workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    return []; // not created yet
  }
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
