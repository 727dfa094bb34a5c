import { blamelessRule } from './rule';

export default blamelessRule(
  'vigilance-remedy',
  'warning',
  '"Try harder" remedies ("be more careful", "pay more attention", "double-check") instead of changes to the system.',
  'People were already trying. Vigilance cannot be verified and does not survive the next busy night. Phrases that are also ordinary work ("double-checked the config") are flagged only as remedies: in lessons and action items, or with "should", "must", "make sure", "next time". A duty laid on people ("make sure engineers check the schema") is one too, unlike what a system does for them ("ensure engineers get paged"); so is a state to keep out of, given as an order ("don\'t deploy when you are tired"). In an action item\'s own text, actions/vigilance-remedy reports it instead.',
  {
    flagged: 'Engineers should be more careful when editing zone files.',
    better: 'The publish script validates zone files before they go live.',
  },
);
