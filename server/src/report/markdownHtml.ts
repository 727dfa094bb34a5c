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

/** The report split before each `## ` heading that follows a blank line; undefined when it must stay whole. */
export function reportSections(markdown: string): string[] | undefined {
  if (CROSSES_SECTIONS.test(markdown)) return undefined;
  const sections: string[] = [];
  let start = 0;
  for (let at = markdown.indexOf('\n\n## '); at >= 0; at = markdown.indexOf('\n\n## ', at + 1)) {
    sections.push(markdown.slice(start, at + 1));
    start = at + 2;
  }
  sections.push(markdown.slice(start));
  return sections;
}

const converted = new RoundMemo<string>();

/**
 * The report's Markdown as sanitised HTML, converted section by section and remembered by section
 * text: after one postmortem is saved most sections read as before, and only the others are
 * converted again. Top-level blocks are joined by a newline in one conversion as here, so the result
 * is the same as converting the whole.
 */
export function reportMarkdownHtml(markdown: string): string {
  converted.nextRound();
  const sections = reportSections(markdown);
  if (!sections) return wholeMarkdownHtml(markdown);
  return sections
    .map((section) => converted.get(section, () => wholeMarkdownHtml(section)))
    .filter((html) => html !== '')
    .join('\n');
}
