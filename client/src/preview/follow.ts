/**
 * The pure decisions of the preview, apart from VS Code: which document a preview shows as the active editor
 * changes, what its tab says, and when the editor's position is worth sending to the page.
 */

export interface PreviewState {
  uri: string;
  /** A locked preview stays on its document; the one unlocked preview follows the active postmortem. */
  locked: boolean;
}

export interface ActiveEditor {
  uri: string;
  postmortem: boolean;
}

/**
 * The document the preview should switch to, or undefined to stay: only an unlocked preview
 * follows, to a postmortem.
 */
export function followTarget(preview: PreviewState, active: ActiveEditor | undefined): string | undefined {
  if (preview.locked || !active?.postmortem || active.uri === preview.uri) return undefined;
  return active.uri;
}

export function previewTitle(fileName: string, locked: boolean): string {
  return locked ? `[Locked] Preview ${fileName}` : `Preview ${fileName}`;
}

/**
 * Scrolling goes one way, editor to page: the page never moves the editor, so nothing it does can come back as an
 * editor scroll. This keeps the page from being sent what it already shows, keyed by document and line, which also
 * covers the visible-range events VS Code fires while it lays out a new editor group.
 */
export class ScrollFollower {
  private sent: string | undefined;

  /** The line to send for an editor scroll, or undefined when the page already shows it. */
  next(uri: string, topLine: number): number | undefined {
    const key = `${uri}#${topLine}`;
    if (key === this.sent) return undefined;
    this.sent = key;
    return topLine;
  }

  /** The page was rendered again (or shows another document): it needs the position once more. */
  forget(): void {
    this.sent = undefined;
  }
}
