/** The extension's commands, run as a person runs them: pickers answered with keys, results read off the page. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { FIXTURE } from '../../clients/expected';
import { canDrive, drive, openInEditor, paletteSteps, waitForActiveEditor } from './helpers';

suite('Commands', () => {
  test('New Postmortem creates a file from the chosen template, answered through its pickers', async function () {
    if (!canDrive()) this.skip();
    await openInEditor('README.md');
    const created = waitForActiveEditor((e) =>
      /\/postmortems\/\d{4}-\d\d-\d\d-cache-stampede-on-login\.md$/.test(e.document.uri.path),
    );
    const command = vscode.commands.executeCommand('hindsight.newPostmortem');
    await drive([
      { do: 'waitFor', selector: '.quick-input-widget', text: 'New Postmortem (1/3)' },
      { do: 'waitFor', selector: '.quick-input-list .monaco-list-row', text: 'lightweight' },
      { do: 'shot', name: 'new-postmortem-picker' },
      { do: 'type', text: 'lightweight' },
      { do: 'press', key: 'Enter' },
      { do: 'waitFor', selector: '.quick-input-widget', text: 'New Postmortem (2/3)' },
      { do: 'type', text: 'Cache stampede on login' },
      { do: 'press', key: 'Enter' },
      { do: 'waitFor', selector: '.quick-input-widget', text: 'New Postmortem (3/3)' },
      { do: 'type', text: 'SEV3' },
      { do: 'press', key: 'Enter' },
    ]);
    await command;
    const { document } = await created;
    await drive([
      { do: 'waitFor', selector: '.monaco-editor .view-lines', text: 'Cache stampede on login' },
      { do: 'mouseAway' },
      { do: 'shot', name: 'new-postmortem' },
    ]);
    assert.ok(existsSync(document.uri.fsPath), `${document.uri.fsPath} was not written`);
    const text = document.getText();
    for (const line of [
      /^title: Cache stampede on login$/m,
      /^severity: SEV3$/m,
      /^template: lightweight$/m,
      /^## Lessons learned$/m,
    ])
      assert.match(text, line);
  });

  test('the preview shows the durations and draws the timeline', async function () {
    if (!canDrive()) this.skip();
    await openInEditor('2025-03-04-checkout-latency.md');
    // Room for the timeline drawing in the screenshot.
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('hindsight.openPreview');
    const [names, values] = await drive([
      { do: 'frameTexts', selector: '.hs-metric .hs-metric-name' },
      { do: 'frameTexts', selector: '.hs-metric .hs-metric-value' },
      { do: 'frameTexts', selector: '.hs-timeline-svg .hs-milestone' },
      { do: 'mouseAway' },
      { do: 'shot', name: 'preview' },
    ]);
    const shown = Object.fromEntries((names as string[]).map((name, i) => [name, (values as string[])[i]]));
    assert.deepEqual(shown, { TTD: '9m', TTA: '12m', TTM: '45m', TTR: '1h 6m', Impact: '45m' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  test('Draft Status Page Update opens a draft without the names in the postmortem', async () => {
    await openInEditor(FIXTURE);
    await vscode.commands.executeCommand('hindsight.draftStatusPage');
    const draft = vscode.window.activeTextEditor?.document;
    assert.ok(draft && draft.isUntitled, 'the draft is not in a new untitled editor');
    const text = draft.getText();
    assert.match(text, /Search outage after an index rebuild/);
    for (const name of ['Priya', 'priya@example.com', 'search-01', 'SRCH-12'])
      assert.ok(!text.includes(name), `the draft names ${name}:\n${text}`);
    if (canDrive())
      await drive([
        { do: 'waitFor', selector: '.monaco-editor .view-lines', text: 'Search outage' },
        { do: 'mouseAway' },
        { do: 'shot', name: 'status-page-draft' },
      ]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Why No Diagnostics? says why README.md is not checked', async function () {
    if (!canDrive()) this.skip();
    await openInEditor('README.md');
    // With the smoke-test driver on, the workbench shows no toasts: the message is read in the notification center (the bell).
    const results = await drive([
      ...paletteSteps('Hindsight: Why No Diagnostics?'),
      ...paletteSteps('Notifications: Show Notifications'),
      { do: 'waitFor', selector: '.notifications-center .notification-list-item', text: 'README.md' },
      { do: 'text', selector: '.notifications-center .notification-list-item-message' },
    ]);
    assert.match(
      String(results.at(-1)),
      /"README\.md" is not treated as a postmortem because its frontmatter has no `type: postmortem`/,
    );
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('notifications.hideList');
  });
});
