/**
 * "Hindsight: Import Timeline…" in the real workbench: the source picked, the file typed into the
 * open dialog, rows previewed and inserted.
 */
import assert from 'node:assert/strict';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { canDrive, drive, EXTENSION_ID, openInEditor, workspaceUri } from './helpers';

// The bundled suite runs from a temporary folder; the repository is the extension's own folder.
const extensionRoot = () => vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;

suite('Import Timeline', () => {
  test('imports PagerDuty log entries into the open postmortem as one edit', async function () {
    if (!canDrive()) this.skip();
    const fixtures = join(extensionRoot(), 'test', 'fixtures', 'import');
    const target = workspaceUri('2024-03-05-search-errors.md');
    copyFileSync(join(fixtures, 'postmortem.md'), target.fsPath);
    try {
      const editor = await openInEditor('2024-03-05-search-errors.md');
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      const command = vscode.commands.executeCommand('hindsight.importTimeline');
      await drive([
        { do: 'waitFor', selector: '.quick-input-widget', text: 'Import timeline from' },
        { do: 'type', text: 'PagerDuty' },
        { do: 'waitFor', selector: '.quick-input-list .monaco-list-row', text: 'PagerDuty log entries' },
        { do: 'press', key: 'Enter' },
        { do: 'waitFor', selector: '.quick-input-widget', text: 'Import PagerDuty log entries' },
        // The dialog opens on the workspace folder; typing before it has listed it loses the path.
        { do: 'waitFor', selector: '.quick-input-list .monaco-list-row', text: 'postmortems' },
        { do: 'fill', selector: '.quick-input-box input', text: join(fixtures, 'pagerduty', 'log_entries.json') },
        // The simple dialog of a remote workbench: once it lists the file, its button opens it.
        { do: 'waitFor', selector: '.quick-input-list .monaco-list-row', text: 'log_entries.json' },
        { do: 'click', selector: '.quick-input-action .monaco-button' },
        { do: 'waitFor', selector: '.quick-input-widget', text: 'Rows to insert' },
        { do: 'waitFor', selector: '.quick-input-list .monaco-list-row', text: 'Acknowledged by Aiko Tanaka' },
        { do: 'mouseAway' },
        { do: 'shot', name: 'import-timeline-preview' },
        { do: 'press', key: 'Enter' },
      ]);
      await command;
      const text = editor.document.getText();
      assert.match(
        text,
        /^\| 2024-03-05 14:04 \| search-api: Triggered through the API \[detected\] \| \[PagerDuty\]\(https:\/\/acme\.pagerduty\.com\/incidents\/Q0SEARCH01 "pagerduty:R0TRIG0001"\) \|$/m,
      );
      assert.match(text, /^\| 2024-03-05 14:44 \| Aiko Tanaka: Resolved by Aiko Tanaka \[resolved\] \|/m);
      const at = text.split('\n').findIndex((line) => line.startsWith('## Timeline'));
      editor.revealRange(new vscode.Range(at, 0, at + 12, 0), vscode.TextEditorRevealType.AtTop);
      await drive([
        { do: 'waitFor', selector: '.monaco-editor .view-lines', text: 'Triggered through the API' },
        { do: 'mouseAway' },
        { do: 'shot', name: 'import-timeline' },
      ]);
      await vscode.commands.executeCommand('undo');
      assert.doesNotMatch(editor.document.getText(), /pagerduty:R0TRIG0001/, 'one undo takes the whole import back');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.view.explorer');
      rmSync(target.fsPath, { force: true });
    }
  });
});
