import type { Slo } from '../config/slos';
import type { MetricName, MilestoneConfidence } from '../model';
import { addDays } from './days';
import type { IncidentRecord } from './model';
import { atLeast } from './record';

const MINUTES_PER_DAY = 1440;
/** The SRE workbook's policy: an incident that burns more than 20 % of a four-week budget needs a postmortem. */
export const POLICY_WINDOW_DAYS = 28;
export const DEFAULT_POLICY_THRESHOLD = 20;
/** The impact window, best first: the impact milestones, else until mitigation, else until resolution. */
const WINDOWS: MetricName[] = ['impact', 'ttm', 'ttr'];

export interface IncidentBurn {
  file: string;
  date: string;
  minutes: number;
  /** Which span gave the minutes: `impact` (impact start to end), `ttm` (to mitigation) or `ttr` (to resolution). */
  window: MetricName;
  /** Percent of the SLO window's budget. */
  percentOfBudget: number;
  /** Percent of a four-week budget at the same objective, the figure the policy compares. */
  percentOfPolicyBudget: number;
  crossesPolicy: boolean;
}

export interface ServiceBudget {
  service: string;
  objective: number;
  windowDays: number;
  budgetMinutes: number;
  /** Burned by incidents in the window that ends on the report's day. */
  burnedInWindowMinutes: number;
  burnedInWindowPercent: number;
  incidents: IncidentBurn[];
  /** Incidents of the service with no impact window sure enough to measure. */
  unmeasured: number;
}

export interface ErrorBudgets {
  policy: { windowDays: number; thresholdPercent: number };
  services: ServiceBudget[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const budgetOf = (objective: number, days: number) => ((100 - objective) / 100) * days * MINUTES_PER_DAY;

/** The incident's impact in minutes from the best window measured at `minimum` confidence or better. */
export function impactWindow(
  incident: IncidentRecord,
  minimum: MilestoneConfidence,
): { minutes: number; window: MetricName } | undefined {
  for (const window of WINDOWS) {
    const d = incident.durations.find((x) => x.metric === window);
    if (d?.minutes !== undefined && d.minutes > 0 && d.confidence && atLeast(d.confidence, minimum)) {
      return { minutes: d.minutes, window };
    }
  }
  return undefined;
}

function serviceBudget(
  service: string,
  slo: Slo,
  incidents: readonly IncidentRecord[],
  today: string,
  minimum: MilestoneConfidence,
  thresholdPercent: number,
): ServiceBudget {
  const budgetMinutes = budgetOf(slo.objective, slo.windowDays);
  const policyBudget = budgetOf(slo.objective, POLICY_WINDOW_DAYS);
  const affected = incidents.filter((i) => i.services.includes(service));
  const burns: IncidentBurn[] = affected.flatMap((incident) => {
    const impact = impactWindow(incident, minimum);
    if (!impact) return [];
    const policyPercent = (impact.minutes / policyBudget) * 100;
    return [
      {
        file: incident.file,
        date: incident.date!,
        minutes: round2(impact.minutes),
        window: impact.window,
        percentOfBudget: round2((impact.minutes / budgetMinutes) * 100),
        percentOfPolicyBudget: round2(policyPercent),
        crossesPolicy: policyPercent > thresholdPercent,
      },
    ];
  });
  const windowStart = addDays(today, -slo.windowDays);
  const burned = burns.filter((b) => b.date > windowStart && b.date <= today).reduce((sum, b) => sum + b.minutes, 0);
  return {
    service,
    objective: slo.objective,
    windowDays: slo.windowDays,
    budgetMinutes: round2(budgetMinutes),
    burnedInWindowMinutes: round2(burned),
    burnedInWindowPercent: round2((burned / budgetMinutes) * 100),
    incidents: burns.sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file)),
    unmeasured: affected.length - burns.length,
  };
}

/**
 * The budget each incident burned for each service with an objective, counting the whole impact
 * window as unavailable (an incident states no error rate we could weigh it by).
 */
export function errorBudgets(
  incidents: readonly IncidentRecord[],
  slos: Readonly<Record<string, Slo>>,
  options: { today: string; minConfidence: MilestoneConfidence; thresholdPercent?: number },
): ErrorBudgets {
  const thresholdPercent = options.thresholdPercent ?? DEFAULT_POLICY_THRESHOLD;
  const services = Object.keys(slos)
    .sort()
    .map((service) =>
      serviceBudget(service, slos[service]!, incidents, options.today, options.minConfidence, thresholdPercent),
    );
  return { policy: { windowDays: POLICY_WINDOW_DAYS, thresholdPercent }, services };
}
