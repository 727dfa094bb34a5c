/**
 * Inline Markdown that is not prose, each construct defined once for every reader that strips it:
 * highlighting and the blameless rules blank it with spaces, so every column keeps its place; the
 * redactor removes or replaces it. Regular expressions, not a parser: they run on every line typed.
 */

/** `<!-- … -->`; one left open runs to the end of the text. */
export const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** `` `code` ``, any run of backticks; the second group is the code. */
export const CODE_SPAN = /(`+)([\s\S]*?)\1/g;
/** `![alt](source "title")`: the alt text, then the source and title. */
export const IMAGE = /!\[([^\][]*)\]\(([^()]*)\)/g;
/** `[label](target "title")`: the label, then the target and title. */
export const LINK = /\[([^\][]*)\]\(([^()]*)\)/g;
/** `[label][reference]`: the label, then the reference. */
export const REF_LINK = /\[([^\][]+)\]\[([^\][]*)\]/g;
/**
 * `<https://…>`, `<mailto:…>`, `<www.…>`: any scheme of 2 to 32 characters, and no space, `<` or `>`
 * inside, as CommonMark has it. Both keep each start's scan short: the scheme's bound a long run of
 * letters and hyphens, the `<` a line of unclosed `<https:` (one scan to the line's end per opener).
 */
export const AUTOLINK = /<(?:[a-z][a-z0-9+.-]{1,31}:|www\.)[^<>\s]*>/gi;
/** `<someone@example.com>` */
export const EMAIL_AUTOLINK = /<[^\s<>@]+@[^\s<>]+>/g;
/** A URL in running text, any scheme (2 to 32 characters) or `www.`; it stops before brackets and table pipes. */
export const BARE_URL = /\b(?:[a-z][a-z0-9+.-]{1,31}:\/\/|www\.)[^\s<>()[\]|]+/gi;
/** An HTML tag, opening, closing or empty. */
export const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

/** What a reader blanks; `linkTarget` keeps a link's `[label` and blanks the rest, as does `refTarget`. */
export type InlinePart =
  'comment' | 'code' | 'image' | 'link' | 'linkTarget' | 'refTarget' | 'autolink' | 'emailAutolink' | 'url' | 'html';

const spaces = (text: string) => ' '.repeat(text.length);
/** Keeps `[label` of a match whose first group is the label, and blanks what follows it. */
const keepLabel = (match: string, label: string) =>
  match.slice(0, label.length + 1) + spaces(match.slice(label.length + 1));

const BLANKS: Record<InlinePart, (text: string) => string> = {
  comment: (text) => text.replace(COMMENT, spaces),
  code: (text) => text.replace(CODE_SPAN, spaces),
  image: (text) => text.replace(IMAGE, spaces),
  link: (text) => text.replace(LINK, spaces),
  linkTarget: (text) => text.replace(LINK, keepLabel),
  refTarget: (text) => text.replace(REF_LINK, keepLabel),
  autolink: (text) => text.replace(AUTOLINK, spaces),
  emailAutolink: (text) => text.replace(EMAIL_AUTOLINK, spaces),
  url: (text) => text.replace(BARE_URL, spaces),
  html: (text) => text.replace(HTML_TAG, spaces),
};

/** The text with each given part blanked by spaces, in the order given: same length, every column in place. */
export function blankInline(text: string, parts: readonly InlinePart[]): string {
  return parts.reduce((blanked, part) => BLANKS[part](blanked), text);
}
