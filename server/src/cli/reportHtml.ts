import { createHash } from 'node:crypto';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { InsightsReport } from '../core/insights/aggregate';
import { esc } from '../preview/escape';
import { htmlPage } from '../preview/page';
import { reportCharts } from './reportCharts';
import { reportMarkdown } from './reportMarkdown';

/** Markdown to HTML, sanitised: action texts and file names come from the postmortems themselves. */
const toHtml = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify)
  .freeze();

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f3f3f5; }
figure { margin: 1rem 0 2rem; }
figcaption { color: #555; font-size: 0.9em; }
h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; margin-top: 2rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; }
  tr { break-inside: avoid; }
}
`;

/** The charts go after the opening line of the report, before the tables. */
function withCharts(body: string, figures: string): string {
  const firstParagraphEnd = body.indexOf('</p>');
  if (figures === '' || firstParagraphEnd < 0) return body;
  const at = firstParagraphEnd + '</p>'.length;
  return `${body.slice(0, at)}\n${figures}${body.slice(at)}`;
}

/** A CSP hash for our style sheet and for each style block the charts carry, so nothing else can style the page. */
function styleHashes(sheet: string, body: string): string {
  const blocks = [sheet, ...[...body.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!)];
  const hashes = new Set(blocks.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`));
  return [...hashes].join(' ');
}

/**
 * One self-contained page: no script, nothing fetched, and a Content-Security-Policy that allows only
 * the one inline style sheet (by its hash), so the file stays inert wherever it is opened.
 */
export function reportHtml(report: InsightsReport): string {
  const figures = reportCharts(report).map(
    (c) => `<figure>${c.svg}<figcaption>${esc(c.caption)}</figcaption></figure>`,
  );
  const body = withCharts(String(toHtml.processSync(reportMarkdown(report))), figures.join('\n'));
  const csp = `default-src 'none'; style-src ${styleHashes(STYLE, body)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const head = [`<title>Postmortem insights, ${esc(report.options.today)}</title>`, `<style>${STYLE}</style>`];
  return `${htmlPage({ csp, head, body: [body] })}\n`;
}
