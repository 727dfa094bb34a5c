/**
 * A new user's first minutes: the preview follows the postmortem being read (and stays when locked), opening it
 * leaves the editor where it was, its timeline speaks the document's zone, and a blame finding offers a fix first.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { canDrive, codeOf, drive, openInEditor, waitForDiagnostics } from './helpers';

const ROLLOUT = 'first-use/search-rollout.postmortem.md';
const PURGE = 'first-use/cache-purge.postmortem.md';

const previewTabs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('hindsight.preview'));

/** Resolves when the preview tabs' labels satisfy `accept`, checked now and after every change of tabs. */
function waitForPreviewTabs(accept: (labels: string[]) => boolean, timeoutMs = 20_000): Promise<string[]> {
  const labels = () =>
    previewTabs()
      .map((t) => t.label)
      .sort();
  return new Promise((resolve, reject) => {
    if (accept(labels())) return resolve(labels());
    const subscription = vscode.window.tabGroups.onDidChangeTabs(
      () => accept(labels()) && (cleanup(), resolve(labels())),
    );
    const timer = setTimeout(
      () => (cleanup(), reject(new Error(`preview tabs stayed ${JSON.stringify(labels())}`))),
      timeoutMs,
    );
    const cleanup = () => (subscription.dispose(), clearTimeout(timer));
  });
}

/** Resolves when `line` is in the editor's visible range, as VS Code reports it. */
function waitForVisible(editor: vscode.TextEditor, line: number, timeoutMs = 10_000): Promise<void> {
  const visible = () => editor.visibleRanges.some((r) => r.start.line <= line && line <= r.end.line);
  return new Promise((resolve, reject) => {
    if (visible()) return resolve();
    const subscription = vscode.window.onDidChangeTextEditorVisibleRanges(
      (e) => e.textEditor === editor && visible() && (cleanup(), resolve()),
    );
    const timer = setTimeout(() => (cleanup(), reject(new Error(`line ${line} never became visible`))), timeoutMs);
    const cleanup = () => (subscription.dispose(), clearTimeout(timer));
  });
}

const closePreviews = () => vscode.window.tabGroups.close(previewTabs());

suite('First use', () => {
  teardown(async () => {
    await closePreviews();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  const stays =
    'opening the preview with the Problems panel open and the cursor mid-file leaves the editor where it was';
  test(stays, async function () {
    if (!canDrive()) this.skip();
    // Markdown wraps by default, and the editor narrowed by the preview beside it re-wraps the lines above the
    // cursor while keeping its pixel offset, so its first visible line drifts without any scroll. Unwrapped, a
    // line that moves was scrolled.
    const markdownEditor = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await markdownEditor.update('wordWrap', 'off', vscode.ConfigurationTarget.Global, true);
    try {
      await previewLeavesEditorInPlace();
    } finally {
      await markdownEditor.update('wordWrap', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  async function previewLeavesEditorInPlace() {
    const editor = await openInEditor(ROLLOUT);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(editor.document, { preview: false });
    const middle = Math.floor(editor.document.lineCount / 2);
    editor.selection = new vscode.Selection(middle, 0, middle, 0);
    editor.revealRange(new vscode.Range(middle, 0, middle, 0), vscode.TextEditorRevealType.InCenter);
    await waitForVisible(editor, middle);
    const before = editor.visibleRanges[0];
    // The loop was seen in a few tries out of twenty: open it several times.
    for (let attempt = 0; attempt < 4; attempt++) {
      await vscode.commands.executeCommand('hindsight.openPreview');
      // The page has rendered and been sent the editor's position.
      await drive([{ do: 'frameTexts', selector: '.hs-metric .hs-metric-name' }]);
      const shown = vscode.window.visibleTextEditors.find((e) => e.document === editor.document)!;
      const after = shown.visibleRanges[0];
      assert.ok(
        Math.abs(after.start.line - before.start.line) <= 1,
        `attempt ${attempt + 1}: the editor moved from line ${before.start.line} to ${after.start.line}`,
      );
      assert.ok(
        after.start.line <= middle,
        `attempt ${attempt + 1}: the editor scrolled past the cursor, to line ${after.start.line}`,
      );
      assert.equal(shown.selection.active.line, middle);
      await closePreviews();
    }
  }

  test('one preview follows the postmortem being read, and a locked one stays', async () => {
    await openInEditor(ROLLOUT);
    await vscode.commands.executeCommand('hindsight.openPreview');
    await waitForPreviewTabs((l) => l.join() === 'Preview search-rollout.postmortem.md');
    await openInEditor(PURGE);
    await waitForPreviewTabs((l) => l.join() === 'Preview cache-purge.postmortem.md');
    await vscode.commands.executeCommand('hindsight.togglePreviewLock');
    await waitForPreviewTabs((l) => l.join() === '[Locked] Preview cache-purge.postmortem.md');
    await openInEditor(ROLLOUT);
    await vscode.commands.executeCommand('hindsight.openPreview');
    const labels = await waitForPreviewTabs((l) => l.length === 2);
    assert.deepEqual(
      labels,
      ['Preview search-rollout.postmortem.md', '[Locked] Preview cache-purge.postmortem.md'].sort(),
    );
  });

  test('the preview draws a CEST timeline in CEST, with the zone on the axis', async function () {
    if (!canDrive()) this.skip();
    const editor = await openInEditor(ROLLOUT);
    // From the top, where the preview draws the timeline.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('hindsight.openPreview');
    const [zone, labels] = await drive([
      { do: 'frameTexts', selector: '.hs-timeline-svg .hs-axis-zone' },
      { do: 'frameTexts', selector: '.hs-timeline-svg .hs-milestone-label' },
      { do: 'mouseAway' },
      { do: 'shot', name: 'preview-cest' },
    ]);
    assert.deepEqual(zone, ['times in CEST']);
    assert.ok((labels as string[]).includes('detected 11:17'), JSON.stringify(labels));
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  const blameOrder = 'a blame finding offers its rewrite first, the documentation as a quick fix, the disables last';
  test(blameOrder, async function () {
    const editor = await openInEditor(PURGE);
    const found = await waitForDiagnostics(editor.document.uri, (ds) =>
      ds.some((d) => codeOf(d) === 'blameless/normative'),
    );
    const blame = found.find((d) => codeOf(d) === 'blameless/normative')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      editor.document.uri,
      blame.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    const ours = titles.filter((t) => /mistakenly|normative/.test(t));
    assert.equal(ours[0], 'Remove "mistakenly"', titles.join(' | '));
    assert.ok(titles.includes('Show documentation for blameless/normative'), titles.join(' | '));
    assert.ok(
      ours.slice(-2).every((t) => t.startsWith('Disable ')),
      titles.join(' | '),
    );
    if (!canDrive()) return;
    editor.selection = new vscode.Selection(blame.range.start, blame.range.start);
    await drive([
      { do: 'press', key: 'Control+.' },
      { do: 'waitFor', selector: '.action-widget', text: 'Remove "mistakenly"' },
      { do: 'shot', name: 'quick-fix-blame' },
      { do: 'press', key: 'Escape' },
    ]);
  });
});
