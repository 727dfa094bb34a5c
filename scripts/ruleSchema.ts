/**
 * The `rules` part of the configuration's JSON Schema, from the rule objects themselves: every rule
 * id (and alias) enumerated with its description and default, each rule's options typed as the rule
 * declares them. gen-docs writes it into schemas/hindsight.schema.json and `--check` fails when the
 * file does not hold exactly this.
 */
import { RULE_ALIASES } from '../server/src/core/config/config';
import { RULE_LEVELS } from '../server/src/core/config/configSpec';
import type { Rule, RuleLevel, RuleOption } from '../server/src/core/rules/rule';

type JsonSchema = Record<string, unknown>;

export { RULE_LEVELS };

const OPTION_TYPES: Record<RuleOption['type'], JsonSchema> = {
  number: { type: 'number' },
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  'string[]': { type: 'array', items: { type: 'string' } },
};

const LEVEL = { $ref: '#/definitions/ruleLevel' };

function optionsSchema(options: Record<string, RuleOption>): JsonSchema {
  const properties = Object.fromEntries(
    Object.entries(options).map(([name, option]) => [
      name,
      { ...OPTION_TYPES[option.type], description: option.description, default: option.default },
    ]),
  );
  return { type: 'object', additionalProperties: false, properties };
}

/** A rule's setting in its three spellings: a level, [level, options], or { level, options }. */
function settingSchema(options: JsonSchema): JsonSchema {
  return {
    oneOf: [
      LEVEL,
      { type: 'array', items: [LEVEL, options], minItems: 1, maxItems: 2 },
      { type: 'object', additionalProperties: false, properties: { level: LEVEL, options } },
    ],
  };
}

/** What the rules share, under the schema's `definitions`. */
export const RULE_DEFINITIONS: JsonSchema = {
  ruleLevel: { enum: RULE_LEVELS },
  ruleWithoutOptions: settingSchema({ type: 'object', additionalProperties: false }),
};

function ruleSchema(description: string, level: RuleLevel, options: Record<string, RuleOption> = {}): JsonSchema {
  const described = { description: `${description} (default: ${level})` };
  if (Object.keys(options).length === 0) return { ...described, allOf: [{ $ref: '#/definitions/ruleWithoutOptions' }] };
  return { ...described, ...settingSchema(optionsSchema(options)) };
}

export function rulesSchema(rules: readonly Rule[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const rule of rules) properties[rule.id] = ruleSchema(rule.description, rule.level, rule.options);
  for (const [alias, { rule, field }] of Object.entries(RULE_ALIASES)) {
    const target = rules.find((r) => r.id === rule);
    if (!target) throw new Error(`the rule alias ${alias} names ${rule}, which is not a rule`);
    properties[alias] = ruleSchema(`The ${field} check of ${rule} alone`, target.level);
  }
  return {
    type: 'object',
    description: 'Rule severities and options, by rule id (see docs/rules).',
    additionalProperties: false,
    properties,
  };
}
