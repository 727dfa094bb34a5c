import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AMOUNT, durationMinutes } from '../../../server/src/core/time/amounts';
import { spansIn } from '../../../server/src/core/time/spans';

describe('one grammar of amounts of time', () => {
  it('converts figures, words, units and their combinations to minutes', () => {
    const cases: [string, number][] = [
      ['2 hours', 120],
      ['1h 28m', 88],
      ['forty-five minutes', 45],
      ['half an hour', 30],
      ['1 day, 3 hours and 20 minutes', 1640],
      ['1 minute and 30 seconds', 1.5],
      ['twelve minutes', 12],
    ];
    for (const [text, minutes] of cases) assert.equal(durationMinutes(text), minutes, text);
    assert.equal(durationMinutes('several'), undefined);
  });

  it('matches an amount whole, not a word that merely starts like a unit', () => {
    const whole = new RegExp(`^${AMOUNT}$`, 'i');
    assert.ok(whole.test('3 hours and 5 minutes'));
    assert.equal(new RegExp(AMOUNT, 'i').exec('5 monitors')?.[0], undefined);
  });

  // The spans a line counts from a time once read a narrower grammar: no days, no seconds, and no "twelve",
  // "sixty" or "ninety", which the stated durations did read. Both now read the same amounts.
  const onceDiffered: [string, string, number][] = [
    ['At 14:10 UTC the API was down for ninety minutes.', 'ninety minutes', 90],
    ['At 14:10 UTC the queue was stalled for sixty minutes.', 'sixty minutes', 60],
    ['14:10 rollback started; errors stopped twelve minutes later', 'twelve minutes', 12],
    ['14:10 failover started; writes resumed 1 minute 30 seconds later', '1 minute 30 seconds', 1.5],
    ['2024-03-04 09:00 UTC the mirror went offline for the next 2 days', '2 days', 2880],
  ];
  for (const [line, amount, minutes] of onceDiffered) {
    it(`reads the span in ${JSON.stringify(line)} as a stated duration reads "${amount}"`, () => {
      assert.equal(spansIn(line)[0]?.text, amount);
      assert.equal(spansIn(line)[0]?.minutes, minutes);
      assert.equal(durationMinutes(amount), minutes);
    });
  }
});
