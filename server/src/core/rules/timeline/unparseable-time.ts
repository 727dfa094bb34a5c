import { engineRule } from '../engine';

export default engineRule(
  "timeline/unparseable-time",
  "warning",
  "A timeline entry has a time that cannot be read.",
  "An entry whose time cannot be read cannot be placed on the timeline or used for a milestone, so durations computed from the timeline may be wrong.",
  { flagged: "| 2024-08-02 09:3 | Disk fills up |", better: "| 2024-08-02 09:30 | Disk fills up |" },
);
