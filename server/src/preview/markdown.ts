import type { Element, ElementContent, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { PostmortemDocument } from '../core/model';
import { bodyTree } from './bodyTree';

/**
 * The document body as HTML. Raw HTML is parsed (rehype-raw) so that sanitize, with GitHub's
 * schema, decides what survives: no scripts, handlers, frames or `javascript:` URLs.
 * Only after sanitizing do we add our own attributes, so the author cannot forge them.
 */
const processor = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize)
  .use(() => finish)
  .use(rehypeStringify)
  .freeze();

export function renderBody(doc: PostmortemDocument): string {
  const lines = bodyLines(doc);
  // The source text lets raw HTML blocks keep their place in it, which the preview follows.
  const source = lines.join('\n');
  return processor.stringify(processor.runSync(bodyTree(lines), source), source);
}

/** The lines with the frontmatter blanked, so line numbers stay those of the source. */
function bodyLines(doc: PostmortemDocument): readonly string[] {
  const lines = doc.lines.lines;
  const range = doc.frontmatter?.range;
  if (!range) return lines;
  return lines.map((line, i) => (i >= range.start.line && i <= range.end.line ? '' : line));
}

function finish(tree: Root): void {
  for (const child of tree.children) {
    // `data-line` on each top-level block lets the preview follow the editor.
    if (child.type === 'element' && child.position) child.properties.dataLine = child.position.start.line - 1;
  }
  visit(tree);
}

/** Images would be remote or local resources, which the page may not load: show them as links instead. */
function visit(node: Root | Element, inLink = false): void {
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'img') return imageLink(child, inLink);
    if (child.tagName === 'a' && typeof child.properties.href === 'string' && /^https?:/i.test(child.properties.href)) {
      child.properties.rel = ['noopener', 'noreferrer'];
    }
    visit(child, inLink || child.tagName === 'a');
    return child;
  });
}

function imageLink(img: Element, inLink: boolean): ElementContent {
  const src = typeof img.properties.src === 'string' ? img.properties.src : '';
  const alt = typeof img.properties.alt === 'string' && img.properties.alt ? img.properties.alt : src || 'image';
  const label: ElementContent = { type: 'text', value: `🖼 ${alt}` };
  if (!src || inLink)
    return { type: 'element', tagName: 'span', properties: { className: ['hs-image'] }, children: [label] };
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: src, className: ['hs-image'], rel: ['noopener', 'noreferrer'] },
    children: [label],
  };
}
