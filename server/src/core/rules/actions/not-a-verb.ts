import type { Rule } from '../rule';
import { quoteItem } from './quote';

/** Words that show an item is a noun phrase or a wish rather than an instruction. */
const NOT_IMPERATIVE_WORDS = [
  'the|a|an|more|better|some|any|all|our|their|this|that|these|those',
  'need|needs|there|it|we|they|someone|somebody',
  'maybe|possibly|perhaps|should|would|could|might',
  'improved|enhanced|increased|additional|new|proper|further',
  String.raw`\w+(?:tion|sion|ment|ness|ity|ance|ence|ings?)`,
];
const NOT_IMPERATIVE = new RegExp(`^(?:${NOT_IMPERATIVE_WORDS.join('|')})$`, 'i');
/** Imperatives that end like nouns, so the endings above do not catch them. */
const VERBS_LIKE_NOUNS = new Set([
  'ping',
  'bring',
  'sing',
  'string',
  'ring',
  'comment',
  'document',
  'implement',
  'supplement',
  'experiment',
  'augment',
  'segment',
  'fence',
  'reference',
  'balance',
  'silence',
  'enhance',
  'advance',
  'enforce',
  'reinforce',
  'sequence',
  'evidence',
  'influence',
  'commence',
  'license',
  'finance',
  'distance',
  'entity',
  'mention',
  'function',
  'question',
  'partition',
  'position',
  'provision',
  'version',
  'condition',
  'caution',
  'station',
  'audition',
  'petition',
  'section',
  'motion',
  'transition',
  'ration',
  'pension',
  'envision',
  'revision',
]);

const rule: Rule = {
  id: 'actions/not-a-verb',
  level: 'info',
  description: 'An action item does not start with a verb.',
  rationale:
    'An item that starts with a verb ("Add an alert on…") says what will be done; ' +
    '"Better alerting" or "The deploy process" names a topic and leaves the work undefined.',
  example: {
    flagged: '| Better alerting for DNS | @ops |',
    better: '| Alert on resolver SERVFAIL rate per region | @ops |',
  },
  check: ({ doc }) =>
    doc.actionItems.flatMap((item) => {
      const first = /^[\s*_`"'[(]*([A-Za-z][\w'-]*)/.exec(item.action.text)?.[1];
      if (!first || VERBS_LIKE_NOUNS.has(first.toLowerCase()) || !NOT_IMPERATIVE.test(first)) return [];
      return [
        {
          range: item.action.range,
          message:
            `${quoteItem(item.action.text)} does not start with a verb: ` +
            'say what will be done ("Add…", "Automate…", "Document…").',
        },
      ];
    }),
};
export default rule;
