/**
 * The labelled blame sentences and the fitting of the blameless model: shared by
 * scripts/fit-blameless.ts (writes the weights) and scripts/eval-blameless.ts (measures them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../server/src/core/analyzer';
import type { SectionKind } from '../server/src/core/model';
import { categoryOf, looksForward } from '../server/src/core/rules/blameless/detect';
import { featuresOfCue, readSentence } from '../server/src/core/rules/blameless/features';
import type { BlameModel } from '../server/src/core/rules/blameless/model';
import { mask, scanProse } from '../server/src/core/rules/blameless/prose';
import { rangeWithin } from '../server/src/core/text/ranges';

export interface Row {
  text: string;
  label: 'BLAME' | 'OK' | 'UNSURE';
  category: string;
  source: string;
  /** The sections the sentence sits in, when known (the fixtures): the rule reads advice by them. */
  section?: readonly SectionKind[];
}

export function loadRows(file: string): Row[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
}

/** The features of a labelled sentence, read as the rule reads prose (code and links masked, quotes kept and marked). */
export function sample(row: Row): { cues: string[][]; y: number } | undefined {
  const reading = readSentence(mask(row.text, true), looksForward(row.section ?? []));
  // A row labelled with one of the rule's own categories (a fixture) is blame through a cue of that category.
  const named = row.label === 'BLAME' && reading.cues.some((c) => categoryOf(c) === row.category);
  const cues = named ? reading.cues.filter((c) => categoryOf(c) === row.category) : reading.cues;
  if (cues.length === 0) return undefined;
  return { cues: cues.map((c) => featuresOfCue(reading, c)), y: row.label === 'BLAME' ? 1 : 0 };
}

/** How many corpus sentences one fixture sentence counts as: each was written for a trap the rule must keep. */
export const FIXTURE_WEIGHT = 3;

/** Folders of the project's own blameless fixtures. */
export const FIXTURE_FOLDERS = [
  ['test', 'fixtures', 'blameless'],
  ['test', 'fixtures', 'rules', 'blameless'],
].map((parts) => join(__dirname, '..', ...parts));

const EXPECT = /<!-- expect: blameless\/([a-z-]+) -->/;

/** Fixtures whose every line is labelled: one with expectations (the rest must stay silent), or the tricky set. */
const fullyLabelled = (name: string, text: string) => name === 'tricky-ok.md' || EXPECT.test(text);

/**
 * The fixtures' sentences as labelled rows, read with their sections as the rule reads them: a line
 * marked `expect: blameless/CATEGORY` is BLAME, any other is OK. An action item's own text is left out:
 * the rule leaves try-harder advice there to another rule, so its silence says nothing of the wording.
 * Each is repeated FIXTURE_WEIGHT times; all share the source "fixture", to train on and never to measure.
 */
export function loadFixtureRows(folders: readonly string[] = FIXTURE_FOLDERS): Row[] {
  return folders.flatMap((folder) =>
    (existsSync(folder) ? readdirSync(folder) : [])
      .filter((name) => name.endsWith('.md'))
      .sort()
      .flatMap((name) => {
        const text = readFileSync(join(folder, name), 'utf8');
        return fullyLabelled(name, text) ? fixtureRows(text) : [];
      }),
  );
}

function fixtureRows(text: string): Row[] {
  const doc = analyzeText(text);
  const lines = text.split('\n');
  // The range runs from the sentence's first word to its last, so it covers only the lines it is written on.
  const sentences = scanProse(doc, 'blameless-fit', (sentence, section) => [
    { start: sentence.search(/\S/), end: sentence.trimEnd().length, value: { sentence, section } },
  ]);
  return sentences.flatMap(({ range, value }): Row[] => {
    const marked = lines.slice(range.start.line, range.end.line + 1).map((l) => EXPECT.exec(l)?.[1]);
    const category = marked.find(Boolean);
    const inAction = doc.actionItems.some((item) => rangeWithin(range, item.action.range));
    if (!category && inAction) return [];
    const row: Row = {
      text: value.sentence,
      label: category ? 'BLAME' : 'OK',
      category: category ?? 'fixture',
      source: 'fixture',
      section: value.section,
    };
    return Array.from({ length: FIXTURE_WEIGHT }, () => row);
  });
}

/** Fold of a row, by its source document, so that no document is split between train and test. */
export function foldOf(row: Row, folds: number): number {
  let h = 2166136261;
  for (let i = 0; i < row.source.length; i++) h = Math.imul(h ^ row.source.charCodeAt(i), 16777619);
  return (h >>> 0) % folds;
}

/** Where the fit starts from and what it shrinks towards: the guide's judgement, as data. */
const PRIORS = JSON.parse(
  readFileSync(join(__dirname, '..', 'server', 'src', 'core', 'rules', 'blameless', 'priors.json'), 'utf8'),
) as { bias: number; weights: Record<string, number> };

export interface FitOptions {
  /** L2 penalty per weight. */
  l2: number;
  iterations: number;
  threshold: number;
  /** Features seen in fewer training sentences are left out: too rare to weigh. */
  minCount: number;
  /**
   * How much harder a cue kind's own weight ("cue:failed-to") is held to its prior than the rest. That
   * weight learns how often a set's sentences with the cue were blame, which depends on how the set
   * was gathered; who acts and how (the other features) is what carries over to new writing.
   */
  kindScale: number;
  /**
   * How much harder than the rest a feature the guide gives no prior is held to zero: without the guide's
   * word for it, it must earn its weight from more sentences, or it learns how one set was gathered.
   */
  unpriorScale: number;
}

export const DEFAULT_FIT: FitOptions = {
  // At 0.01 the fit could not hold two fixture traps above the threshold; cross-validated precision held at 0.005.
  l2: 0.005,
  iterations: 1500,
  threshold: 0.65,
  minCount: 2,
  kindScale: 5,
  unpriorScale: 3,
};

/**
 * L2-regularised logistic regression by full-batch gradient descent with per-weight (AdaGrad)
 * steps. A sentence is as blaming as its most blaming cue, so each step fits the cue that
 * scores highest under the current weights (multiple-instance learning).
 */
export function fit(rows: readonly Row[], options: FitOptions = DEFAULT_FIT): BlameModel {
  const samples = rows.filter((r) => r.label !== 'UNSURE').flatMap((r) => sample(r) ?? []);
  const counts = new Map<string, number>();
  for (const s of samples) for (const f of new Set(s.cues.flat())) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [
    ...new Set(
      [...counts]
        .filter(([, n]) => n >= options.minCount)
        .map(([f]) => f)
        .concat(Object.keys(PRIORS.weights)),
    ),
  ].sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const xs = samples.map((s) => s.cues.map((cue) => cue.flatMap((f) => index.get(f) ?? [])));
  const prior = Float64Array.from([...names.map((f) => PRIORS.weights[f] ?? 0), PRIORS.bias]);
  const scale = (f: string) =>
    /^cue:[a-z-]+$/.test(f) ? options.kindScale : f in PRIORS.weights ? 1 : options.unpriorScale;
  // The bias is free: it carries the base rate, which the threshold is set against.
  const penalty = [...names.map((f) => options.l2 * scale(f)), 0];
  const w = Float64Array.from(prior);
  const g2 = new Float64Array(names.length + 1).fill(1e-8);
  const n = samples.length;
  for (let it = 0; it < options.iterations; it++) {
    const grad = new Float64Array(names.length + 1);
    for (let i = 0; i < n; i++) {
      let z = -Infinity;
      let cue: number[] = [];
      for (const candidate of xs[i]) {
        let zc = w[names.length];
        for (const j of candidate) zc += w[j];
        if (zc > z) [z, cue] = [zc, candidate];
      }
      const err = 1 / (1 + Math.exp(-z)) - samples[i].y;
      for (const j of cue) grad[j] += err / n;
      grad[names.length] += err / n;
    }
    for (let j = 0; j <= names.length; j++) {
      grad[j] += penalty[j] * (w[j] - prior[j]);
      g2[j] += grad[j] * grad[j];
      w[j] -= (1.0 * grad[j]) / Math.sqrt(g2[j]);
    }
  }
  const weights: Record<string, number> = {};
  names.forEach((f, j) => {
    if (Math.abs(w[j]) >= 0.005) weights[f] = Math.round(w[j] * 1000) / 1000;
  });
  return { bias: Math.round(w[names.length] * 1000) / 1000, threshold: options.threshold, weights };
}
