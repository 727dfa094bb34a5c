import { blamelessRule } from './rule';

export default blamelessRule(
  'character',
  'warning',
  'Words about a person\'s character ("careless", "negligent", "lazy", "sloppy", "inexperienced").',
  'Character words explain nothing about the conditions (fatigue, pressure, tooling) and make people hide their mistakes next time. They are rare in careful writing and reported wherever they appear, except technical uses such as "lazy loading".',
  {
    flagged: 'A careless engineer deleted the table.',
    better: 'The table was deleted by a cleanup script whose filter matched production.',
  },
);
