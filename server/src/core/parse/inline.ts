import { memoize } from '../text/memo';

/**
 * Plain text of one line of Markdown inline content, for reading times, owners and wording.
 * A regex pass, not a parser: cheap enough to run on every row of a 100,000-row table.
 */

export interface PlainText {
  text: string;
  links: string[];
}

// Labels and destinations stop at the next bracket, so a run of unclosed brackets is read in one
// pass instead of one pass per bracket (30 KB of "[" took seconds).
const IMAGE = /!\[([^\][]*)\]\(([^)\s[\]]*)(?:\s+"[^"]*")?\)/g;
const LINK = /\[([^\][]*)\]\(([^)\s[\]]*)(?:\s+"[^"]*")?\)/g;
const REF_LINK = /\[([^\][]+)\]\[[^\][]*\]/g;
// No space, "<" or ">" inside an autolink (CommonMark): a line of unclosed "<https:" is one pass.
const AUTOLINK = /<((?:https?|mailto):[^<>\s]+)>/g;
const BARE_URL = /\bhttps?:\/\/[^\s<>)\]|]+/g;
const CODE_SPAN = /(`+)([\s\S]*?)\1/g;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

/** Plain text and links of a line; results are shared, so callers must not change them. */
export const plainText = memoize(readPlainText);

function readPlainText(raw: string): PlainText {
  const links: string[] = [];
  let text = raw.replace(HTML_COMMENT, '');
  text = text.replace(IMAGE, (_m, alt: string, url: string) => {
    if (url) links.push(url);
    return alt;
  });
  text = text.replace(LINK, (_m, label: string, url: string) => {
    if (url) links.push(url);
    return label;
  });
  text = text.replace(REF_LINK, '$1');
  text = text.replace(AUTOLINK, (_m, url: string) => {
    links.push(url);
    return url;
  });
  for (const match of text.matchAll(BARE_URL)) if (!links.includes(match[0])) links.push(match[0]);
  text = text.replace(CODE_SPAN, (_m, _ticks: string, code: string) => code.trim());
  text = text.replace(HTML_TAG, ' ');
  text = text
    .replace(/\*\*|__|~~/g, '')
    .replace(/(^|[\s(])\*(?=\S)|(?<=\S)\*(?=$|[\s).,:;!?])/g, '$1')
    .replace(/(^|[\s(])_(?=\S)|(?<=\S)_(?=$|[\s).,:;!?])/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, '$1')
    .replace(/[ \t]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, links };
}

/** Before a row's first cell: indentation, and the markers of a block quote it sits in. */
const ROW_PREFIX = /^\s*(?:>\s?)*\s*/;

/**
 * Splits a GFM table row into cells, honouring `\|` escapes: each cell's text trimmed (`raw`,
 * `start`, `end`) and its whole interior between the pipes (`from`, `to`), for edits that keep padding.
 */
export function splitRow(line: string): { raw: string; start: number; end: number; from: number; to: number }[] {
  const cells: { raw: string; start: number; end: number; from: number; to: number }[] = [];
  let i = ROW_PREFIX.exec(line)![0].length;
  if (line[i] === '|') i++;
  let cellStart = i;
  const push = (endExclusive: number) => {
    let s = cellStart;
    let e = endExclusive;
    while (s < e && /\s/.test(line[s])) s++;
    while (e > s && /\s/.test(line[e - 1])) e--;
    cells.push({ raw: line.slice(s, e), start: s, end: e, from: cellStart, to: endExclusive });
  };
  for (; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '|') {
      push(i);
      cellStart = i + 1;
    }
  }
  const rest = line.slice(cellStart);
  if (rest.trim() !== '' || cells.length === 0) push(line.length);
  return cells;
}
