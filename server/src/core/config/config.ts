import type { MetricDefinitions, SectionKind } from '../model';
import type { RuleLevel } from '../rules/rule';
import { parseZone } from '../time/zones';
import type { ServiceCatalog } from '../catalog/catalog';
import { CONFIG_FILE_SPEC, FRONTMATTER_FIELDS as FRONTMATTER, RULE_LEVELS, specDefault } from './configSpec';
import { validateSlos, type Slo, type SloEntry } from './slos';
import { validateDocumentUrl, validateTrackers, type TrackerEntry } from './trackers';
import {
  BUILTIN_SEVERITY_REQUIREMENTS,
  BUILTIN_TEMPLATES,
  requirementFromName,
  type SeverityRequirement,
  type TemplateSpec,
} from './templates';

/**
 * A project's configuration (`.hindsight.json` or `.hindsight.yaml`), as written, before defaults.
 * `CONFIG_FILE_SPEC` (configSpec.ts) describes each key; the JSON Schema is generated from it.
 */
export interface ConfigFile {
  extends?: string | string[];
  rules?: Record<
    string,
    RuleLevel | [RuleLevel, Record<string, unknown>] | { level?: RuleLevel; options?: Record<string, unknown> }
  >;
  templates?: Record<string, { sections: string[] }>;
  defaultTemplate?: string;
  severities?: Record<string, { sections?: string[]; actionTypes?: string[] }>;
  frontmatter?: { required?: string[]; severities?: string[]; statuses?: string[]; known?: string[] };
  metrics?: Partial<Record<keyof MetricDefinitions, { from: string; to: string }>>;
  /** Where action items are exported, by name (`hindsight export <name>`); secrets come from the environment. */
  trackers?: Record<string, TrackerEntry>;
  /** Base URL the postmortems are published under, for links from tickets back to them. */
  documentUrl?: string;
  /** The team's zone for documents that state none ("Europe/Berlin", "UTC+01:00", "UTC"); `defaultZone` is the same. */
  zone?: string;
  defaultZone?: string;
  /** Availability objectives by service, for the error budget in `hindsight report`. */
  slos?: Record<string, SloEntry>;
}

export interface RuleSetting {
  level: RuleLevel | undefined;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  templates: Record<string, TemplateSpec>;
  defaultTemplate: string;
  severityRequirements: Record<string, SeverityRequirement>;
  frontmatter: { required: string[]; severities: string[]; statuses: string[]; known: string[] };
  metrics: Partial<MetricDefinitions>;
  /** Configured trackers by name; a file's entry replaces an inherited one of the same name. */
  trackers: Record<string, TrackerEntry>;
  documentUrl: string | undefined;
  /** The team's default zone, as written (checked to be one): times in a document that states none are read in it. */
  zone: string | undefined;
  /** Availability objectives by service; a file's entry replaces an inherited one of the same service. */
  slos: Record<string, Slo>;
  /** The Backstage catalog around the document's folder, when there is one (see core/catalog). */
  catalog?: ServiceCatalog;
  /** The files this configuration came from, nearest first. */
  files: string[];
}

export const KNOWN_FRONTMATTER = [
  'type',
  'postmortem',
  'id',
  'title',
  'date',
  'status',
  'severity',
  'authors',
  'author',
  'owner',
  'owners',
  'reviewers',
  'services',
  'teams',
  'team',
  'tags',
  'template',
  'timezone',
  'started',
  'detected',
  'acknowledged',
  'mitigated',
  'resolved',
  'impact_start',
  'impact_end',
  'customer_impact',
  'slo',
  'related',
  'tickets',
  'incident',
  'duration',
  'summary',
  'description',
  'layout',
  'weight',
  'started_at',
  'detected_at',
  'acknowledged_at',
  'mitigated_at',
  'resolved_at',
  'impact_started',
  'impact_ended',
  'time_zone',
  'tz',
  'impact_duration',
  'downtime',
  'ttd',
  'tta',
  'ttm',
  'ttr',
  'time_to_detect',
  'time_to_acknowledge',
  'time_to_mitigate',
  'time_to_repair',
  'time_to_resolve',
  'declared',
  'closed',
  'components',
  'systems',
  'regions',
  'environment',
  'commander',
  'incident_commander',
  'participants',
];

export function defaultConfig(): ResolvedConfig {
  return {
    rules: {},
    templates: { ...BUILTIN_TEMPLATES },
    defaultTemplate: specDefault(CONFIG_FILE_SPEC.defaultTemplate),
    severityRequirements: { ...BUILTIN_SEVERITY_REQUIREMENTS },
    frontmatter: {
      required: specDefault(FRONTMATTER.required),
      severities: specDefault(FRONTMATTER.severities),
      statuses: specDefault(FRONTMATTER.statuses),
      known: [...KNOWN_FRONTMATTER],
    },
    metrics: {},
    trackers: {},
    documentUrl: undefined,
    zone: undefined,
    slos: {},
    files: [],
  };
}

const LEVELS = new Set<string>(RULE_LEVELS);

/**
 * Rule ids that were merged into another rule, and the part of it each stood for. Old settings keep
 * working: turning one off stops that field being asked for; any other level sets the new rule's.
 */
export const RULE_ALIASES: Record<string, { rule: string; field: string }> = {
  'actions/missing-owner': { rule: 'actions/incomplete', field: 'owner' },
  'actions/missing-due-date': { rule: 'actions/incomplete', field: 'due' },
  'actions/missing-status': { rule: 'actions/incomplete', field: 'status' },
};

type RuleValue = NonNullable<ConfigFile['rules']>[string];

function levelOf(value: RuleValue): RuleLevel | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value[0];
  return value && typeof value === 'object' ? value.level : undefined;
}

function applyAlias(
  rules: Record<string, RuleSetting>,
  alias: { rule: string; field: string },
  value: RuleValue,
): void {
  const previous = rules[alias.rule] ?? { level: undefined, options: {} };
  const level = levelOf(value);
  if (level !== undefined && !LEVELS.has(level))
    throw new Error(`rule "${alias.rule}": level must be off, info, warning or error`);
  const skipped = (previous.options.skipFields as string[] | undefined) ?? [];
  if (level === 'off')
    rules[alias.rule] = {
      ...previous,
      options: { ...previous.options, skipFields: [...new Set([...skipped, alias.field])] },
    };
  else
    rules[alias.rule] = {
      level: level ?? previous.level,
      options: { ...previous.options, skipFields: skipped.filter((f) => f !== alias.field) },
    };
}

/** Folds one file's settings over what came before it (a base it extends, or the defaults). */
export function applyConfig(base: ResolvedConfig, file: ConfigFile, path: string): ResolvedConfig {
  const out: ResolvedConfig = {
    ...base,
    rules: { ...base.rules },
    templates: { ...base.templates },
    severityRequirements: { ...base.severityRequirements },
    frontmatter: { ...base.frontmatter },
    metrics: { ...base.metrics },
    trackers: { ...base.trackers },
    slos: { ...base.slos },
    files: [path, ...base.files],
  };
  for (const [id, value] of Object.entries(file.rules ?? {})) {
    if (RULE_ALIASES[id]) {
      applyAlias(out.rules, RULE_ALIASES[id], value);
      continue;
    }
    const previous = out.rules[id] ?? { level: undefined, options: {} };
    if (typeof value === 'string') out.rules[id] = { ...previous, level: value };
    else if (Array.isArray(value))
      out.rules[id] = { level: value[0], options: { ...previous.options, ...(value[1] ?? {}) } };
    else if (value && typeof value === 'object')
      out.rules[id] = {
        level: value.level ?? previous.level,
        options: { ...previous.options, ...(value.options ?? {}) },
      };
    if (out.rules[id]?.level !== undefined && !LEVELS.has(out.rules[id].level!))
      throw new Error(`rule "${id}": level must be off, info, warning or error`);
  }
  for (const [name, template] of Object.entries(file.templates ?? {})) {
    if (!Array.isArray(template?.sections))
      throw new Error(`template "${name}": "sections" must be a list of section names`);
    out.templates[name] = { sections: template.sections.map((s) => requirementFromName(String(s), [])) };
  }
  if (file.defaultTemplate) out.defaultTemplate = file.defaultTemplate;
  for (const [severity, requirement] of Object.entries(file.severities ?? {})) {
    out.severityRequirements[severity.toUpperCase()] = {
      sections: (requirement.sections ?? []).map((s) => requirementFromName(String(s), [])),
      actionTypes: requirement.actionTypes ?? [],
    };
  }
  if (file.frontmatter?.required) out.frontmatter.required = file.frontmatter.required;
  if (file.frontmatter?.severities) out.frontmatter.severities = file.frontmatter.severities;
  if (file.frontmatter?.statuses) out.frontmatter.statuses = file.frontmatter.statuses;
  if (file.frontmatter?.known) out.frontmatter.known = [...out.frontmatter.known, ...file.frontmatter.known];
  for (const [name, definition] of Object.entries(file.metrics ?? {})) {
    out.metrics[name as keyof MetricDefinitions] = definition as MetricDefinitions[keyof MetricDefinitions];
  }
  if (file.trackers !== undefined) Object.assign(out.trackers, validateTrackers(file.trackers));
  if (file.slos !== undefined) Object.assign(out.slos, validateSlos(file.slos));
  if (file.documentUrl !== undefined) out.documentUrl = validateDocumentUrl(file.documentUrl);
  const zone = file.zone ?? file.defaultZone;
  if (zone !== undefined) out.zone = validateZone(zone, file.zone !== undefined ? 'zone' : 'defaultZone');
  return out;
}

function validateZone(value: unknown, key: string): string {
  if (typeof value !== 'string' || !parseZone(value)) {
    const examples = '"UTC", "Europe/Berlin" or "UTC+01:00"';
    throw new Error(`"${key}" must be a time zone such as ${examples}, not ${JSON.stringify(value)}`);
  }
  return value;
}

/** The sections a document must have: its template's, plus what its severity adds. */
export function requiredSections(config: ResolvedConfig, template: string, severity: string | undefined) {
  const base = config.templates[template]?.sections ?? [];
  const extra = severity ? (config.severityRequirements[severity.toUpperCase()]?.sections ?? []) : [];
  const seen = new Set(base.map((r) => r.kinds.join('|')));
  return [
    ...base,
    ...extra.filter(
      (r) => !seen.has(r.kinds.join('|')) && !base.some((b) => b.kinds.some((k: SectionKind) => r.kinds.includes(k))),
    ),
  ];
}
