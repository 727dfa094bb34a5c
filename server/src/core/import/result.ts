import { ImportInputError, inWindow, type ImportedRow, type ImportFilter } from './types';

/** What a source read: its rows in the window, what it left out and why. */
export interface SourceResult {
  rows: ImportedRow[];
  /** Things the user should know that did not stop the import ("2 messages from unknown users"). */
  notes: string[];
}

/** Collects rows, keeping those in the window and remembering the span of all, for a clear "nothing in the window". */
export class RowCollector {
  readonly rows: ImportedRow[] = [];
  readonly notes: string[] = [];
  private earliest = Infinity;
  private latest = -Infinity;
  private timed = 0;
  untimed = 0;

  constructor(
    private readonly filter: ImportFilter,
    private readonly what: string,
  ) {}

  add(row: ImportedRow): void {
    this.timed++;
    if (row.instant < this.earliest) this.earliest = row.instant;
    if (row.instant > this.latest) this.latest = row.instant;
    if (inWindow(row.instant, this.filter)) this.rows.push(row);
  }

  /** The rows in time order, or a clear error when there are none. */
  finish(): SourceResult {
    if (this.untimed > 0) this.notes.push(`${this.untimed} ${this.what} without a readable timestamp were skipped`);
    if (this.timed === 0) {
      throw new ImportInputError(
        this.untimed > 0
          ? `none of the ${this.untimed} ${this.what} has a readable timestamp`
          : `no ${this.what} found in the file`,
      );
    }
    if (this.rows.length === 0) {
      throw new ImportInputError(
        `no ${this.what} in the window ${describeWindow(this.filter)}; the export runs from ` +
          `${iso(this.earliest)} to ${iso(this.latest)}`,
      );
    }
    this.rows.sort((a, b) => a.instant - b.instant);
    return { rows: this.rows, notes: this.notes };
  }
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z');

function describeWindow(filter: ImportFilter): string {
  const from = filter.from === undefined ? 'the start' : iso(filter.from);
  const to = filter.to === undefined ? 'the end' : iso(filter.to);
  return `${from} – ${to}`;
}
