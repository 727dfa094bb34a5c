import { engineRule } from '../engine';

export default engineRule(
  'timeline/out-of-order',
  'warning',
  'A timeline entry is earlier than the one before it.',
  'Readers scan a timeline from top to bottom; an entry out of place misleads them, and is often a typo in ' +
    'the date or time (a wrong year, AM for PM). Entries are compared to the minute within one timeline ' +
    'section or list; a log written newest first is read in its own direction.',
  { flagged: '- 11:20 Alert fires\n- 11:05 Change deployed', better: '- 11:05 Change deployed\n- 11:20 Alert fires' },
);
