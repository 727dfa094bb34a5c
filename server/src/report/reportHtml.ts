import { createHash } from 'node:crypto';
import type { InsightsReport } from '../core/insights/aggregate';
import { esc } from '../preview/escape';
import { htmlPage } from '../preview/page';
import { reportCharts } from './reportCharts';
import { reportMarkdownHtml } from './markdownHtml';
import { reportMarkdown } from './reportMarkdown';

// Editor theme colours when shown in VS Code's webview; plain colours in a browser or on paper.
const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
  color: var(--vscode-foreground, #1d1d1f); background: var(--vscode-editor-background, #fff); }
a { color: var(--vscode-textLink-foreground, #0b5cad); }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid var(--vscode-panel-border, #ccc); padding: 0.25rem 0.6rem;
  text-align: left; vertical-align: top; }
th { background: var(--vscode-editorWidget-background, #f3f3f5); }
figure { margin: 1rem 0 2rem; }
figcaption { color: var(--vscode-descriptionForeground, #555); font-size: 0.9em; }
h2 { border-bottom: 1px solid var(--vscode-panel-border, #ddd); padding-bottom: 0.2rem; margin-top: 2rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11px; color: #000; background: #fff; }
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
 * In VS Code's webview, a click on a link to a postmortem asks the extension to open it at its line
 * (the webview cannot follow a relative link itself). Links with a scheme or to an anchor are left alone.
 */
const OPEN_LINKS_SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
  const href = link ? link.getAttribute('href') : null;
  if (!href || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', href });
});
`;

export interface ReportHtmlOptions {
  /** For VS Code's webview: the one script, which opens postmortems in the editor, runs under this nonce. */
  nonce?: string;
}

/**
 * One self-contained page: nothing fetched, and a Content-Security-Policy that allows only the
 * inline style sheets it carries (by their hash), so the file stays inert wherever it is opened.
 * As a file it has no script at all; in the webview, only the nonce'd one that opens links.
 */
export function reportHtml(report: InsightsReport, options: ReportHtmlOptions = {}): string {
  const figures = reportCharts(report).map(
    (c) => `<figure>${c.svg}<figcaption>${esc(c.caption)}</figcaption></figure>`,
  );
  const body = withCharts(reportMarkdownHtml(reportMarkdown(report)), figures.join('\n'));
  const script = options.nonce ? `script-src 'nonce-${options.nonce}'; ` : '';
  const csp =
    `default-src 'none'; style-src ${styleHashes(STYLE, body)}; ${script}img-src data:; ` +
    `base-uri 'none'; form-action 'none'`;
  const head = [`<title>Postmortem insights, ${esc(report.options.today)}</title>`, `<style>${STYLE}</style>`];
  const scripts = options.nonce ? [`<script nonce="${esc(options.nonce)}">${OPEN_LINKS_SCRIPT}</script>`] : [];
  return `${htmlPage({ csp, head, body: [body, ...scripts] })}\n`;
}
