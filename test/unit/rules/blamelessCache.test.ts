/** The blameless rules' cache of analysed prose holds neither document text nor more bytes than its bound. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnitCache, unitKey } from '../../../server/src/core/rules/blameless/prose';

describe('blameless prose cache', () => {
  it('keys a unit by a short hash, whatever its length, and tells different texts apart', () => {
    const long = 'The deploy restarted every pod at once. '.repeat(5000);
    const key = unitKey([long]);
    assert.ok(key.length < 40, key);
    assert.notEqual(unitKey([long]), unitKey([long + 'x']));
    assert.notEqual(unitKey(['ab', 'c']), unitKey(['a', 'bc']));
    assert.equal(unitKey([long]), key);
  });

  it('stays within its byte bound, dropping the least recently used units first', () => {
    const cache = new UnitCache(10_000);
    cache.set('kept', [], 100);
    for (let i = 0; i < 500; i++) {
      cache.set(`unit ${i}`, [], 100);
      cache.get('kept');
    }
    assert.ok(cache.size.bytes <= 10_000, `${cache.size.bytes} bytes`);
    assert.ok(cache.size.entries < 500);
    assert.deepEqual(cache.get('kept'), []);
    assert.equal(cache.get('unit 0'), undefined);
  });
});
