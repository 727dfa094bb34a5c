import type { Position, Range } from '../model';

/** Whether `position` lies in `range`, both ends included. */
export function rangeContains(range: Range, position: Position): boolean {
  return (
    (position.line > range.start.line ||
      (position.line === range.start.line && position.character >= range.start.character)) &&
    (position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character))
  );
}

/** Whether `inner` lies wholly in `outer`. */
export const rangeWithin = (inner: Range, outer: Range): boolean =>
  rangeContains(outer, inner.start) && rangeContains(outer, inner.end);
