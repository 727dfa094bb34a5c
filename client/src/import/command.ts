import {
  commands,
  Position,
  Range,
  type Uri,
  window,
  workspace,
  WorkspaceEdit,
  type ExtensionContext,
  type QuickPickItem,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  IMPORT_TIMELINE_REQUEST,
  type ImportTimelineParams,
  type ImportTimelineResult,
} from '../../../server/src/shared/requests';
import { answerFields, previewItem, SOURCE_CHOICES, summaryMessage, type SourceChoice } from './choices';

/** "Hindsight: Import Timeline…": pick a source and its file, tick the rows, insert them as one edit. */
export function registerImportTimeline(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(commands.registerCommand('hindsight.importTimeline', () => importTimeline(client)));
}

async function importTimeline(client: LanguageClient): Promise<void> {
  const document = window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void window.showWarningMessage('Hindsight: open a postmortem to import a timeline into it.');
    return;
  }
  const choice = await window.showQuickPick(
    SOURCE_CHOICES.map((c) => ({ ...c, description: c.source })),
    { title: 'Import timeline from', placeHolder: 'Where the rows come from' },
  );
  if (!choice) return;
  const path = await pickExport(choice);
  if (!path) return;
  const answer = choice.ask
    ? await window.showInputBox({ prompt: choice.ask.prompt, placeHolder: choice.ask.placeHolder })
    : undefined;
  if (choice.ask && answer === undefined) return;
  const params: ImportTimelineParams = {
    uri: document.uri.toString(),
    source: choice.source,
    path,
    ...answerFields(choice, answer),
  };
  try {
    const preview = await client.sendRequest<ImportTimelineResult>(IMPORT_TIMELINE_REQUEST, params);
    if (preview.rows.length === 0) {
      void window.showInformationMessage(
        `Hindsight: nothing new to import (${preview.duplicates} rows already in the timeline).`,
      );
      return;
    }
    const picked = await pickRows(preview);
    if (!picked || picked.length === 0) return;
    const result = await client.sendRequest<ImportTimelineResult>(IMPORT_TIMELINE_REQUEST, { ...params, only: picked });
    if (!result.edit) return;
    const edit = new WorkspaceEdit();
    const { start, end } = result.edit.range;
    edit.replace(
      document.uri,
      new Range(new Position(start.line, start.character), new Position(end.line, end.character)),
      result.edit.newText,
    );
    if (!(await workspace.applyEdit(edit))) throw new Error('the editor did not accept the edit');
    void window.showInformationMessage(
      summaryMessage(result.rows.length, preview.duplicates, result.redacted, preview.notes),
    );
  } catch (error) {
    void window.showErrorMessage(
      `Hindsight could not import the timeline: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function pickExport(choice: SourceChoice): Promise<string | undefined> {
  const picked = await window.showOpenDialog({
    canSelectFiles: choice.files,
    canSelectFolders: choice.folders,
    canSelectMany: false,
    filters: choice.files && !choice.folders ? choice.filters : undefined,
    openLabel: `Import ${choice.label}`,
    defaultUri: workspace.workspaceFolders?.[0]?.uri,
  });
  const uri: Uri | undefined = picked?.[0];
  return uri?.fsPath;
}

/** Every row ticked to start with: the user unticks what is noise. */
async function pickRows(preview: ImportTimelineResult): Promise<string[] | undefined> {
  const items: (QuickPickItem & { id: string })[] = preview.rows.map((row) => ({
    ...previewItem(row),
    id: row.id,
    picked: true,
  }));
  const picked = await window.showQuickPick(items, {
    canPickMany: true,
    title: `Rows to insert (times in UTC here; written in ${preview.zone})`,
    matchOnDescription: true,
  });
  return picked?.map((item) => item.id);
}
