/**
 * Every rule, in the order their findings are listed. Generated docs and the README table follow it.
 */
import type { Rule } from './rule';
import documentBinary from './document/binary';
import documentTooDeep from './document/too-deep';
import documentTooLarge from './document/too-large';
import frontmatterInvalidDate from './frontmatter/invalid-date';
import frontmatterInvalidValue from './frontmatter/invalid-value';
import frontmatterMilestoneOrder from './frontmatter/milestone-order';
import frontmatterMissingKey from './frontmatter/missing-key';
import frontmatterUnknownKey from './frontmatter/unknown-key';
import frontmatterUnknownService from './frontmatter/unknown-service';
import frontmatterYamlError from './frontmatter/yaml-error';
import sectionsEmpty from './sections/empty';
import sectionsMissing from './sections/missing';
import timelineAmbiguousZone from './timeline/ambiguous-zone';
import timelineAssumedYear from './timeline/assumed-year';
import timelineDateReadAs from './timeline/date-read-as';
import timelineDayRollover from './timeline/day-rollover';
import timelineMissingEvidence from './timeline/missing-evidence';
import timelineMissingZone from './timeline/missing-zone';
import timelineMixedZones from './timeline/mixed-zones';
import timelineNoDetection from './timeline/no-detection';
import timelineNoResolution from './timeline/no-resolution';
import timelineOutOfOrder from './timeline/out-of-order';
import timelineSeveralIncidents from './timeline/several-incidents';
import timelineUnparseableTime from './timeline/unparseable-time';
import timelineZoneContradictsDate from './timeline/zone-contradicts-date';
import metricsMismatch from './metrics/mismatch';
import actionsIncomplete from './actions/incomplete';
import actionsNotAVerb from './actions/not-a-verb';
import actionsOverdue from './actions/overdue';
import actionsRequiredType from './actions/required-type';
import actionsVigilanceRemedy from './actions/vigilance-remedy';
import placeholdersUnfilled from './placeholders/unfilled';
import blamelessCharacter from './blameless/character';
import blamelessCounterfactual from './blameless/counterfactual';
import blamelessHindsight from './blameless/hindsight';
import blamelessHumanError from './blameless/human-error';
import blamelessNormative from './blameless/normative';
import blamelessPersonAsCause from './blameless/person-as-cause';
import blamelessSanction from './blameless/sanction';
import blamelessSingleRootCause from './blameless/single-root-cause';
import blamelessVigilanceRemedy from './blameless/vigilance-remedy';

export const RULES: readonly Rule[] = [
  documentBinary,
  documentTooLarge,
  documentTooDeep,
  frontmatterInvalidDate,
  frontmatterInvalidValue,
  frontmatterMilestoneOrder,
  frontmatterMissingKey,
  frontmatterUnknownKey,
  frontmatterUnknownService,
  frontmatterYamlError,
  sectionsEmpty,
  sectionsMissing,
  timelineAmbiguousZone,
  timelineAssumedYear,
  timelineDateReadAs,
  timelineDayRollover,
  timelineMissingEvidence,
  timelineMissingZone,
  timelineMixedZones,
  timelineNoDetection,
  timelineNoResolution,
  timelineOutOfOrder,
  timelineSeveralIncidents,
  timelineUnparseableTime,
  timelineZoneContradictsDate,
  metricsMismatch,
  actionsIncomplete,
  actionsNotAVerb,
  actionsOverdue,
  actionsRequiredType,
  actionsVigilanceRemedy,
  placeholdersUnfilled,
  blamelessCharacter,
  blamelessCounterfactual,
  blamelessHindsight,
  blamelessHumanError,
  blamelessNormative,
  blamelessPersonAsCause,
  blamelessSanction,
  blamelessSingleRootCause,
  blamelessVigilanceRemedy,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
