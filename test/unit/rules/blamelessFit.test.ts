/**
 * The blameless fit holds a cue kind's own weight to its prior harder than the features that read who
 * acts, so that a labelled set where one kind happens to be mostly blame does not teach "this word blames".
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_FIT, fit, type Row } from '../../../scripts/blameless-data';

/** Made-up sentences in which every "failed to" is labelled blame, whoever failed. */
function rows(): Row[] {
  const subjects = ['The engineer', 'We', 'The reviewer', 'The operator', 'I', 'The contractor'];
  const blamed = subjects.flatMap((who, i) => [
    { text: `${who} failed to renew certificate number ${i}.`, label: 'BLAME' as const },
    { text: `${who} failed to rotate key number ${i}.`, label: 'BLAME' as const },
  ]);
  const plain = subjects.map((_, i) => ({ text: `Queue ${i} drained within ten minutes.`, label: 'OK' as const }));
  return [...blamed, ...plain].map((r, i) => ({ ...r, category: 'made-up', source: `doc-${i % 4}` }));
}

describe('blameless fit', () => {
  it("holds a cue kind's own weight nearer its prior as the kind scale grows", () => {
    const options = { ...DEFAULT_FIT, iterations: 400 };
    const loose = fit(rows(), { ...options, kindScale: 1 }).weights['cue:failed-to'] ?? 0;
    const held = fit(rows(), { ...options, kindScale: 20 }).weights['cue:failed-to'] ?? 0;
    // The prior of the bare kind is 0: the data pushes it up, the scale pulls it back.
    assert.ok(loose > 0.2, `the data alone raises the kind's weight (${loose})`);
    assert.ok(Math.abs(held) < Math.abs(loose) / 2, `held ${held} against loose ${loose}`);
  });

  it('holds a feature the guide gives no prior nearer zero as the unprior scale grows', () => {
    const options = { ...DEFAULT_FIT, iterations: 400 };
    // "cue:failed-to@we" is read from the data alone: priors.json names no weight for it.
    const loose = fit(rows(), { ...options, unpriorScale: 1 }).weights['cue:failed-to@we'] ?? 0;
    const held = fit(rows(), { ...options, unpriorScale: 20 }).weights['cue:failed-to@we'] ?? 0;
    assert.ok(Math.abs(loose) > 0.05, `the data alone moves the feature (${loose})`);
    assert.ok(Math.abs(held) < Math.abs(loose) / 2, `held ${held} against loose ${loose}`);
  });
});
