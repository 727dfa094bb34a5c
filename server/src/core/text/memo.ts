/**
 * Remembers the results of a pure function of a string, so that unchanged lines cost nothing
 * when a document is analysed again after an edit. Bounded: past `limit` entries the oldest
 * half is dropped.
 */
export function memoize<T>(fn: (text: string) => T, limit = 200_000): (text: string) => T {
  let cache = new Map<string, T>();
  return (text: string) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      value = fn(text);
      if (cache.size >= limit) cache = new Map([...cache].slice(limit / 2));
      cache.set(text, value);
    }
    return value as T;
  };
}
