import { engineRule } from '../engine';

export default engineRule(
  'timeline/missing-zone',
  'info',
  "No time zone is given anywhere for the timeline's times.",
  "Without a zone a time cannot be compared with alerts, logs or another team's timeline. They are read in " +
    'the team\'s default zone when the configuration sets one (`"zone"` in .hindsight.json), as UTC ' +
    'otherwise, and this is reported once, at the first entry, saying which was assumed.',
  { flagged: '- 13:10 Builds start failing', better: 'All times in UTC.\n\n- 13:10 Builds start failing' },
);
