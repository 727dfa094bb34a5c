import type { PostmortemDocument } from '../core/model';
import { actionItems } from './actions';
import { documentTitle, headerCard, metricCards } from './cards';
import { esc } from './escape';
import { renderBody } from './markdown';
import { htmlPage } from './page';
import { STYLES } from './styles';
import { timelineSection } from './timeline-svg';

export interface PreviewOptions {
  /** Fresh for every render; the only style and script allowed carry it. */
  nonce: string;
  /** YYYY-MM-DD, for overdue action items. */
  today: string;
  /** A file to share: no script, theme fallbacks only. */
  standalone: boolean;
  /** The webview's own resource origin (VS Code's `webview.cspSource`). */
  cspSource?: string;
}

/** Problems that mean the document could not be read, or not wholly: shown at the top, never a blank page. */
const REFUSED = new Set(['document/binary', 'document/too-large']);

/**
 * Follows the editor: the client posts `{ type: 'scroll', line }` and the page scrolls to the
 * block holding that line, interpolating between blocks. It embeds no document data.
 */
const SCROLL_SCRIPT = `(function () {
  var api = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  function scrollToLine(line) {
    var blocks = document.querySelectorAll('.hs-document > [data-line]');
    var before = { top: 0, line: 0 }, after;
    for (var i = 0; i < blocks.length; i++) {
      var at = {
        top: blocks[i].getBoundingClientRect().top + window.scrollY,
        line: Number(blocks[i].getAttribute('data-line'))
      };
      if (at.line <= line) before = at; else { after = at; break; }
    }
    var top = before.top;
    if (after && after.line > before.line)
      top += ((after.top - before.top) * (line - before.line)) / (after.line - before.line);
    window.scrollTo(0, Math.max(0, top));
  }
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (m && m.type === 'scroll' && typeof m.line === 'number') scrollToLine(m.line);
  });
  if (api) api.postMessage({ type: 'ready' });
})();`;

export function renderPreview(doc: PostmortemDocument, options: PreviewOptions): string {
  const nonce = esc(options.nonce);
  // Raw parts: the page shell escapes the policy as a whole.
  const raw = options.nonce;
  const csp = options.standalone
    ? `default-src 'none'; img-src data:; style-src 'nonce-${raw}'; base-uri 'none'; form-action 'none'`
    : `default-src 'none'; img-src ${options.cspSource ? `${options.cspSource} ` : ''}data:; ` +
      `style-src 'nonce-${raw}'; script-src 'nonce-${raw}'; base-uri 'none'; form-action 'none'`;
  const refused = doc.problems.some((p) => REFUSED.has(p.code));
  const sections = [
    problemBox(doc),
    headerCard(doc),
    metricCards(doc),
    timelineSection(doc),
    actionItems(doc, options.today),
  ];
  if (!refused) sections.push(`<article class="hs-document">${renderBody(doc)}</article>`);
  const head = [
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(documentTitle(doc))}</title>`,
    `<style nonce="${nonce}">${STYLES}</style>`,
  ];
  const body = [
    `<main>${sections.join('\n')}</main>`,
    options.standalone ? '' : `<script nonce="${nonce}">${SCROLL_SCRIPT}</script>`,
  ];
  const bodyAttributes = ` class="${options.standalone ? 'hs-standalone' : 'hs-preview'}"`;
  return htmlPage({ csp, head, bodyAttributes, body });
}

function problemBox(doc: PostmortemDocument): string {
  const errors = doc.problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return '';
  const items = errors.map((p) => {
    const line = p.range.start.line;
    return `<li data-line="${line}">Line ${line + 1}: ${esc(p.message)} <code>${esc(p.code)}</code></li>`;
  });
  const heading = doc.problems.some((p) => REFUSED.has(p.code))
    ? 'This file could not be read as a postmortem'
    : 'Part of this document could not be read';
  return `<section class="hs-problems" role="alert"><h2>${heading}</h2><ul>${items.join('')}</ul></section>`;
}
