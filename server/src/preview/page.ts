import { esc } from './escape';

/**
 * The shell of every HTML page Hindsight writes (preview, export, insights report): the
 * Content-Security-Policy comes first in the head, so it governs everything after it.
 */
export function htmlPage(page: { csp: string; head: string[]; bodyAttributes?: string; body: string[] }): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(page.csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...page.head,
    '</head>',
    `<body${page.bodyAttributes ?? ''}>`,
    ...page.body,
    '</body>',
    '</html>',
  ].join('\n');
}
