import type { Rule } from '../rule';
import { VIGILANCE } from '../blameless/lexicon';

const rule: Rule = {
  id: 'actions/vigilance-remedy',
  level: 'warning',
  description: 'An action item asks people to try harder ("be more careful") instead of changing the system.',
  rationale:
    'People were already trying not to fail. "Be more careful" and "double-check" cannot be verified, ' +
    'do not survive the next busy night, and quietly blame whoever is on call next. ' +
    'An action item should change the system: a guard, a check, an automation, ' +
    'a default that makes the mistake hard to make.',
  example: {
    flagged: '| Be more careful when editing zone files | @ops |',
    better: '| Validate zone files in the publish script before they go live | @ops |',
  },
  check: ({ doc }) =>
    doc.actionItems.flatMap((item) => {
      const match = VIGILANCE.exec(item.action.text);
      return match
        ? [
            {
              range: item.action.range,
              message:
                `"${match[0]}" asks people to try harder; ` +
                'make the action a change to the system instead (a guard, a check, an automation).',
            },
          ]
        : [];
    }),
};
export default rule;
