import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attributes, csp, fixtureText, parse, render } from './helpers';

/** The exported file is shared as it is: nothing in it may run or fetch. */
describe('preview: standalone export', () => {
  for (const name of ['checkout-outage.md', 'injection.md']) {
    it(`${name}: no script, no remote resource, only the author's own links`, () => {
      const document = parse(render(name, { standalone: true }));
      assert.equal(document.querySelectorAll('script').length, 0);
      const policy = csp(document);
      assert.deepEqual(policy.get('default-src'), ["'none'"]);
      assert.equal(policy.has('script-src'), false);
      assert.deepEqual(policy.get('img-src'), ['data:']);
      const source = fixtureText(name);
      const remote = attributes(document).filter((a) => /^\s*(https?:)?\/\//i.test(a.value));
      assert.ok(remote.length > 0, 'the fixture has links of its own');
      for (const { element, name: attribute, value } of remote) {
        assert.equal(`${element.tagName} ${attribute}`, 'A href', value);
        assert.ok(element.closest('.hs-document'), `${value} outside the document body`);
        assert.ok(source.includes(value), `${value} is not a link the author wrote`);
        assert.equal(element.getAttribute('rel'), 'noopener noreferrer');
      }
    });
  }

  it('keeps the cards, the timeline and the document', () => {
    const document = parse(render('checkout-outage.md', { standalone: true }));
    assert.equal(document.body.className, 'hs-standalone');
    assert.ok(
      document.querySelector('.hs-header') &&
        document.querySelector('.hs-metrics') &&
        document.querySelector('svg .hs-impact') &&
        document.querySelector('.hs-document h2'),
    );
  });
});
