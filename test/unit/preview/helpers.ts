import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { analyzeText } from '../../../server/src/core/analyzer';
import { renderPreview, type PreviewOptions } from '../../../server/src/preview/render';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'preview');
export const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY3OA==';
export const CSP_SOURCE = 'https://*.vscode-cdn.net';

export const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

export function render(name: string, options: Partial<PreviewOptions> = {}): string {
  const doc = analyzeText(fixtureText(name), `file:///postmortems/${name}`);
  return renderPreview(doc, {
    nonce: NONCE,
    today: '2025-05-15',
    standalone: false,
    cspSource: CSP_SOURCE,
    ...options,
  });
}

/** Parses without running anything, for reading the structure. */
export const parse = (html: string) => new JSDOM(html).window.document;

/** The page's CSP directives, by name. */
export function csp(document: Document): Map<string, string[]> {
  const content = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** Every (element, attribute) pair in the document. */
export function attributes(document: Document): { element: Element; name: string; value: string }[] {
  return [...document.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((a) => ({ element, name: a.name, value: a.value })),
  );
}

/** Events an inline handler could wait for; dispatched on every element so a surviving handler would run. */
const EVENTS = [
  'load',
  'error',
  'click',
  'mouseover',
  'mouseenter',
  'focus',
  'blur',
  'toggle',
  'input',
  'change',
  'submit',
  'animationstart',
  'pointerdown',
];

/**
 * Loads a page in jsdom with scripts enabled (jsdom enforces no CSP, so only the markup itself
 * can stop a payload), fires every event on every element and clicks every link.
 */
export function execute(html: string): {
  window: Window & typeof globalThis;
  posted: unknown[];
  scrolledTo: number[];
  errors: string[];
} {
  const posted: unknown[] = [];
  const scrolledTo: number[] = [];
  const errors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error) => {
    if (!/Not implemented: navigation/.test(error.message)) errors.push(error.message);
  });
  const dom = new JSDOM(html, {
    runScripts: 'dangerously',
    virtualConsole,
    beforeParse(window) {
      Object.assign(window, {
        acquireVsCodeApi: () => ({ postMessage: (message: unknown) => posted.push(message) }),
        scrollTo: (_x: number, y: number) => scrolledTo.push(y),
      });
    },
  });
  const window = dom.window as unknown as Window & typeof globalThis;
  for (const element of window.document.querySelectorAll('*')) {
    for (const type of EVENTS) element.dispatchEvent(new window.Event(type));
  }
  for (const link of window.document.querySelectorAll<HTMLElement>('a, area')) link.click();
  return { window, posted, scrolledTo, errors };
}
