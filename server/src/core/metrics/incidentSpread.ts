import type { Milestone, PostmortemDocument, Section } from '../model';
import { ORDERED_KINDS } from './choose';

const DAY = 86_400_000;
/** Milestones further apart than this, from different timeline sections, belong to different incidents. */
export const APART_DAYS = 30;

export interface IncidentSpread {
  first: Milestone;
  last: Milestone;
  days: number;
}

function sectionOf(sections: readonly Section[], line: number): Section | undefined {
  return sections.find((s) => line >= s.headingRange.start.line && line <= s.range.end.line);
}

/**
 * A page collecting several incident reports has a timeline section for each, and the engine may take the start
 * from one and the mitigation from another, years later. Returns the earliest and latest chosen milestones when
 * they come from different timeline sections more than APART_DAYS apart and the author has not marked them all;
 * every duration measured across them is then one no incident had.
 */
export function spreadAcrossIncidents(doc: PostmortemDocument): IncidentSpread | undefined {
  const sections = doc.timeline.sections;
  if (sections.length < 2) return undefined;
  const placed = ORDERED_KINDS.flatMap((kind) => {
    const m = doc.milestones[kind];
    const section = m && m.source !== 'frontmatter' ? sectionOf(sections, m.line) : undefined;
    return m && section ? [{ m, section }] : [];
  });
  if (new Set(placed.map((p) => p.section)).size < 2 || placed.every((p) => p.m.confidence === 'marked')) {
    return undefined;
  }
  const first = placed.reduce((a, b) => (b.m.time < a.m.time ? b : a));
  const last = placed.reduce((a, b) => (b.m.time > a.m.time ? b : a));
  const days = Math.round((last.m.time - first.m.time) / DAY);
  if (first.section === last.section || days <= APART_DAYS) return undefined;
  return { first: first.m, last: last.m, days };
}
