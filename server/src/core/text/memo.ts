import { flat } from './flat';

/** Default budget of a memo: characters of keys, about 32 MB of UTF-16. */
export const MEMO_BUDGET_CHARS = 16 * 1024 * 1024;
/** Longer texts are computed every time: a pasted log line is rarely seen twice, and would crowd out the rest. */
const MAX_KEY_CHARS = 4096;

/**
 * Remembers the results of a pure function of a string, so that unchanged lines cost nothing
 * when a document is analysed again after an edit. Bounded by entries and by the characters it
 * holds as keys (values are derived from them and of similar size): past either, the oldest half
 * is dropped. Keys are flattened copies, so the cache never holds a whole document through a slice.
 */
export function memoize<T>(
  fn: (text: string) => T,
  limit = 200_000,
  budgetChars = MEMO_BUDGET_CHARS,
): (text: string) => T {
  let cache = new Map<string, T>();
  let chars = 0;
  return (text: string) => {
    if (text.length > MAX_KEY_CHARS) return fn(text);
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      const key = flat(text);
      value = fn(key);
      if (cache.size >= limit || chars + key.length > budgetChars) ({ cache, chars } = newestHalf(cache));
      cache.set(key, value);
      chars += key.length;
    }
    return value as T;
  };
}

function newestHalf<T>(cache: Map<string, T>): { cache: Map<string, T>; chars: number } {
  const kept = new Map([...cache].slice(Math.ceil(cache.size / 2)));
  let chars = 0;
  for (const key of kept.keys()) chars += key.length;
  return { cache: kept, chars };
}
