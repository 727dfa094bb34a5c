import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributes, execute, fixtureText, NONCE, parse, render } from './helpers';

/**
 * injection.md holds script payloads everywhere a document can carry them: raw HTML, links,
 * frontmatter values, timeline and action item cells, a `</script>` breakout in the title.
 * Each sets its own `window.pwned…` global when it runs.
 */
const FIXTURE = 'injection.md';
const PAYLOADS = [...new Set(fixtureText(FIXTURE).match(/pwned\w+/g))];
const pwned = (window: object) => PAYLOADS.filter((name) => (window as Record<string, unknown>)[name] !== undefined);

describe('preview: script injection', () => {
  it('the harness would catch them: the same payloads, unsanitized, do run', () => {
    const { window } = execute(fixtureText(FIXTURE));
    const ran = pwned(window);
    for (const name of ['pwnedScript', 'pwnedImg', 'pwnedSvg', 'pwnedClick', 'pwnedToggle', 'pwnedHeading'])
      assert.ok(ran.includes(name), `${name} should run in the control`);
  });

  for (const standalone of [false, true]) {
    describe(standalone ? 'exported file' : 'editor preview', () => {
      const html = render(FIXTURE, { standalone });

      it('runs none of them, though scripts are enabled and every handler is provoked', () => {
        assert.ok(PAYLOADS.length >= 40, `only ${PAYLOADS.length} payloads found`);
        const { window, posted, errors } = execute(html);
        assert.deepEqual(pwned(window), []);
        assert.deepEqual(
          Object.keys(window).filter((key) => /pwned/i.test(key)),
          [],
        );
        assert.deepEqual(errors, []);
        // The page's own script did run here: the harness executes what the page allows.
        assert.equal(JSON.stringify(posted), standalone ? '[]' : '[{"type":"ready"}]');
      });

      it('leaves no handler attributes, no script URLs and nothing that loads or navigates', () => {
        const document = parse(html);
        const all = attributes(document);
        assert.deepEqual(
          all.filter((a) => /^on/i.test(a.name)).map((a) => `${a.element.tagName} ${a.name}`),
          [],
        );
        // Browsers ignore control characters and whitespace before a scheme.
        // eslint-disable-next-line no-control-regex -- control characters are what this strips
        const scheme = (value: string) => value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        assert.deepEqual(
          all
            .filter((a) => /^(javascript|vbscript|data):/.test(scheme(a.value)))
            .map((a) => `${a.element.tagName} ${a.name}=${a.value}`),
          [],
        );
        assert.deepEqual(
          all.filter((a) => ['style', 'srcdoc', 'formaction', 'xlink:href'].includes(a.name)).map((a) => a.name),
          [],
        );
        const forbidden =
          'iframe, frame, object, embed, form, base, link, meta[http-equiv="refresh"], img, math, ' +
          'noscript, svg script, foreignObject, [src], [srcset], [poster], [background]';
        assert.deepEqual(
          [...document.querySelectorAll(forbidden)].map((e) => e.tagName),
          [],
        );
      });

      it(standalone ? 'has no script element at all' : 'has one script, carrying the nonce', () => {
        const scripts = [...parse(html).querySelectorAll('script')];
        if (standalone) assert.equal(scripts.length, 0);
        else
          assert.deepEqual(
            scripts.map((s) => [s.getAttribute('nonce'), s.hasAttribute('src')]),
            [[NONCE, false]],
          );
        assert.deepEqual(
          [...parse(html).querySelectorAll('style')].map((s) => s.getAttribute('nonce')),
          [NONCE],
        );
      });

      it('shows the payloads as text where the author wrote them', () => {
        const document = parse(html);
        assert.match(document.title, /^<\/title><\/script><script>window\.pwnedTitle = true<\/script>/);
        assert.equal(
          document.querySelector('[data-field="severity"] dd')?.textContent,
          '<img src=x onerror="window.pwnedSeverity = true">',
        );
        assert.match(
          document.querySelector('.hs-document code')?.textContent ?? '',
          /<script>window\.pwnedCode = true<\/script>/,
        );
        assert.ok(
          [...document.querySelectorAll('.hs-entry title')].some((t) =>
            t.textContent!.includes('window.pwnedTimelineScript'),
          ),
        );
      });
    });
  }
});
