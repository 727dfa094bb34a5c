import { field, text, type ObjectShape } from './shape';

/** A service's availability objective as written in the configuration. */
export interface SloEntry {
  /** Percent of the window the service is meant to be up: 99.9. */
  objective: number;
  /** The SLO's rolling window, in days or weeks: "30d", "4w". Default 30 days. */
  window?: string;
}

/** An objective ready to compute with. */
export interface Slo {
  objective: number;
  windowDays: number;
}

const DEFAULT_WINDOW_DAYS = 30;
const OBJECTIVE = { above: 0, below: 100 };
const WINDOW = /^\s*(\d+)\s*([dw])\s*$/i;

/** One `slos.<service>` entry, described once for the checks below, the schema and the docs. */
export const SLO_ENTRY: ObjectShape & { fields: Record<keyof SloEntry, unknown> } = {
  kind: 'object',
  required: ['objective'],
  fields: {
    objective: field(
      { kind: 'number', ...OBJECTIVE },
      'Percent of the window the service is meant to be available, such as 99.9.',
    ),
    window: field(text({ pattern: WINDOW }), 'The SLO\'s rolling window in days or weeks: "30d", "4w".', {
      default: `${DEFAULT_WINDOW_DAYS}d`,
    }),
  },
};

function windowDays(service: string, value: unknown): number {
  if (value === undefined) return DEFAULT_WINDOW_DAYS;
  const m = typeof value === 'string' ? WINDOW.exec(value) : null;
  const days = m ? Number(m[1]) * (m[2]!.toLowerCase() === 'w' ? 7 : 1) : 0;
  if (days <= 0)
    throw new Error(`slos.${service}.window must be days or weeks such as "30d" or "4w", not ${JSON.stringify(value)}`);
  return days;
}

/** Each service's objective, checked: a percentage above 0 and below 100, and a window of days or weeks. */
export function validateSlos(value: unknown): Record<string, Slo> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('"slos" must map service names to { "objective": 99.9, "window": "30d" }');
  }
  const slos: Record<string, Slo> = {};
  for (const [service, entry] of Object.entries(value as Record<string, unknown>)) {
    const objective = (entry as { objective?: unknown } | null)?.objective;
    if (typeof objective !== 'number' || !(objective > OBJECTIVE.above && objective < OBJECTIVE.below)) {
      throw new Error(
        `slos.${service}.objective must be a percentage ` +
          `above ${OBJECTIVE.above} and below ${OBJECTIVE.below}, such as 99.9`,
      );
    }
    slos[service] = { objective, windowDays: windowDays(service, (entry as { window?: unknown }).window) };
  }
  return slos;
}
