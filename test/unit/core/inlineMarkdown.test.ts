/**
 * Inline Markdown stripped by its three readers, pinned: the blameless rules' mask (blanks, columns kept),
 * highlighting (blanks all but link labels) and the redactor (removes, replaces, counts). A change to how
 * they strip shows here, reader by reader, before it can change a finding. The constructs themselves are
 * defined once, in server/src/core/text/inlineMarkdown.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Redactor } from '../../../server/src/core/redact';
import { blankInline } from '../../../server/src/core/text/inlineMarkdown';
import { mask } from '../../../server/src/core/rules/blameless/prose';
import { tokensOfLine } from '../../../server/src/lsp/semanticTokens';

/** Each line exercises constructs the readers treat differently; times show what highlighting still sees. */
const CASES: { input: string; mask: string; highlighted: string[]; redacted: string; counts: string }[] = [
  {
    input: 'Paged at 14:51 UTC <!-- note 15:00 --> then more',
    mask: 'Paged at 14:51 UTC                     then more',
    highlighted: ['9:14:51', '15:UTC'],
    redacted: 'Paged at 14:51 UTC then more',
    counts: '',
  },
  {
    input: 'Unclosed <!-- comment 15:00 trailing',
    // A comment left open hides the rest of the line from the blameless rules too, as from the others.
    mask: 'Unclosed                            ',
    highlighted: [],
    redacted: 'Unclosed',
    counts: '',
  },
  {
    input: 'Ran `restart 15:00` and ``a ` b`` done',
    mask: 'Ran                 and           done',
    highlighted: [],
    redacted: 'Ran and done',
    counts: 'code=2',
  },
  {
    input: 'See [the 15:00 runbook](https://wiki.example.com/run?t=15:00 "title") now',
    mask: 'See                                                                   now',
    highlighted: ['9:15:00'],
    redacted: 'See the 15:00 runbook now',
    counts: 'links=1',
  },
  {
    input: '![graph at 15:00](img/p99.png) shows it',
    mask: '                               shows it',
    highlighted: ['11:15:00'],
    redacted: 'shows it',
    counts: 'links=1',
  },
  {
    input: 'Ref [the doc 15:00][ref] here',
    mask: 'Ref [the doc 15:00][ref] here',
    highlighted: ['13:15:00'],
    redacted: 'Ref the doc 15:00 here',
    counts: '',
  },
  {
    input: 'Auto <https://status.example.com/15:00> and <mailto:ops@example.com> and <ftp://x.example.com/15:00>',
    mask: 'Auto                                    and                          and                            ',
    // Autolinks of any scheme are links to highlighting too, not only http(s) and mailto.
    highlighted: [],
    redacted: 'Auto and and',
    counts: 'links=3',
  },
  {
    input: 'Bare https://example.com/path_(x)/15:00. Next sentence.',
    // A bare URL ends before brackets and final punctuation for every reader, so its sentence still ends.
    mask: 'Bare                          (x)/15:00. Next sentence.',
    highlighted: ['34:15:00'],
    redacted: 'Bare (x)/15:00. Next sentence.',
    counts: 'links=1',
  },
  {
    input: 'Also www.example.com/15:00 and ftp://files.example.com/15:00 here',
    // `www.` and schemes other than http(s) are URLs to every reader.
    mask: 'Also                       and                               here',
    highlighted: [],
    redacted: 'Also and here',
    counts: 'links=2',
  },
  {
    input: 'Tag <span class="x">15:00</span> <br/> done',
    mask: 'Tag                 15:00              done',
    highlighted: ['20:15:00'],
    redacted: 'Tag 15:00 done',
    counts: '',
  },
  {
    input: 'Email <ops@example.com> and <a.b> and a < b > c',
    // `<a.b>` is neither a tag nor a link to any reader now.
    mask: 'Email                   and <a.b> and a < b > c',
    highlighted: [],
    redacted: 'Email <a team member> and <a.b> and a < b > c',
    counts: 'emails=1',
  },
  {
    input: 'He said "this was careless" and ‘that was sloppy’ ok',
    mask: 'He said                     and                   ok',
    highlighted: [],
    redacted: 'He said "this was careless" and ‘that was sloppy’ ok',
    counts: '',
  },
  {
    input: '**bold** _it_ *em* ~~gone~~ \\* escaped',
    mask: '  bold    it   em    gone      escaped',
    highlighted: [],
    redacted: '**bold** _it_ *em* ~~gone~~ \\* escaped',
    counts: '',
  },
  {
    input: 'Nested [a [b](c)](d) and [unclosed](x 15:00',
    mask: 'Nested [a       ](d) and [unclosed](x 15:00',
    highlighted: ['38:15:00'],
    // A link label has no brackets for any reader: the inner link is the one taken.
    redacted: 'Nested [a b](d) and [unclosed](x 15:00',
    counts: 'links=1',
  },
  {
    input: 'Link [label](<spaced url>) and [x]( https://a.example.com/15:00 )',
    mask: 'Link                       and                                   ',
    highlighted: [],
    redacted: 'Link label and x',
    counts: 'links=2',
  },
];

describe('inline Markdown, as each reader strips it', () => {
  it('the blameless mask blanks code, links, URLs, quotes, tags and emphasis, keeping every column', () => {
    for (const c of CASES) {
      assert.equal(mask(c.input), c.mask, c.input);
      assert.equal(mask(c.input).length, c.input.length);
    }
  });

  it('highlighting reads link labels but not targets, code, comments, URLs or tags', () => {
    for (const c of CASES) {
      const found = tokensOfLine(c.input).map((t) => `${t.start}:${c.input.slice(t.start, t.start + t.length)}`);
      assert.deepEqual(found, c.highlighted, c.input);
    }
  });

  it('the redactor removes code and URLs, keeps link labels and counts what it took', () => {
    for (const c of CASES) {
      const redactor = new Redactor(['Priya Raman']);
      assert.equal(redactor.redact(c.input), c.redacted, c.input);
      const counts = Object.entries(redactor.counts).filter(([, n]) => n > 0);
      assert.equal(counts.map(([kind, n]) => `${kind}=${n}`).join(' '), c.counts, c.input);
    }
  });
});

describe('blanking inline Markdown', () => {
  it('keeps the length and every column of the text', () => {
    const text = 'a `b` [c](d) <!-- e --> <f> https://g.example.com h';
    const blanked = blankInline(text, ['comment', 'code', 'link', 'autolink', 'url', 'html']);
    assert.equal(blanked.length, text.length);
    assert.equal(blanked.replace(/ +/g, ' '), 'a h');
    assert.equal(blanked.indexOf('h'), text.lastIndexOf('h'));
  });

  it("blanks a link's target and keeps its label when asked to", () => {
    assert.equal(blankInline('[see the 14:02 graph](x.png)', ['linkTarget']), '[see the 14:02 graph        ');
    assert.equal(blankInline('[label][ref] ok', ['refTarget']), '[label       ok');
  });

  it('blanks only the parts asked for', () => {
    assert.equal(blankInline('`<b>` <b>', ['html']), '`   `    ');
    assert.equal(blankInline('`<b>` <b>', ['code']), '      <b>');
    assert.equal(blankInline('`<b>` <b>', ['code', 'html']), '         ');
  });
});
