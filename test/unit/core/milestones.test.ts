import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { chooseMilestones, type MilestoneWeights } from '../../../server/src/core/metrics/choose';
import { guessDescription, markFixesAt, timedEntryAt } from '../../../server/src/core/metrics/mark';
import { candidatesOf, milestonesFrom } from '../../../server/src/core/metrics/milestones';
import { codeLenses } from '../../../server/src/lsp/outline';
import type { MilestoneCandidate } from '../../../server/src/core/metrics/milestone-candidates';
import { applyEdits } from '../../../server/src/core/text/edits';
import { defaultConfig } from '../../../server/src/core/config/config';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'milestones');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const iso = (epoch: number | undefined) =>
  epoch === undefined ? undefined : new Date(epoch).toISOString().replace('.000Z', 'Z');

/** A candidate whose only feature is a named cue, at a minute of one day. */
function candidate(minute: number, cue: string, marked: MilestoneCandidate['marked'] = []): MilestoneCandidate {
  const range = { start: { line: minute, character: 0 }, end: { line: minute, character: 1 } };
  return { time: minute * 60_000, line: minute, range, text: cue, source: 'wording', features: { [cue]: 1 }, marked };
}

const WEIGHTS: MilestoneWeights = {
  highConfidence: 0.75,
  unsureFrom: 0.1,
  kinds: {
    started: { begin: 2 },
    detected: { alert: 3, begin: 1 },
    acknowledged: { ack: 2 },
    mitigated: { rollback: 2 },
    resolved: { recover: 2, rollback: 2.5 },
  },
};

describe('choosing milestones together', () => {
  it('keeps started ≤ detected ≤ … ≤ resolved even when a later cue scores higher alone', () => {
    // The strongest resolution cue comes before the alert: taking it would break the order.
    const chosen = chooseMilestones(
      [candidate(5, 'begin'), candidate(6, 'recover'), candidate(10, 'alert'), candidate(20, 'rollback')],
      WEIGHTS,
    );
    assert.equal(chosen.started?.candidate.line, 5);
    assert.equal(chosen.detected?.candidate.line, 10);
    assert.equal(chosen.mitigated?.candidate.line, 20);
    assert.equal(chosen.resolved?.candidate.line, 20);
    assert.equal(chosen.acknowledged, undefined, 'no candidate scores above absence');
  });

  it('leaves a milestone absent when no candidate scores above zero', () => {
    const chosen = chooseMilestones([candidate(1, 'nothing'), candidate(2, 'unrelated')], WEIGHTS);
    assert.deepEqual(Object.keys(chosen), []);
  });

  it('takes a marked candidate over any score', () => {
    const chosen = chooseMilestones([candidate(3, 'alert'), candidate(9, 'nothing', ['detected'])], WEIGHTS);
    assert.equal(chosen.detected?.candidate.line, 9);
  });
});

describe('an end at the instant the incident opens', () => {
  it('is no end: a guessed resolution at the time of the guessed start goes, a later one stays', () => {
    const start = candidate(5, 'begin');
    // Another line at the same minute, as a schedule restated beside the field that dates the incident.
    const sameInstant = { ...candidate(5, 'recover'), line: 40 };
    assert.equal(milestonesFrom([start, sameInstant], WEIGHTS).resolved, undefined);
    assert.equal(milestonesFrom([start, candidate(30, 'recover')], WEIGHTS).resolved?.line, 30);
  });
});

describe('milestones carry confidence and evidence', () => {
  it('marks a marked row as marked, and a guessed one with the features behind it', () => {
    const doc = analyzeText(read('marker-wins.md'));
    assert.equal(doc.milestones.detected?.confidence, 'marked');
    const mitigated = doc.milestones.mitigated!;
    assert.notEqual(mitigated.confidence, 'marked');
    assert.ok(mitigated.features.length > 0, 'a guess names the features that chose it');
    assert.match(mitigated.evidence, /Failover/);
  });
});

describe('"Mark as …" quick fix', () => {
  for (const [name, line] of [
    ['newest-first.md', 14],
    ['rollback-mitigates.md', 19],
  ] as const) {
    it(`marks a row of ${name}, and the marked choice then wins`, () => {
      const text = read(name);
      const doc = analyzeText(text);
      const row = line - 1;
      assert.ok(timedEntryAt(doc, row), 'the row is a timed entry');
      const fix = markFixesAt(doc, row).find((f) => f.title === 'Mark as acknowledged');
      assert.ok(fix, 'the row offers "Mark as acknowledged"');
      const fixed = analyzeText(applyEdits(text, doc.lines, fix.edits));
      assert.equal(fixed.milestones.acknowledged?.line, row);
      assert.equal(fixed.milestones.acknowledged?.confidence, 'marked');
      assert.equal(
        fixed.timeline.entries.filter((e) => e.time !== undefined).length,
        doc.timeline.entries.filter((e) => e.time !== undefined).length,
        'the row is still one timed entry',
      );
      assert.ok(
        !markFixesAt(fixed, row).some((f) => f.title === 'Mark as acknowledged'),
        'a marked row does not offer the same mark again',
      );
    });
  }

  it('offers nothing on a line that is not a timed entry', () => {
    const doc = analyzeText(read('newest-first.md'));
    assert.deepEqual(markFixesAt(doc, 7), []);
  });
});

describe('rules that depend on milestones stay quiet when unsure', () => {
  const problems = (text: string, code: string) =>
    checkDocument(analyzeText(text), { config: defaultConfig(), error: undefined }, { today: '2025-06-01' }).filter(
      (p) => p.code === code,
    );

  // Depends on the fitted weights: a row that names only a symptom ("exports look slow") must stay below
  // detection but above `unsureFrom`. If a refit moves it, the figures in the weights file say why.
  it('reports a missing detection as information on the row that comes close', () => {
    const found = problems(read('rules/vague-detection.md'), 'timeline/no-detection');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'info');
    assert.equal(found[0].range.start.line + 1, 14);
    assert.match(found[0].message, /Mark as detected/);
  });

  it('warns when no row says anything like a detection', () => {
    const found = problems(read('rules/silent-detection.md'), 'timeline/no-detection');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
  });

  it('says nothing once the row is marked', () => {
    const text = read('rules/vague-detection.md').replace(
      'exports look slow today',
      'exports look slow today [detected]',
    );
    assert.deepEqual(problems(text, 'timeline/no-detection'), []);
  });
});

describe('evidence beats first matches', () => {
  it('finds the milestones of each trap fixture where a careful reader would', () => {
    // Each fixture's .expected.json is checked in timeline-fixtures.test.ts; this asserts the pairings that matter most.
    const window = analyzeText(read('window-in-summary.md')).milestones;
    assert.equal(iso(window.started?.time), '2024-05-14T09:05:00Z', 'the stated window, not the routine job before it');
    const actions = analyzeText(read('resolved-in-action-items.md')).milestones;
    assert.equal(iso(actions.resolved?.time), '2024-09-03T18:25:00Z', 'not an action item');
  });

  it('reads where a row sits: backstory and follow-up rows are not the incident, closing is not recovering', () => {
    const found = analyzeText(read('closed-after-recovery.md')).milestones;
    assert.equal(iso(found.started?.time), '2025-02-11T14:09:00Z', 'not the change merged a week before');
    assert.equal(iso(found.mitigated?.time), '2025-02-11T14:52:00Z', 'the step recovery followed, not the first try');
    assert.equal(iso(found.resolved?.time), '2025-02-11T15:05:00Z', 'not the tickets closed, nor the review after');
    // With no timeline heading the rows of every section are candidates, each knowing its section.
    const told = analyzeText(read('backstory-and-follow-up.md')).milestones;
    assert.equal(iso(told.started?.time), '2025-02-11T14:09:00Z');
    assert.equal(iso(told.resolved?.time), '2025-02-11T15:05:00Z');
    const candidates = candidatesOf(told);
    const at = (text: string) => candidates.find((c) => c.text.includes(text))!.features;
    assert.equal(at('was merged').section_cause, 1);
    assert.equal(at('Review held').section_followup, 1);
    assert.equal(at('tickets closed').after_last_recover, 1);
    assert.equal(at('Flag turned off').last_mitigate_before_recover, 1);
  });

  it('starts a dated document with no times on its date, as a day, and invents nothing else', () => {
    const found = analyzeText(read('dated-not-timed.md')).milestones;
    assert.equal(iso(found.started?.time), '2024-10-08T00:00:00Z');
    assert.equal(found.started?.confidence, 'low');
    assert.match(found.started!.evidence, /document’s date/);
    for (const kind of ['detected', 'acknowledged', 'mitigated', 'resolved'] as const) {
      assert.equal(found[kind], undefined, kind);
    }
    // As soon as any row gives a time of day, the document's date is no longer offered.
    const row = '\n## Timeline\n\n- 2024-10-08 07:12 UTC Retry sends the batch again\n';
    const timed = analyzeText(`${read('dated-not-timed.md')}${row}`);
    assert.ok(!candidatesOf(timed.milestones).some((c) => c.features.document_date));
  });

  it('tells a stated window’s end from the end of a span a line counts from one time', () => {
    const text = [
      '# Queue stall',
      '',
      'Between 08:00 and 09:30 UTC on 4 June 2024 the queue was unavailable.',
      '',
      '## Timeline',
      '',
      '- 2024-06-04 08:10 UTC Jobs failed for the next 20 minutes.',
      '- 2024-06-04 09:30 UTC Queue recovered.',
      '',
    ].join('\n');
    const candidates = candidatesOf(analyzeText(text).milestones);
    const endsAt = (feature: string) => candidates.filter((c) => c.features[feature]).map((c) => iso(c.time));
    assert.deepEqual(endsAt('window_end'), ['2024-06-04T09:30:00Z'], 'the window closes where its start stands');
    assert.deepEqual(endsAt('span_end'), ['2024-06-04T08:30:00Z'], '20 minutes counted from 08:10, no start beside');
    const recovered = candidates.find((c) => c.text.includes('Queue recovered'))!;
    assert.equal(recovered.features.agrees_window_end, 1);
  });

  it('marks a window stated after the rows tell recovery as a relapse, and only that window', () => {
    const candidates = candidatesOf(analyzeText(read('relapse-window-after-recovery.md')).milestones);
    const late = candidates.filter((c) => c.features.window_after_recovery).map((c) => iso(c.time));
    assert.deepEqual(late.sort(), ['2024-07-09T14:52:00Z', '2024-07-09T14:58:00Z']);
    const early = analyzeText(read('window-end-halts-impact.md')).milestones;
    assert.ok(!candidatesOf(early).some((c) => c.features.window_after_recovery), 'no recovery row, no relapse');
  });

  it('marks the last step of a recovery told in steps, beside the step before the first recovery', () => {
    const candidates = candidatesOf(analyzeText(read('recovery-in-steps.md')).milestones);
    const marked = (feature: string) => candidates.filter((c) => c.features[feature]).map((c) => iso(c.time));
    assert.deepEqual(marked('last_mitigate_before_recover'), ['2024-08-12T10:20:00Z'], 'before the partial recovery');
    assert.deepEqual(marked('last_mitigate_before_end'), ['2024-08-12T10:40:00Z'], 'before the full recovery');
  });

  it('offers no candidate for a timeline row with no word in it, such as a bold day heading', () => {
    const text = [
      '# Sync halted',
      '',
      '## Timeline',
      '',
      '**13 March 2024:**',
      '',
      '14:05 UTC: The release went out to the sync workers.',
      '',
      '14:12 UTC: An alert fired for the sync backlog.',
      '',
    ].join('\n');
    const doc = analyzeText(text);
    const candidates = candidatesOf(doc.milestones);
    assert.ok(candidates.some((c) => c.text.includes('release went out')));
    assert.deepEqual(
      candidates.filter((c) => !/\p{L}/u.test(c.text)).map((c) => c.text),
      [],
      'a row that tells no event is not a milestone candidate',
    );
  });
});

describe('guessed milestones say so', () => {
  it('the durations code lens names each guessed milestone and what it was guessed from', () => {
    const doc = analyzeText(read('window-in-summary.md'));
    const guessed = (['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const).filter(
      (k) => doc.milestones[k]?.confidence === 'low',
    );
    assert.ok(guessed.length > 0, 'this fixture has a guessed milestone');
    const [lens] = codeLenses({ doc });
    for (const kind of guessed) assert.match(lens.command!.title, new RegExp(`${kind} guessed from “`));
    const sure = codeLenses({ doc: analyzeText(read('rollback-mitigates.md')) })[0];
    assert.doesNotMatch(sure.command!.title, /guessed/, 'no caveat when every milestone is confident');
  });

  it('describes a low-confidence milestone by its evidence and features, and a confident one not at all', () => {
    const doc = analyzeText(read('marker-wins.md'));
    assert.equal(guessDescription(doc.milestones.detected!), undefined);
    const low = { ...doc.milestones.mitigated!, confidence: 'low' as const, features: ['first_mitigate'] };
    assert.equal(guessDescription(low), `guessed from “${low.evidence}” (first mitigate)`);
  });
});
