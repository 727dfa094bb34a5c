import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quoteItem } from '../../../server/src/core/rules/actions/quote';

describe('quoteItem', () => {
  it('quotes a short item whole, on one line', () => {
    assert.equal(quoteItem('Alert on  resolver\nSERVFAIL rate'), '"Alert on resolver SERVFAIL rate"');
  });

  it('cuts a long item at a word boundary, with an ellipsis and no dangling punctuation', () => {
    const text = 'Validate every zone file in the publish script, before it goes live, against the schema';
    const quoted = quoteItem(text, 60);
    assert.equal(quoted, '"Validate every zone file in the publish script, before it…"');
    assert.ok(text.startsWith(quoted.slice(1, -2)), "the quoted words are the item's own");
  });

  it('cuts inside a single very long word only when there is no other choice', () => {
    const url = `https://example.com/${'a'.repeat(80)}`;
    assert.equal(quoteItem(url, 40), `"${url.slice(0, 40)}…"`);
  });
});
