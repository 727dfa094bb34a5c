/**
 * Shared by the milestone evaluation and the weight fitting: reads a labelled corpus (JSON lines of
 * {file, milestones, confidence}), analyses each document once, and compares found instants with labels.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeText } from '../../server/src/core/analyzer';
import { candidatesOf } from '../../server/src/core/metrics/milestones';
import type { MilestoneCandidate } from '../../server/src/core/metrics/milestone-candidates';
import { ORDERED_KINDS, type OrderedKind } from '../../server/src/core/metrics/choose';
import type { Milestones } from '../../server/src/core/model';

/** How many times each fixture counts in a fit: they are few, clean and written as the specification. */
export const FIXTURE_WEIGHT = 3;

/** Folders of the project's own labelled fixtures. */
export const FIXTURE_FOLDERS = ['timeline', 'milestones'].map((f) =>
  join(__dirname, '..', '..', 'test', 'fixtures', f),
);

export interface LabelledDocument {
  file: string;
  /** Per kind: the labelled instant, null for "absent", missing when the kind is not labelled. */
  labels: Partial<Record<OrderedKind, string | null>>;
  /** The labeller's confidence in the row: high, medium or low. */
  confidence: string;
  candidates: readonly MilestoneCandidate[];
  /** What the engine found with the shipped weights. */
  milestones: Milestones;
}

/**
 * The project's own fixtures (a postmortem beside an `.expected.json` naming some milestones): more
 * labelled examples for fitting, written for the traps. Kinds an expectation leaves out are not labels.
 */
export function loadFixtures(folder: string): LabelledDocument[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.md') && existsSync(join(folder, f.replace(/\.md$/, '.expected.json'))))
    .flatMap((f) => {
      const expected = JSON.parse(readFileSync(join(folder, f.replace(/\.md$/, '.expected.json')), 'utf8')) as {
        milestones?: Record<string, string | null>;
      };
      if (!expected.milestones) return [];
      const doc = analyzeText(readFileSync(join(folder, f), 'utf8'), `file:///${f}`);
      const labels = Object.fromEntries(
        ORDERED_KINDS.filter((k) => k in expected.milestones!).map((k) => [k, expected.milestones![k]]),
      ) as LabelledDocument['labels'];
      const labelled = {
        file: f,
        labels,
        confidence: 'fixture',
        candidates: candidatesOf(doc.milestones),
        milestones: doc.milestones,
      };
      return Array.from({ length: FIXTURE_WEIGHT }, () => labelled);
    });
}

/** A file name with any date in it taken out ("x-2024-03-05-y.md" as "x-undated-y.md"). */
export const undatedName = (name: string) => name.replace(/\d{4}[-_.]?\d{2}[-_.]?\d{2}/g, 'undated');

/**
 * The labelled corpus, each document analysed once. `withoutFileDates` reads each as if its file name held no
 * date, as a postmortem pasted from elsewhere is met: the corpus names all carry one.
 */
export function loadCorpus(labelsFile: string, withoutFileDates = false): LabelledDocument[] {
  return readFileSync(labelsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const row = JSON.parse(line) as { file: string; milestones: Record<string, string | null>; confidence?: string };
      const uri = `file:///${withoutFileDates ? undatedName(row.file) : row.file}`;
      const doc = analyzeText(readFileSync(join(dirname(labelsFile), row.file), 'utf8'), uri);
      const labels = Object.fromEntries(ORDERED_KINDS.map((k) => [k, row.milestones[k] ?? null])) as Record<
        OrderedKind,
        string | null
      >;
      return {
        file: row.file,
        labels,
        confidence: row.confidence ?? 'unknown',
        candidates: candidatesOf(doc.milestones),
        milestones: doc.milestones,
      };
    });
}

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

/**
 * Whether an instant matches a label within `tolerance` minutes. A bare date (`2023-01-04`) is
 * compared by UTC day; a time of day with no date (`T14:05:00Z`) by time of day.
 */
export function matchesLabel(found: number, label: string, tolerance = 2): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return new Date(found).toISOString().slice(0, 10) === label;
  const timeOfDay = /^T(\d{2}):(\d{2})(?::(\d{2}))?Z?$/.exec(label);
  if (timeOfDay) {
    const expected = (Number(timeOfDay[1]) * 60 + Number(timeOfDay[2])) * MINUTE + Number(timeOfDay[3] ?? 0) * 1000;
    const difference = Math.abs((((found % DAY) + DAY) % DAY) - expected);
    return Math.min(difference, DAY - difference) <= tolerance * MINUTE;
  }
  const expected = Date.parse(label);
  return Number.isFinite(expected) && Math.abs(found - expected) <= tolerance * MINUTE;
}

export type Verdict = 'right' | 'wrong' | 'missed' | 'invented';

/** "right" includes both being absent, as the corpus baseline counts it. */
export function verdict(found: number | undefined, label: string | null, tolerance = 2): Verdict {
  if (label === null) return found === undefined ? 'right' : 'invented';
  if (found === undefined) return 'missed';
  return matchesLabel(found, label, tolerance) ? 'right' : 'wrong';
}

/** Time to resolve, as labelled: only when both ends are labelled with a time of day. */
export function labelledTtr(labels: LabelledDocument['labels']): number | undefined {
  const { started, resolved } = labels;
  if (!started || !resolved || /^\d{4}-\d{2}-\d{2}$/.test(started) || /^\d{4}-\d{2}-\d{2}$/.test(resolved))
    return undefined;
  const parse = (label: string) => (label.startsWith('T') ? Date.parse(`1970-01-01${label}`) : Date.parse(label));
  const minutes = (parse(resolved) - parse(started)) / MINUTE;
  return Number.isFinite(minutes) ? (minutes < 0 && started.startsWith('T') ? minutes + 1440 : minutes) : undefined;
}

/** The organisation a corpus document comes from, by its file name ("docs/acme-2024-…" → "acme"). */
export const organisationOf = (file: string) => /^docs\/([^-]+)-/.exec(file)?.[1];

/**
 * Documents split into `k` folds with each organisation's documents in one fold, the largest organisations first
 * into the smallest fold: measured this way, no fold is scored on a house style it was fitted on.
 */
export function foldsByOrganisation(docs: readonly LabelledDocument[], k = 5): LabelledDocument[][] {
  const groups = new Map<string, LabelledDocument[]>();
  for (const doc of docs) {
    const org = organisationOf(doc.file) ?? doc.file;
    groups.set(org, [...(groups.get(org) ?? []), doc]);
  }
  const out: LabelledDocument[][] = Array.from({ length: k }, () => []);
  for (const group of [...groups.values()].sort((a, b) => b.length - a.length)) {
    out.reduce((small, fold) => (fold.length < small.length ? fold : small)).push(...group);
  }
  return out;
}

/** Documents split into `k` folds, the same split every run (by position in the labels file). */
export function folds<T>(items: readonly T[], k = 5): T[][] {
  const out: T[][] = Array.from({ length: k }, () => []);
  items.forEach((item, i) => out[i % k].push(item));
  return out;
}
