import type {
  Metric,
  MetricDefinition,
  MetricDefinitions,
  MetricName,
  Milestone,
  MilestoneKind,
  Milestones,
} from '../model';

/** Rootly's and FireHydrant's definitions: every duration is measured from the start. */
export const DEFAULT_METRICS: MetricDefinitions = {
  ttd: { from: 'started', to: 'detected' },
  tta: { from: 'started', to: 'acknowledged' },
  ttm: { from: 'started', to: 'mitigated' },
  ttr: { from: 'started', to: 'resolved' },
  impact: { from: 'impactStart', to: 'impactEnd' },
};

export const METRIC_NAMES: MetricName[] = ['ttd', 'tta', 'ttm', 'ttr', 'impact'];

export const METRIC_TITLES: Record<MetricName, string> = {
  ttd: 'Time to detect',
  tta: 'Time to acknowledge',
  ttm: 'Time to mitigate',
  ttr: 'Time to resolve',
  impact: 'Impact duration',
};

/** A milestone with a time of day: a day alone ("since 10 February") gives no instant to count minutes from. */
const timed = (milestone: Milestone | undefined): milestone is Milestone => !!milestone && !milestone.dayOnly;

/**
 * Where the document gives no start (a key-events list whose trigger is undated), or gives it as a day alone, a
 * duration "from the start" is measured from the first milestone it does time, as such teams state theirs; the
 * definition returned says so, and hover shows it. A start is never invented to make a figure appear.
 */
const IN_ORDER: MilestoneKind[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];
const STAND_INS: MilestoneKind[] = ['detected', 'acknowledged'];
function measuredFrom(definition: MetricDefinition, milestones: Milestones): MetricDefinition {
  if (definition.from !== 'started' || timed(milestones.started)) return definition;
  const before = (kind: MilestoneKind) => IN_ORDER.indexOf(kind) < IN_ORDER.indexOf(definition.to);
  const from = STAND_INS.find((kind) => before(kind) && timed(milestones[kind]));
  return from ? { ...definition, from } : definition;
}

export function computeMetrics(
  milestones: Milestones,
  overrides: Partial<MetricDefinitions> = {},
): Record<MetricName, Metric> {
  const definitions = { ...DEFAULT_METRICS, ...overrides };
  const out = {} as Record<MetricName, Metric>;
  for (const name of METRIC_NAMES) {
    const definition = measuredFrom(definitions[name], milestones);
    const from = milestones[definition.from];
    const to = milestones[definition.to];
    const minutes =
      timed(from) && timed(to) && to.time >= from.time ? Math.round((to.time - from.time) / 600) / 100 : undefined;
    out[name] = { name, definition, minutes };
  }
  return out;
}

/** "1h 28m", "45m", "2d 3h". */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const mins = whole % 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', mins || whole === 0 ? `${mins}m` : ''];
  return parts.filter(Boolean).join(' ');
}
