/**
 * A copy of `text` that shares no memory with the string it came from. V8 represents a slice of a
 * string (a line of a document, a cell of a row) as a view that keeps the whole parent alive: a
 * cache keyed or valued on such slices keeps every version of the document it ever saw. Anything
 * stored beyond one analysis goes through here first.
 */
export function flat(text: string): string {
  // Concatenation then slice forces V8 to copy the characters into a new string of their own.
  return (' ' + text).slice(1);
}
