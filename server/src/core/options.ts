import type { MetricDefinitions } from './model';

export interface AnalyzeOptions {
  /** Overrides for the metric definitions (defaults: each metric measured from `started`). */
  metrics?: Partial<MetricDefinitions>;
  /** Documents larger than this many bytes are not parsed; a single problem says so. */
  maxBytes?: number;
  /** "Today", for anything relative to the current date (YYYY-MM-DD); defaults to the clock. */
  today?: string;
  /** The team's zone (configuration `zone`), for times in a document that states none. */
  defaultZone?: string;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
