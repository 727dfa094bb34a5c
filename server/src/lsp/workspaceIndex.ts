import { statSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import {
  filesUnderAsync,
  isMarkdownName,
  isPostmortemFile,
  type OnUnreadable,
  SKIPPED_FOLDERS,
} from '../core/files/discover';

/** Size and modification time: what tells that a file changed without reading it. */
export type Stamp = string;

export function stampOf(path: string): Stamp | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? `${stat.mtimeMs}:${stat.size}` : undefined;
  } catch {
    return undefined;
  }
}

/** Lets requests waiting in the event loop (a hover, an edit) run before the next file. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Files looked at between two yields while walking: a stat and a 64 KiB read each at most. */
const FILES_PER_TURN = 20;

/**
 * Which files of one workspace folder are postmortems. Each file's verdict is kept with its stamp,
 * so walking the folder again reads only the files that changed.
 */
export class FolderIndex {
  /** Postmortem paths, in walk order. */
  readonly postmortems = new Set<string>();
  private readonly verdicts = new Map<string, { stamp: Stamp; postmortem: boolean }>();
  private walked = false;

  constructor(
    readonly root: string,
    private readonly include: readonly string[],
    private readonly onUnreadable?: OnUnreadable,
  ) {}

  get current(): boolean {
    return this.walked;
  }

  /** Forgets the membership (not the verdicts): the next `refresh` walks the folder again. */
  markStale(): void {
    this.walked = false;
  }

  contains(path: string): boolean {
    const rel = relative(this.root, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return false;
    return !rel.split(sep).some((segment) => SKIPPED_FOLDERS.has(segment)) && isMarkdownName(path);
  }

  /** Walks the folder, yielding to the event loop as it goes; stops early when `cancelled` says so. */
  async refresh(cancelled: () => boolean): Promise<boolean> {
    const found = new Set<string>();
    let turn = 0;
    for await (const path of filesUnderAsync(this.root, isMarkdownName, this.onUnreadable)) {
      if (++turn % FILES_PER_TURN === 0) await yieldToEventLoop();
      if (cancelled()) return false;
      if (this.isPostmortem(path)) found.add(path);
    }
    this.postmortems.clear();
    for (const path of found) this.postmortems.add(path);
    this.walked = true;
    return true;
  }

  /** After a watcher event for `path`: whether it is (still) a postmortem. */
  update(path: string): boolean {
    const postmortem = this.isPostmortem(path);
    if (postmortem) this.postmortems.add(path);
    else this.postmortems.delete(path);
    return postmortem;
  }

  private isPostmortem(path: string): boolean {
    const stamp = stampOf(path);
    if (stamp === undefined) {
      this.verdicts.delete(path);
      return false;
    }
    const known = this.verdicts.get(path);
    if (known?.stamp === stamp) return known.postmortem;
    let postmortem = false;
    try {
      postmortem = isPostmortemFile(path, this.include, this.root);
    } catch {
      // Unreadable (permissions, removed meanwhile): not a postmortem we can check.
    }
    this.verdicts.set(path, { stamp, postmortem });
    return postmortem;
  }
}
