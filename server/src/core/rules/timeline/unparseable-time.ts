import { engineRule } from '../engine';

export default engineRule(
  'timeline/unparseable-time',
  'warning',
  'A timeline entry has a time that cannot be read.',
  'An entry whose time cannot be read cannot be placed on the timeline or used for a milestone, so durations ' +
    'computed from the timeline may be wrong. Placeholders (`22:XX`, `HH:MM`), clock values past their ' +
    'range (`25:00`, `24:30`) and days the calendar lacks (`30/02/2025`, `Feb 30`, month 13) are reported ' +
    'with the reason; the line stays its own entry, with no time, rather than being read as another ' +
    'instant or joined to the entry above.',
  { flagged: '| 2024-08-02 09:3 | Disk fills up |', better: '| 2024-08-02 09:30 | Disk fills up |' },
);
