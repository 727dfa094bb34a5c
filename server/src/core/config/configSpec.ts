/**
 * The configuration file (`.hindsight.json` / `.hindsight.yaml`) described once: every key of
 * `ConfigFile` with what it holds, its limits, default and a line of documentation. The loader
 * reads its levels, defaults and limits from here; `npm run docs` generates the JSON Schema and
 * docs/configuration.md from it.
 */
import type { MetricName, MilestoneKind } from '../model';
import type { RuleLevel } from '../rules/rule';
import type { ConfigFile } from './config';
import { choice, field, mapOf, text, texts, type Field, type ObjectShape, type Shape } from './shape';
import { SLO_ENTRY } from './slos';
import { SECRET_KEY, TRACKER_SECRET_ENV, TRACKER_TYPES } from './trackers';

/** Every level a rule may be set to; a `Record` over the type, so a new level cannot be forgotten here. */
const LEVEL_NAMES: Record<RuleLevel, true> = { off: true, hint: true, info: true, warning: true, error: true };
export const RULE_LEVELS = Object.keys(LEVEL_NAMES) as RuleLevel[];

const MILESTONE_NAMES: Record<MilestoneKind, true> = {
  started: true,
  detected: true,
  acknowledged: true,
  mitigated: true,
  resolved: true,
  impactStart: true,
  impactEnd: true,
};
const METRIC_NAMES: Record<MetricName, true> = { ttd: true, tta: true, ttm: true, ttr: true, impact: true };

const SECTION_NAME = text();
const SECTION_NAMES: Shape = { kind: 'list', of: SECTION_NAME };
const SECTIONS_DOC =
  'Section kinds (summary, impact, timeline, detection, response, contributing-factors, root-cause, resolution, ' +
  'what-went-well, what-could-be-improved, where-we-got-lucky, action-items, lessons-learned, ' +
  'customer-message…); several joined by | when any one will do.';

const closed = (fields: Record<string, Field>, required: readonly string[] = []): ObjectShape => ({
  kind: 'object',
  fields,
  required,
});

const METRIC_SPAN = closed(
  {
    from: field(choice(Object.keys(MILESTONE_NAMES)), 'The milestone the metric starts at.'),
    to: field(choice(Object.keys(MILESTONE_NAMES)), 'The milestone the metric ends at.'),
  },
  ['from', 'to'],
);

const secretSources = Object.values(TRACKER_SECRET_ENV).join(', ');

/** The frontmatter keys' defaults are the loader's defaults (`defaultConfig`). */
export const FRONTMATTER_FIELDS = {
  required: field(texts, 'Frontmatter keys every postmortem must have.', {
    default: ['title', 'date', 'severity', 'status', 'authors'],
  }),
  severities: field(texts, 'The severities a postmortem may name.', {
    default: ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4'],
  }),
  statuses: field(texts, 'The statuses a postmortem may be in.', {
    default: ['draft', 'in-review', 'published'],
  }),
  known: field(texts, 'Extra frontmatter keys your team uses on purpose (added to the common ones).'),
} satisfies Record<keyof NonNullable<ConfigFile['frontmatter']>, Field>;

/** The keys of a configuration file; typed over `ConfigFile`, so a key added there must be described here. */
export const CONFIG_FILE_SPEC: { [K in keyof Required<ConfigFile>]: Field } = {
  extends: field(
    { kind: 'either', of: [text(), texts] },
    'What this configuration builds on: a preset ("hindsight:recommended", the default, or "hindsight:strict"), ' +
      "or path(s) of configuration files relative to this file. This file's own settings apply on top.",
    { examples: ['hindsight:strict', 'hindsight:recommended', '../.hindsight.json'] },
  ),
  rules: field({ kind: 'rules' }, 'Rule severities and options, by rule id (see docs/rules).'),
  templates: field(
    mapOf('template', closed({ sections: field(SECTION_NAMES, SECTIONS_DOC) }, ['sections'])),
    'Postmortem templates and the sections each requires.',
  ),
  defaultTemplate: field(text(), 'Template used when the frontmatter names none.', { default: 'incident' }),
  severities: field(
    mapOf(
      'severity',
      closed({
        sections: field(SECTION_NAMES, SECTIONS_DOC),
        actionTypes: field(texts, 'Action-item types of which at least one item is required, e.g. prevent.'),
      }),
    ),
    'What each severity requires beyond its template.',
  ),
  frontmatter: field(closed(FRONTMATTER_FIELDS), 'The frontmatter every postmortem is held to.'),
  metrics: field(
    closed(
      Object.fromEntries(
        Object.keys(METRIC_NAMES).map((name) => [name, field(METRIC_SPAN, `How ${name} is measured.`)]),
      ),
    ),
    'Metric definitions: each metric is `to − from` between two milestones.',
  ),
  trackers: field(
    mapOf('tracker', { kind: 'tracker', types: TRACKER_TYPES, forbiddenKeys: SECRET_KEY }),
    'Trackers action items are exported to, by name: hindsight export <name> FILE. Secrets are never read ' +
      `from this file: they come from environment variables (${secretSources}) ` +
      "or VS Code's Set Tracker Credentials command.",
  ),
  documentUrl: field(
    text({ pattern: /^https?:\/\// }),
    'Base URL the postmortems are published under, for links from tickets back to them ' +
      "(the file's path is appended, or put where {file} is).",
  ),
  zone: field(
    text(),
    'The team\'s time zone, for documents that state none: an IANA name ("Europe/Berlin"), a UTC offset ' +
      '("UTC+01:00") or an abbreviation ("UTC", "CET"). Times in such a document are read in it, and ' +
      'timeline/missing-zone says so.',
    { examples: ['UTC', 'Europe/Berlin', 'UTC+01:00'] },
  ),
  defaultZone: field(text(), 'Another name for "zone"; "zone" wins when both are given.'),
  slos: field(
    mapOf('service', SLO_ENTRY),
    'Availability objectives by service name, for the error budget in `hindsight report`: the budget each ' +
      'incident burned from its impact window, and which incidents crossed the policy threshold.',
    { examples: [{ checkout: { objective: 99.9, window: '30d' } }] },
  ),
};

/** The configuration file as one object shape, for the generators. */
export const CONFIG_FILE_SHAPE: ObjectShape = { kind: 'object', fields: CONFIG_FILE_SPEC };

/** A default from the description, as a fresh copy the caller may change. */
export function specDefault<T>(value: Field): T {
  return structuredClone(value.default) as T;
}
