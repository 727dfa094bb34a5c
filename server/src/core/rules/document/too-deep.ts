import { engineRule } from '../engine';

export default engineRule(
  'document/too-deep',
  'warning',
  'Block quotes, lists or indentation nest deeper than any postmortem needs (16 levels).',
  'Reading deeply nested containers costs the Markdown parser time that grows with the depth on every line, ' +
    'so a pasted or generated file could stall the editor. ' +
    'Past 16 levels the extra markers are read as text; findings on those lines may point a little off. ' +
    'The finding is given once, on the first such line.',
  {
    flagged: '> > > > > > > > > > > > > > > > > > quoted 18 times',
    better: '> quoted once',
  },
);
