import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSP_SOURCE, csp, fixtureText, NONCE, parse, render } from './helpers';

const text = (element: Element | null | undefined) => element?.textContent?.trim();

describe('preview: a realistic postmortem', () => {
  const document = parse(render('checkout-outage.md'));

  it('shows the frontmatter in the header card', () => {
    assert.equal(
      text(document.querySelector('.hs-header h1')),
      'Checkout errors after payment gateway certificate expiry',
    );
    assert.equal(text(document.querySelector('[data-field="severity"] dd')), 'SEV2');
    assert.equal(text(document.querySelector('[data-field="status"] dd')), 'in-review');
    assert.deepEqual([...document.querySelectorAll('[data-field="services"] .hs-chip')].map(text), [
      'checkout',
      'payments-gateway',
    ]);
    assert.deepEqual([...document.querySelectorAll('[data-field="authors"] .hs-chip')].map(text), [
      'maria.santos',
      'k.okafor',
    ]);
  });

  it('shows each duration in a card, with its formula on hover', () => {
    const value = (name: string) => text(document.querySelector(`[data-metric="${name}"] .hs-metric-value`));
    assert.deepEqual(['ttd', 'tta', 'ttm', 'ttr', 'impact'].map(value), ['6m', '11m', '47m', '1h 15m', '47m']);
    const ttm = document.querySelector('[data-metric="ttm"]')!.getAttribute('title')!;
    assert.match(ttm, /^Time to mitigate = mitigated − started/);
    assert.match(ttm, /mitigated: 2025-04-14 09:47 UTC/);
  });

  it('draws the timeline: a tick per entry, a marker per milestone, the impact window shaded', () => {
    const svg = document.querySelector('svg.hs-timeline-svg')!;
    assert.ok(svg);
    assert.equal(svg.querySelectorAll('.hs-entry').length, 6);
    const kinds = [...svg.querySelectorAll('.hs-milestone')].map((g) => g.getAttribute('data-kind')).sort();
    assert.deepEqual(kinds, [
      'acknowledged',
      'detected',
      'impactEnd',
      'impactStart',
      'mitigated',
      'resolved',
      'started',
    ]);
    const impact = svg.querySelectorAll('rect.hs-impact');
    assert.equal(impact.length, 1);
    // The shaded window runs from the impact-start marker to the impact-end marker.
    const stem = (kind: string) =>
      Number(svg.querySelector(`[data-kind="${kind}"] .hs-milestone-stem`)!.getAttribute('x1'));
    const x = Number(impact[0].getAttribute('x'));
    assert.ok(Math.abs(x - stem('impactStart')) < 0.2);
    assert.ok(Math.abs(x + Number(impact[0].getAttribute('width')) - stem('impactEnd')) < 0.2);
    assert.match(text(impact[0].querySelector('title'))!, /\(47m\)$/);
  });

  it('marks overdue action items: not done and due before today', () => {
    const rows = [...document.querySelectorAll('tr.hs-action')];
    assert.deepEqual(
      rows.map((r) => r.classList.contains('hs-overdue')),
      [true, false, false],
    );
    assert.equal(rows[0].querySelectorAll('.hs-badge-overdue').length, 1);
    const later = parse(render('checkout-outage.md', { today: '2025-07-01' }));
    // The done item is past its date too, but done is never overdue.
    assert.deepEqual(
      [...later.querySelectorAll('tr.hs-action')].map((r) => r.classList.contains('hs-overdue')),
      [true, true, false],
    );
  });

  it('renders the document with the source line on every top-level block', () => {
    const lines = fixtureText('checkout-outage.md').split('\n');
    const blocks = [...document.querySelectorAll('.hs-document > *')];
    assert.ok(blocks.length > 5);
    for (const block of blocks)
      assert.match(block.getAttribute('data-line') ?? '', /^\d+$/, block.outerHTML.slice(0, 60));
    const summary = [...document.querySelectorAll('.hs-document > h2')].find((h) => text(h) === 'Summary')!;
    assert.equal(Number(summary.getAttribute('data-line')), lines.indexOf('## Summary'));
    assert.equal(
      document.querySelector('.hs-document a')?.getAttribute('href'),
      'https://dashboards.example.com/payments',
    );
  });
});

describe('preview: timelines of any size', () => {
  it('one timed entry, and the entries without a time listed beside it', () => {
    const document = parse(render('sparse-timeline.md'));
    const svg = document.querySelector('svg.hs-timeline-svg')!;
    assert.equal(svg.querySelectorAll('.hs-entry').length, 1);
    assert.deepEqual(
      [...svg.querySelectorAll('.hs-milestone')].map((g) => g.getAttribute('data-kind')),
      ['started'],
    );
    assert.equal(svg.querySelectorAll('.hs-impact').length, 0);
    const unplaced = [...document.querySelectorAll('.hs-unplaced li')].map(text);
    assert.deepEqual(unplaced, ['Merchandising team notices old prices on the storefront', 'Cache TTL lowered']);
    assert.ok([...svg.querySelectorAll('.hs-tick-label')].length >= 1);
  });

  it('times of day the document never dates: an axis of times alone, across midnight', () => {
    const svg = parse(render('times-of-day.md')).querySelector('svg.hs-timeline-svg')!;
    assert.equal(svg.querySelectorAll('.hs-entry').length, 4);
    const ticks = [...svg.querySelectorAll('.hs-tick-label')].map(text);
    assert.ok(ticks.includes('00:00') && ticks.every((t) => /^\d\d:\d\d$/.test(t!)), ticks.join(' '));
    assert.match(text(svg.querySelector('[data-kind="detected"] title'))!, /^detected: 00:05 UTC/);
  });

  it('no entries at all: a note instead of an empty drawing', () => {
    const document = parse(render('unclosed-frontmatter.md'));
    assert.equal(document.querySelector('svg'), null);
    assert.match(text(document.querySelector('.hs-timeline .hs-empty'))!, /No timeline entries/);
  });
});

describe('preview: Content-Security-Policy', () => {
  const document = parse(render('checkout-outage.md'));
  const policy = csp(document);

  it('comes first in the head and allows nothing but the nonce', () => {
    const head = [...document.head.children].map((e) => e.tagName.toLowerCase());
    assert.ok(head.indexOf('meta') < head.indexOf('style'));
    assert.equal(document.head.children[1].getAttribute('http-equiv'), 'Content-Security-Policy');
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), [`'nonce-${NONCE}'`]);
    assert.deepEqual(policy.get('style-src'), [`'nonce-${NONCE}'`]);
    assert.deepEqual(policy.get('img-src'), [CSP_SOURCE, 'data:']);
    assert.doesNotMatch(
      document.querySelector('meta[http-equiv]')!.getAttribute('content')!,
      /unsafe|\*\s*;|https?:\/\/(?!\*\.vscode-cdn\.net)/,
    );
  });

  it('puts the nonce on the only style and the only script', () => {
    assert.deepEqual(
      [...document.querySelectorAll('style')].map((s) => s.getAttribute('nonce')),
      [NONCE],
    );
    assert.deepEqual(
      [...document.querySelectorAll('script')].map((s) => s.getAttribute('nonce')),
      [NONCE],
    );
  });

  it('follows the VS Code theme, with fallbacks for a file opened elsewhere', () => {
    const css = document.querySelector('style')!.textContent!;
    assert.match(css, /var\(--vscode-editor-background, var\(--hs-bg\)\)/);
    assert.match(css, /prefers-color-scheme: dark/);
  });
});

describe('preview: bad input', () => {
  it('a frontmatter that cannot be read: the problem in a box at the top, and the rest of the document still', () => {
    const document = parse(render('broken-frontmatter.md'));
    const box = document.querySelector('main > .hs-problems');
    assert.equal(document.querySelector('main')!.firstElementChild, box);
    assert.match(text(box)!, /Line 3: Frontmatter YAML: .*frontmatter\/yaml-error/);
    assert.equal(text(document.querySelector('.hs-header h1')), 'Search index rebuild stalled');
    assert.deepEqual([...document.querySelectorAll('.hs-document > h2')].map(text), ['Summary', 'Timeline']);
    assert.equal(document.querySelectorAll('.hs-milestone').length, 4);
    assert.equal(text(document.querySelector('[data-metric="ttd"] .hs-metric-value')), '5h 15m');
  });

  it('a frontmatter never closed: the problem, and the text as written', () => {
    const document = parse(render('unclosed-frontmatter.md'));
    assert.match(text(document.querySelector('.hs-problems'))!, /never closed/);
    assert.equal(text(document.querySelector('.hs-document h1')), 'Webhook retries doubled');
  });
});
