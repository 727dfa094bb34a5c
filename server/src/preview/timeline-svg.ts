import { formatMinutes } from '../core/metrics/durations';
import type { Milestone, MilestoneKind, PostmortemDocument, TimelineEntry } from '../core/model';
import { esc, isUndated, utcLabel } from './escape';
import { documentClock, UTC_CLOCK, wallLabel, type ZoneClock } from './zoneClock';

// About the width of a preview beside the editor, so 11px labels show near 11px rather than shrunk.
const WIDTH = 520;
const PAD = 36;
const ROW = 16;
const MINUTE = 60_000;
/** Tick steps in minutes; the first that gives at most six ticks is used. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080, 43200];
const KIND_LABELS: Record<MilestoneKind, string> = {
  started: 'started',
  detected: 'detected',
  acknowledged: 'acknowledged',
  mitigated: 'mitigated',
  resolved: 'resolved',
  impactStart: 'impact start',
  impactEnd: 'impact end',
};

/**
 * The timeline on a time axis in the document's zone: entries as ticks, milestones labelled, the
 * impact window shaded.
 */
export function timelineSection(doc: PostmortemDocument): string {
  const timed = doc.timeline.entries.filter((e) => e.time !== undefined);
  // Undated times of day cannot share an axis with dated ones: keep whichever kind the document has.
  const undatedAxis =
    timed.length > 0
      ? timed.every((e) => e.dateUnknown || isUndated(e.time!))
      : Object.values(doc.milestones).every((m) => !m || isUndated(m.time));
  const placed = timed.filter((e) => fits(e.time!, undatedAxis));
  const milestones = Object.values(doc.milestones).filter((m): m is Milestone => !!m && fits(m.time, undatedAxis));
  const onAxis = new Set(placed);
  const unplaced = doc.timeline.entries.filter((e) => !onAxis.has(e));
  const parts = ['<section class="hs-card hs-timeline"><h2>Timeline</h2>'];
  parts.push(
    placed.length + milestones.length === 0
      ? '<p class="hs-empty">No timeline entries with a time were found.</p>'
      : svg(doc, placed, milestones, undatedAxis),
  );
  if (unplaced.length > 0) parts.push(unplacedList(unplaced));
  parts.push('</section>');
  return parts.join('');
}

/** Where instants fall on the drawing and how they read, on the document's clock. */
interface Axis {
  min: number;
  max: number;
  undated: boolean;
  clock: ZoneClock;
  x: (t: number) => number;
  /** A time for a tooltip: the document's clock, with UTC beside it. */
  full: (t: number) => string;
  /** A time for the caption: the document's clock only. */
  short: (t: number) => string;
}

/** A milestone's label, in the row above the axis where it overlaps no other. */
interface PlacedLabel {
  m: Milestone;
  text: string;
  row: number;
  center: number;
}

function svg(doc: PostmortemDocument, entries: TimelineEntry[], milestones: Milestone[], undated: boolean): string {
  const axis = axisOf(doc, entries, milestones, undated);
  const { labels, rows } = placeLabels(milestones, axis);
  const axisY = 14 + rows * ROW + 10;
  const height = axisY + 44;
  const label = `Timeline, times in ${axis.clock.name}`;
  const impact = impactWindow(doc, undated);
  const out: string[] = [
    `<svg class="hs-timeline-svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${esc(label)}">`,
    ...(impact ? [impactRect(impact, axis, axisY)] : []),
    `<line class="hs-axis" x1="${PAD / 2}" y1="${axisY}" x2="${WIDTH - PAD / 2}" y2="${axisY}"/>`,
    ...tickMarks(axis, axisY),
    ...entries.map((e) => entryMark(e, axis, axisY)),
    ...labels.map((placed) => milestoneMark(placed, axis, axisY)),
    '</svg>',
  ];
  if (impact)
    out.push(
      '<p class="hs-caption"><span class="hs-swatch"></span> impact window ' +
        `${esc(axis.short(impact.start.time))} – ${esc(axis.short(impact.end.time))}</p>`,
    );
  return out.join('');
}

/** The axis spans every time drawn, with a margin either side. */
function axisOf(doc: PostmortemDocument, entries: TimelineEntry[], milestones: Milestone[], undated: boolean): Axis {
  const times = [
    ...entries.flatMap((e) => (e.endTime !== undefined ? [e.time!, e.endTime] : [e.time!])),
    ...milestones.map((m) => m.time),
  ];
  let min = times.reduce((a, b) => Math.min(a, b));
  let max = times.reduce((a, b) => Math.max(a, b));
  const pad = max === min ? 30 * MINUTE : (max - min) * 0.04;
  min -= pad;
  max += pad;
  const clock = documentClock(doc);
  const short = (t: number) =>
    clock === UTC_CLOCK ? utcLabel(t, !undated) : `${wallLabel(t, clock, !undated)} ${clock.name}`;
  return {
    min,
    max,
    undated,
    clock,
    x: (t) => PAD + ((t - min) / (max - min)) * (WIDTH - 2 * PAD),
    // On the document's clock, with UTC beside it in tooltips; a UTC document reads as before.
    full: (t) => (clock === UTC_CLOCK ? short(t) : `${short(t)} (${utcLabel(t, !undated)})`),
    short,
  };
}

/** Milestone labels go in rows above the axis, a new row whenever they would overlap. */
function placeLabels(milestones: Milestone[], axis: Axis): { labels: PlacedLabel[]; rows: number } {
  const clampX = (v: number) => Math.max(PAD / 2, Math.min(WIDTH - PAD / 2, v));
  const sorted = [...milestones].sort((a, b) => a.time - b.time);
  const rowEnds: number[] = [];
  const labels = sorted.map((m) => {
    const text = `${KIND_LABELS[m.kind]} ${wallLabel(m.time, axis.clock, false).slice(0, 5)}`;
    const width = text.length * 6.2; // roughly, at 11px
    const left = Math.max(4, Math.min(WIDTH - 4 - width, clampX(axis.x(m.time)) - width / 2));
    let row = rowEnds.findIndex((end) => end + 8 < left);
    if (row < 0) row = rowEnds.push(0) - 1;
    rowEnds[row] = left + width;
    return { m, text, row, center: left + width / 2 };
  });
  return { labels, rows: rowEnds.length };
}

/** The impact window, when both its ends are marked, in order, and on this axis. */
function impactWindow(doc: PostmortemDocument, undated: boolean): { start: Milestone; end: Milestone } | undefined {
  const start = doc.milestones.impactStart;
  const end = doc.milestones.impactEnd;
  if (!start || !end || end.time < start.time) return undefined;
  return fits(start.time, undated) && fits(end.time, undated) ? { start, end } : undefined;
}

function impactRect(impact: { start: Milestone; end: Milestone }, axis: Axis, axisY: number): string {
  const x0 = axis.x(impact.start.time);
  const w = Math.max(2, axis.x(impact.end.time) - x0);
  const span = formatMinutes((impact.end.time - impact.start.time) / MINUTE);
  const title = `Impact window ${axis.full(impact.start.time)} – ${axis.full(impact.end.time)} (${span})`;
  return (
    `<rect class="hs-impact" x="${n(x0)}" y="4" width="${n(w)}" height="${axisY - 4}">` +
    `<title>${esc(title)}</title></rect>`
  );
}

/** Ticks and their labels under the axis, then the zone the times are in. */
function tickMarks(axis: Axis, axisY: number): string[] {
  const { undated, clock } = axis;
  // Ticks fall on round times of the document's clock (IST's half hour included), so they are found on its wall.
  const shift = clock.offsetAt(axis.min) * MINUTE;
  const marks = ticks(axis.min + shift, axis.max + shift).map((t) => {
    const label =
      undated || t.step < 1440
        ? t.newDay && !undated
          ? `${t.iso.slice(5, 10)} ${t.iso.slice(11, 16)}`
          : t.iso.slice(11, 16)
        : t.iso.slice(5, 10);
    const tx = n(axis.x(t.time - shift));
    return (
      `<line class="hs-tick" x1="${tx}" y1="${axisY}" x2="${tx}" y2="${axisY + 4}"/>` +
      `<text class="hs-tick-label" x="${tx}" y="${axisY + 17}" text-anchor="middle">${esc(label)}</text>`
    );
  });
  const zoneLabel = esc(`times in ${clock.name}`);
  marks.push(
    `<text class="hs-axis-zone" x="${WIDTH - PAD / 2}" y="${axisY + 32}" text-anchor="end">${zoneLabel}</text>`,
  );
  return marks;
}

/** An entry as a tick across the axis, or a bar along it when it has an end time. */
function entryMark(e: TimelineEntry, axis: Axis, axisY: number): string {
  const ex = axis.x(e.time!);
  const title = `<title>${esc(`${axis.full(e.time!)}: ${e.text}`)}</title>`;
  if (e.endTime !== undefined && e.endTime > e.time!) {
    const width = n(Math.max(2, axis.x(e.endTime) - ex));
    return (
      `<rect class="hs-entry hs-entry-range" data-line="${e.range.start.line}" x="${n(ex)}" y="${axisY - 4}"` +
      ` width="${width}" height="8">${title}</rect>`
    );
  }
  return (
    `<line class="hs-entry" data-line="${e.range.start.line}" x1="${n(ex)}" y1="${axisY - 7}"` +
    ` x2="${n(ex)}" y2="${axisY + 7}">${title}</line>`
  );
}

/** A milestone: a stem from its label down to a diamond on the axis, with where it was found in the tooltip. */
function milestoneMark({ m, text, row, center }: PlacedLabel, axis: Axis, axisY: number): string {
  const mx = axis.x(m.time);
  const y = 14 + row * ROW;
  const found = `from ${m.source} (line ${m.line + 1}) “${m.evidence}”`;
  const title = `${KIND_LABELS[m.kind]}: ${axis.full(m.time)}, ${found}`;
  return (
    `<g class="hs-milestone hs-milestone-${m.kind}" data-kind="${m.kind}" data-line="${m.line}">` +
    `<title>${esc(title)}</title>` +
    `<line class="hs-milestone-stem" x1="${n(mx)}" y1="${y + 3}" x2="${n(mx)}" y2="${axisY}"/>` +
    `<path class="hs-milestone-mark" d="M${n(mx)} ${axisY - 5}l5 5-5 5-5-5z"/>` +
    `<text class="hs-milestone-label" x="${n(center)}" y="${y}" text-anchor="middle">${esc(text)}</text></g>`
  );
}

function fits(t: number, undated: boolean): boolean {
  return isUndated(t) === undated;
}

/** Round UTC instants between min and max, marking where the day changes. */
function ticks(min: number, max: number): { time: number; iso: string; step: number; newDay: boolean }[] {
  const span = (max - min) / MINUTE;
  const step = STEPS.find((s) => span / s <= 6) ?? Math.ceil(span / 6 / 43200) * 43200;
  const out: { time: number; iso: string; step: number; newDay: boolean }[] = [];
  let day = '';
  for (let t = Math.ceil(min / (step * MINUTE)) * step * MINUTE; t <= max; t += step * MINUTE) {
    const iso = new Date(t).toISOString();
    out.push({ time: t, iso, step, newDay: iso.slice(0, 10) !== day });
    day = iso.slice(0, 10);
  }
  return out;
}

function unplacedList(entries: TimelineEntry[]): string {
  const items = entries.slice(0, 20).map((e) => `<li data-line="${e.range.start.line}">${esc(e.text || e.raw)}</li>`);
  const more = entries.length > 20 ? `<li>…and ${entries.length - 20} more</li>` : '';
  const what = entries.length === 1 ? '1 entry has' : `${entries.length} entries have`;
  const summary = `${what} no usable time and ${entries.length === 1 ? 'is' : 'are'} not on the axis`;
  return `<details class="hs-unplaced"><summary>${summary}</summary><ul>${items.join('')}${more}</ul></details>`;
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();
