import type { MetricStats } from './aggregate';
import type { Collation } from './collation';
import { MembersMemo } from './membersMemo';
import type { IncidentRecord } from './model';
import type { PeriodFigures } from './periodFigures';

/**
 * What one report keeps for the next over mostly the same records: the language server keeps one
 * per folder, so a save figures again only the saved postmortem's period and groups. A report made
 * without one figures everything, as the command line does.
 */
export class ReportMemory {
  readonly periods = new MembersMemo<PeriodFigures>();
  readonly groups = new MembersMemo<MetricStats>();
  /** The last collation and the incidents it was seen to rank. */
  collation: { order: Collation; ranks: WeakSet<IncidentRecord> } | undefined;

  /** Starts a new report: what the last one did not use is dropped. */
  nextRound(): void {
    this.periods.nextRound();
    this.groups.nextRound();
  }
}
