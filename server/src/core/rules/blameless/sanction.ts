import { blamelessRule } from './rule';

export default blamelessRule(
  'sanction',
  'warning',
  'A sanction on the people involved ("was disciplined", "has been reassigned", "was fired").',
  'Reporting that someone was punished tells every reader that the next person to slip should hide it, ' +
    'and it closes the analysis on a person instead of on the conditions. A postmortem says what changes ' +
    'in the system; what happens to a person is a private matter.',
  {
    flagged: 'The engineer involved has been disciplined.',
    better: 'The console now asks for a second confirmation before a statewide alert is sent.',
  },
);
