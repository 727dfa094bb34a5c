import { eng as englishStopWords } from 'stopword';
import stem from 'wink-porter2-stemmer';
import type { PostmortemDocument, SectionKind } from '../model';
import common from './commonWords.json';

/** A key term of a postmortem's cause sections: its stems (the grouping key) and the words as written. */
export interface CauseTerm {
  key: string;
  label: string;
}

const CAUSE_SECTIONS = new Set<SectionKind>(['contributing-factors', 'root-cause', 'trigger']);
const STOP = new Set([...englishStopWords, ...common.words]);
const MIN_WORD_LENGTH = 3;
/** Adverbs ("likely", "eventually") qualify a cause without naming one; "anomaly", "supply", "family" stay. */
const ADVERB = /^[a-z]{3,}(?<![aip])ly$/;
/** Phrases of up to this many content words in a row: "connection pool", "connection pool exhaustion". */
const MAX_PHRASE_WORDS = 2;

/** The lines of every cause section (subsections included, headings left out), each line once. */
export function causeText(doc: PostmortemDocument): string {
  const lines = new Set<number>();
  for (const section of doc.sections) {
    if (!section.kinds.some((kind) => CAUSE_SECTIONS.has(kind))) continue;
    for (let line = section.headingRange.start.line + 1; line <= section.range.end.line; line++) lines.add(line);
  }
  const all = doc.text.split(/\r?\n/);
  return [...lines]
    .sort((a, b) => a - b)
    .map((line) => all[line] ?? '')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n');
}

/**
 * Runs of content words: text is cut at punctuation, numbers, stop words and short words, so a run
 * approximates a noun phrase without a part-of-speech tagger ("the connection pool was exhausted"
 * gives "connection pool" and "exhausted").
 */
function contentRuns(text: string): string[][] {
  const cleaned = text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ');
  const runs: string[][] = [];
  for (const chunk of cleaned.split(/[^a-z0-9\s'’-]+|\s-+\s|--+/)) {
    let run: string[] = [];
    for (const raw of chunk.split(/\s+/)) {
      const word = raw.replace(/^['’-]+|['’-]+$/g, '').replace(/['’]s$/, '');
      if (word.length < MIN_WORD_LENGTH || /\d/.test(word) || STOP.has(word) || ADVERB.test(word)) {
        if (run.length > 0) runs.push(run);
        run = [];
      } else run.push(word);
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

/** Stems by word: the words of cause sections repeat from one postmortem to the next. */
const stems = new Map<string, string>();
const KEPT_STEMS = 50_000;

function stemOf(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stem(word);
    if (stems.size >= KEPT_STEMS) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** The distinct key terms of one text: every content word and every phrase of adjacent content words. */
export function keyTerms(text: string): CauseTerm[] {
  const terms = new Map<string, string>();
  for (const run of contentRuns(text)) {
    const runStems = run.map(stemOf);
    for (let size = 1; size <= MAX_PHRASE_WORDS; size++) {
      for (let at = 0; at + size <= run.length; at++) {
        const key = runStems.slice(at, at + size).join(' ');
        if (!terms.has(key)) terms.set(key, run.slice(at, at + size).join(' '));
      }
    }
  }
  return [...terms].map(([key, label]) => ({ key, label }));
}
