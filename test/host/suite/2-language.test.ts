/** Quick fix, completion and hover, through the same commands VS Code's own UI calls. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIXTURE } from '../../clients/expected';
import { canDrive, codeOf, drive, lineOf, openInEditor, waitForDiagnostics } from './helpers';

const missing = (section: string) => (d: vscode.Diagnostic) =>
  codeOf(d) === 'sections/missing' && d.message.includes(`"${section}"`);

const hoverText = (hovers: vscode.Hover[]) =>
  hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');

suite('Language features', () => {
  test('completion after "severity:" in the frontmatter offers the severities', async () => {
    const { document } = await openInEditor(FIXTURE);
    const line = lineOf(document, 'severity:');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(line, 'severity: '.length),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const severity of ['SEV1', 'SEV2', 'SEV3'])
      assert.ok(labels.includes(severity), `${severity} not in ${labels.join(', ')}`);
  });

  test('hover on a timeline row shows how long after the start it happened', async () => {
    const editor = await openInEditor(FIXTURE);
    const position = new vscode.Position(lineOf(editor.document, '| 2025-05-12 10:31 |'), 8);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      position,
    );
    assert.match(hoverText(hovers), /29m after the start/);
    if (!canDrive()) return;
    editor.selection = new vscode.Selection(position, position);
    // The hover opens only in the focused editor; a panel left focused by an earlier test would swallow it.
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('editor.action.showHover');
    await drive([
      { do: 'waitFor', selector: '.monaco-hover:not(.hidden)', text: 'after the start' },
      { do: 'shot', name: 'hover-timeline' },
      { do: 'press', key: 'Escape' },
    ]);
  });

  test('the quick fix for a missing section inserts it, and its finding goes away', async () => {
    const editor = await openInEditor(FIXTURE);
    const uri = editor.document.uri;
    const target = (await waitForDiagnostics(uri, (ds) => ds.some(missing('Impact')))).find(missing('Impact'))!;
    if (canDrive()) {
      editor.selection = new vscode.Selection(target.range.start, target.range.start);
      // As a person asks for it here, by the light bulb: on a heading's first column, Ctrl+. opens no menu in code-server.
      await drive([
        { do: 'waitFor', selector: '.lightBulbWidget' },
        { do: 'click', selector: '.lightBulbWidget' },
        { do: 'waitFor', selector: '.action-widget', text: 'Impact' },
        { do: 'shot', name: 'quick-fix-menu' },
        { do: 'press', key: 'Escape' },
      ]);
    }
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
      20,
    );
    const fix = actions.find((a) => a.title === 'Add the "Impact" section');
    assert.ok(fix, `no "Add the "Impact" section" among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.edit || fix.command, `the fix does nothing: ${JSON.stringify(fix)}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitForDiagnostics(uri, (ds) => !ds.some(missing('Impact')) && ds.some(missing('Lessons learned')));
    assert.match(editor.document.getText(), /^## Impact$/m);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(uri, (ds) => ds.some(missing('Impact')));
  });

  test('each missing section offers its own fix, also when two share a heading', async () => {
    const { document } = await openInEditor(FIXTURE);
    const target = (await waitForDiagnostics(document.uri, (ds) => ds.some(missing('Lessons learned')))).find(
      missing('Lessons learned'),
    )!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
      20,
    );
    const titles = actions.map((a) => a.title);
    assert.ok(
      titles.includes('Add the "Lessons learned" section'),
      `no fix for "Lessons learned" among: ${titles.join(' | ')}`,
    );
  });
});
