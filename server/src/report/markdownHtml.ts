import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { RoundMemo } from './roundMemo';

/** Markdown to HTML, sanitised: action texts and file names come from the postmortems themselves. */
const toHtml = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify)
  .freeze();

/** Markdown to sanitised HTML in one conversion. */
export function wholeMarkdownHtml(markdown: string): string {
  return String(toHtml.processSync(markdown));
}

/**
 * Constructs that can reach from one section into another: link reference definitions and
 * footnotes (used anywhere, defined anywhere), and fenced code or HTML blocks, which can run past a
 * blank line. A report holding any of them is converted whole.
 */
const CROSSES_SECTIONS = /^ {0,3}(?:[-*+>]|\d+[.)])?[ \t]*(?:\[[^\]\n]*\]:|<|```|~~~)|\[\^/m;

const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/m;

/**
 * Whether a blank line after `run` ends every block open in it, given the line after the blank: not
 * when that line is indented (code, or more of a list item) or is a list item while the run holds
 * one (it may be the same list, made loose).
 */
function endsBlocks(run: string, lineAfter: string): boolean {
  if (lineAfter === '' || /^[ \t]/.test(lineAfter)) return false;
  return !(LIST_ITEM.test(lineAfter) && LIST_ITEM.test(run));
}

/**
 * The report split at blank lines that end every open block, into runs of whole top-level blocks;
 * undefined when it must stay whole.
 */
export function reportBlocks(markdown: string): string[] | undefined {
  if (CROSSES_SECTIONS.test(markdown)) return undefined;
  const blocks: string[] = [];
  let start = 0;
  for (let at = markdown.indexOf('\n\n'); at >= 0; at = markdown.indexOf('\n\n', at + 1)) {
    const next = markdown.indexOf('\n', at + 2);
    const lineAfter = markdown.slice(at + 2, next < 0 ? undefined : next);
    if (!endsBlocks(markdown.slice(start, at), lineAfter)) continue;
    blocks.push(markdown.slice(start, at + 1));
    start = at + 2;
  }
  blocks.push(markdown.slice(start));
  return blocks;
}

const converted = new RoundMemo<string>();

/**
 * The report's Markdown as sanitised HTML, converted block by block and remembered by block text:
 * after one postmortem is saved most tables and lists read as before, and only the others are
 * converted again. Top-level blocks are joined by a newline in one conversion as here, so the result
 * is the same as converting the whole.
 */
export function reportMarkdownHtml(markdown: string): string {
  converted.nextRound();
  const blocks = reportBlocks(markdown);
  if (!blocks) return wholeMarkdownHtml(markdown);
  return blocks
    .map((block) => converted.get(block, () => wholeMarkdownHtml(block)))
    .filter((html) => html !== '')
    .join('\n');
}
