/** Activation and diagnostics: what a writer sees while a postmortem is open, and that other Markdown is left alone. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { compareDiagnostics, FIXTURE } from '../../clients/expected';
import {
  canDrive,
  codeOf,
  drive,
  EXTENSION_ID,
  hindsightDiagnostics,
  openInEditor,
  received,
  waitForDiagnostics,
} from './helpers';

const matchesExpected = (ds: vscode.Diagnostic[]) => compareDiagnostics(ds.map(received)).length === 0;

/** Appends a line to a document without saving it; returns how to take it out again. */
async function appendLine(document: vscode.TextDocument, text: string): Promise<() => Thenable<boolean>> {
  const end = document.lineAt(document.lineCount - 1).range.end;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, end, `\n${text}`);
  assert.ok(await vscode.workspace.applyEdit(edit));
  return () => {
    const undo = new vscode.WorkspaceEdit();
    undo.delete(document.uri, new vscode.Range(end, document.lineAt(document.lineCount - 1).range.end));
    return vscode.workspace.applyEdit(undo);
  };
}

suite('Diagnostics', () => {
  test('the fixture gets exactly the expected findings, and the extension is active', async () => {
    const editor = await openInEditor(FIXTURE);
    const diagnostics = await waitForDiagnostics(editor.document.uri, matchesExpected);
    assert.deepEqual(compareDiagnostics(diagnostics.map(received)), []);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  test('Markdown that is not a postmortem gets no Hindsight diagnostics, even with blaming words', async () => {
    const readme = (await openInEditor('README.md')).document;
    const postmortem = (await openInEditor(FIXTURE)).document;
    const removeFromReadme = await appendLine(readme, 'The root cause was human error.');
    // Under a heading of its own: in the follow-ups section a sentence is read as an action item.
    const removeFromPostmortem = await appendLine(postmortem, '\n## Notes\n\nIt was human error.');
    const added = postmortem.lineCount - 1;
    // Both edits went to the server in this order; once the postmortem's is checked, the README's was too.
    await waitForDiagnostics(postmortem.uri, (ds) =>
      ds.some((d) => codeOf(d) === 'blameless/human-error' && d.range.start.line === added),
    );
    assert.deepEqual(hindsightDiagnostics(readme.uri).map(received), []);
    await removeFromPostmortem();
    await removeFromReadme();
    await waitForDiagnostics(postmortem.uri, matchesExpected);
  });

  test('as a person sees it: squiggles in the editor and the Problems panel', async function () {
    if (!canDrive()) this.skip();
    const editor = await openInEditor(FIXTURE);
    await waitForDiagnostics(editor.document.uri, matchesExpected);
    const before = editor.document.getText();
    editor.revealRange(new vscode.Range(10, 0, 40, 0), vscode.TextEditorRevealType.AtTop);
    await drive([
      { do: 'waitFor', selector: '.monaco-editor .squiggly-warning' },
      { do: 'mouseAway' },
      { do: 'shot', name: 'editor-diagnostics' },
    ]);
    // The panel lists every postmortem in the workspace: keep to the fixture's problems.
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // Typing into the filter before the panel has drawn its rows can be lost when the panel finishes opening.
    const [, , , problems] = await drive([
      { do: 'waitFor', selector: '.markers-panel .monaco-list-row' },
      { do: 'fill', selector: '.viewpane-filter-container input:visible', text: FIXTURE.split('/').pop()! },
      { do: 'waitFor', selector: '.markers-panel .monaco-list-row', text: 'peak-hours guard' },
      { do: 'text', selector: '.markers-panel' },
      { do: 'shot', name: 'problems-panel' },
    ]);
    for (const code of ['sections/missing', 'blameless/human-error', 'timeline/out-of-order'])
      assert.match(String(problems), new RegExp(code));
    assert.doesNotMatch(String(problems), /dns-outage/);
    await vscode.commands.executeCommand('problems.action.clearFilterText');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    assert.equal(editor.document.getText(), before, 'the fixture was edited');
  });
});
