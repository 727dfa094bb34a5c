import { engineRule } from '../engine';

export default engineRule(
  'timeline/ambiguous-zone',
  'warning',
  'A time zone abbreviation has more than one common meaning (IST, CST, BST, AST).',
  'IST is India, Ireland or Israel; CST is US Central, China or Cuba. The engine reads the most common ' +
    'meaning and says so, but a reader in another country may not. Write a UTC offset or an unambiguous ' +
    'zone.',
  { flagged: '- 09:12 IST Latency climbs', better: '- 09:12 UTC+05:30 Latency climbs' },
);
