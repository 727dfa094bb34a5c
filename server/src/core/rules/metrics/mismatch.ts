import { formatMinutes, METRIC_TITLES } from '../../metrics/durations';
import { spreadAcrossIncidents } from '../../metrics/incidentSpread';
import type { MilestoneKind, PostmortemDocument, StatedDuration } from '../../model';
import { ownWindowOf, type OwnWindow } from '../../metrics/ownWindow';
import type { Rule } from '../rule';

/** Writes a figure in the style of the one it replaces ("66 minutes", "1h 28m", "1 hour and 48 minutes"). */
export function restate(minutes: number, like: string): string {
  const m = Math.round(minutes);
  if (/^\s*\d+\s*(?:m|mins?|minutes?)\s*$/i.test(like)) return /min/i.test(like) ? `${m} minutes` : `${m}m`;
  if (/\d\s*h\b/i.test(like) || /^\d+m$/i.test(like.trim())) return formatMinutes(m);
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  const h = hours === 1 ? '1 hour' : `${hours} hours`;
  const r = rest === 1 ? '1 minute' : `${rest} minutes`;
  return hours === 0 ? r : rest === 0 ? h : `${h} and ${r}`;
}

/** The computed figure, or the range of figures when impact falls back; `shown` is the one a fix writes. */
interface ComputedRange {
  low: number;
  high: number;
  shown: number;
}

/**
 * The computed figure a statement is compared with; impact falls back to the span between mitigation and
 * resolution.
 */
function expected(doc: PostmortemDocument, stated: StatedDuration): ComputedRange | undefined {
  const metric = stated.metric;
  if (!metric) return undefined;
  const computed = doc.metrics[metric].minutes;
  if (computed !== undefined) return { low: computed, high: computed, shown: computed };
  if (metric !== 'impact') return undefined;
  const candidates = [doc.metrics.ttm.minutes, doc.metrics.ttr.minutes].filter((m): m is number => m !== undefined);
  if (candidates.length === 0) return undefined;
  return { low: Math.min(...candidates), high: Math.max(...candidates), shown: Math.min(...candidates) };
}

/** The milestones behind a stated figure that the engine only guessed (low confidence). */
function guessedEnds(doc: PostmortemDocument, stated: StatedDuration): MilestoneKind[] {
  const definition = doc.metrics[stated.metric!].definition;
  const ends: MilestoneKind[] =
    doc.metrics[stated.metric!].minutes !== undefined
      ? [definition.from, definition.to]
      : ['started', 'mitigated', 'resolved'];
  return ends.filter((kind) => doc.milestones[kind]?.confidence === 'low');
}

/**
 * Whether a stated figure is within the tolerance of a computed one: wider for "about an hour", and for a figure
 * rounded to whole hours ("approximately two hours" for 1h 30m) at least the half hour it was rounded by.
 */
function agrees(stated: StatedDuration, low: number, high: number, tolerance: number, share: number): boolean {
  const rounding = stated.approximate && stated.minutes % 60 === 0 ? 30 : 0;
  const slack = stated.approximate ? Math.max(tolerance, high * share, rounding) : tolerance;
  return stated.minutes >= low - slack && stated.minutes <= high + slack;
}

/** What the timeline gives for a stated figure, and between which milestones. */
function timelineMessage(doc: PostmortemDocument, stated: StatedDuration, range: ComputedRange): string {
  const metric = stated.metric!;
  const { from, to } = doc.metrics[metric].definition;
  const gives =
    range.low === range.high
      ? formatMinutes(range.shown)
      : `${formatMinutes(range.low)} to ${formatMinutes(range.high)}`;
  const title = METRIC_TITLES[metric].toLowerCase();
  const says = formatMinutes(stated.minutes);
  return `This says ${says}, but the timeline gives ${gives} for the ${title} (${to} − ${from}).`;
}

/** The sentence that names the milestones only guessed from the wording, and how to mark them; empty when none. */
function guessCaveat(guessed: MilestoneKind[]): string {
  if (guessed.length === 0) return '';
  const several = guessed.length > 1;
  return (
    ` The ${guessed.join(' and ')} time${several ? 's are' : ' is'} guessed from the wording: ` +
    `mark ${several ? 'them' : 'it'} ("Mark as …" on the row) if the guess is wrong.`
  );
}

/** A phase's figure against the window written beside it: the window's length, or the difference reported. */
function againstOwnWindow(stated: StatedDuration, own: OwnWindow) {
  const computed = formatMinutes(own.minutes);
  const window = `the window it stands beside (line ${own.line + 1})`;
  return [
    {
      range: stated.range,
      message: `This says ${formatMinutes(stated.minutes)}, but ${window} lasts ${computed}.`,
      fixes: [
        {
          title: `Write the window's length: ${computed}`,
          edits: [{ range: stated.range, newText: restate(own.minutes, stated.text) }],
        },
      ],
    },
  ];
}

const rule: Rule = {
  id: 'metrics/mismatch',
  level: 'warning',
  description: 'A duration stated in the text disagrees with the one computed from the timeline.',
  rationale:
    'Durations written by hand drift from the timeline as it is corrected, and a wrong figure in the summary ' +
    'is the one everybody quotes. A stated duration is compared with the one computed from the milestones ' +
    '(an impact duration, when no impact window is marked, with the span from start to mitigation or ' +
    'resolution); a difference beyond the tolerance is reported, with a fix that writes the computed figure. ' +
    'When a milestone behind the figure is only guessed from the wording, the finding is an information ' +
    'rather than a warning, since the guess may be what is wrong. A figure beside its own window (a phase ' +
    'or severity level listed as "Date: 11:30 - 20:30" with "Duration: ~9 hours", or a sentence giving ' +
    'both) is compared with that window, not the timeline; a figure in a sentence about the future or a ' +
    'plan ("the coming release needs roughly forty minutes of planned downtime") is not one of this ' +
    'incident\'s. An approximate figure in whole hours ("approximately two hours") is allowed the half hour ' +
    'it was rounded by. When the milestones come from the timelines of several incidents ' +
    "(`timeline/several-incidents`), no figure is compared: none measured across them is an incident's.",
  example: {
    flagged: 'Fulfilment was down for 40 minutes. (timeline: 78 minutes)',
    better: 'Fulfilment was down for 78 minutes.',
  },
  options: {
    toleranceMinutes: {
      type: 'number',
      default: 5,
      description: 'Largest difference, in minutes, that is not reported.',
    },
    approximateTolerance: {
      type: 'number',
      default: 0.25,
      description:
        'For approximate statements ("about an hour"), the tolerance as a share of the computed figure, ' +
        'when larger.',
    },
  },
  fixable: true,
  check: ({ doc, options }) => {
    const tolerance = Number(options.toleranceMinutes);
    const share = Number(options.approximateTolerance);
    // Milestones taken from several incidents make figures no incident had: timeline/several-incidents says so.
    if (spreadAcrossIncidents(doc)) return [];
    return doc.statedDurations.flatMap((stated) => {
      // A figure beside its own window (a phase, a severity level) measures that window, not the incident.
      const own = ownWindowOf(stated, doc.lines);
      if (own && agrees(stated, own.minutes, own.minutes, tolerance, share)) return [];
      if (own?.field) return againstOwnWindow(stated, own);
      const range = expected(doc, stated);
      if (!range) return [];
      if (agrees(stated, range.low, range.high, tolerance, share)) return [];
      const title = METRIC_TITLES[stated.metric!].toLowerCase();
      const computed = formatMinutes(range.shown);
      const guessed = guessedEnds(doc, stated);
      return [
        {
          range: stated.range,
          // Guessed milestones make a guessed figure: say so, without the weight of a warning.
          atMost: guessed.length > 0 ? ('info' as const) : undefined,
          message: timelineMessage(doc, stated, range) + guessCaveat(guessed),
          fixes:
            stated.source === 'prose'
              ? [
                  {
                    title: `Write the computed ${title}: ${computed}`,
                    edits: [{ range: stated.range, newText: restate(range.shown, stated.text) }],
                  },
                ]
              : [],
        },
      ];
    });
  },
};
export default rule;
