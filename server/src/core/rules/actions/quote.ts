/**
 * An action item's text for a message: whole when short, else cut at the last word boundary that
 * fits, with an ellipsis, so no word is cut in half.
 */
export function quoteItem(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return `"${flat}"`;
  const cut = flat.slice(0, max);
  const boundary = cut.lastIndexOf(' ');
  // One very long word (a URL): cutting inside it is the only choice.
  const kept = boundary > max / 3 ? cut.slice(0, boundary) : cut;
  return `"${kept.replace(/[\s,;:.–—-]+$/, '')}…"`;
}
