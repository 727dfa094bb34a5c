/**
 * The configuration's JSON Schema (schemas/hindsight.schema.json), generated whole: the keys from
 * the configuration's description (server/src/core/config/configSpec.ts), each tracker type's
 * settings from server/src/trackers/settingsSpec.ts, the rules from the rule objects.
 */
import { CONFIG_FILE_SHAPE } from '../server/src/core/config/configSpec';
import type { Field, ObjectShape, Shape } from '../server/src/core/config/shape';
import type { Rule } from '../server/src/core/rules/rule';
import { TRACKER_VARIANTS, type TrackerVariant } from '../server/src/trackers/settingsSpec';
import { RULE_DEFINITIONS, rulesSchema } from './ruleSchema';

type JsonSchema = Record<string, unknown>;

/**
 * A pattern JSON Schema can hold: it has no flags, so a case-blind one spells each letter both ways
 * (`[tT]`, or both inside a class). Escapes are kept; a range of letters under `i` is refused.
 */
export function patternOf(pattern: RegExp): string {
  // A RegExp's source escapes "/", which a schema's pattern need not.
  const source = pattern.source.replace(/\\\//g, '/');
  if (!pattern.flags.includes('i')) return source;
  let inClass = false;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + source[++i];
      continue;
    }
    if (c === '[') inClass = true;
    if (c === ']') inClass = false;
    const both = c.toLowerCase() + c.toUpperCase();
    if (both[0] === both[1]) out += c;
    else if (!inClass) out += `[${both}]`;
    else if (source[i + 1] === '-' || source[i - 1] === '-') throw new Error(`${pattern}: a case-blind letter range`);
    else out += both;
  }
  return out;
}

function described(field: Field, schema: JsonSchema): JsonSchema {
  return {
    ...schema,
    description: field.doc,
    ...(field.default !== undefined ? { default: field.default } : {}),
    ...(field.examples ? { examples: field.examples } : {}),
  };
}

function objectSchema(shape: ObjectShape, rules: readonly Rule[], extra: JsonSchema = {}): JsonSchema {
  const properties = Object.entries(shape.fields).map(([name, field]) => [
    name,
    described(field, schemaOf(field.shape, rules)),
  ]);
  return {
    type: 'object',
    ...(shape.required?.length ? { required: shape.required } : {}),
    ...(shape.open ? {} : { additionalProperties: false }),
    ...extra,
    ...(shape.open && properties.length === 0 ? {} : { properties: Object.fromEntries(properties) }),
  };
}

/** One tracker type's settings, applied when the entry's `type` is one of the variant's. */
function variantSchema(variant: TrackerVariant, rules: readonly Rule[]): JsonSchema {
  const types = { enum: variant.types };
  const settings = objectSchema({ kind: 'object', fields: variant.fields, open: !variant.closed }, rules);
  const { type: _object, ...then } = settings;
  return {
    if: { properties: { type: types } },
    then: {
      required: variant.required,
      ...then,
      properties: { type: types, ...(then.properties as JsonSchema) },
    },
  };
}

function schemaOf(shape: Shape, rules: readonly Rule[]): JsonSchema {
  switch (shape.kind) {
    case 'string':
      return {
        type: 'string',
        ...(shape.pattern ? { pattern: patternOf(shape.pattern) } : {}),
        ...(shape.examples ? { examples: shape.examples } : {}),
      };
    case 'number':
      return {
        type: 'number',
        ...(shape.above !== undefined ? { exclusiveMinimum: shape.above } : {}),
        ...(shape.below !== undefined ? { exclusiveMaximum: shape.below } : {}),
      };
    case 'boolean':
      return { type: 'boolean' };
    case 'choice':
      return { enum: shape.values };
    case 'list':
      return { type: 'array', items: schemaOf(shape.of, rules) };
    case 'either':
      return { oneOf: shape.of.map((s) => schemaOf(s, rules)) };
    case 'map':
      return { type: 'object', additionalProperties: schemaOf(shape.of, rules) };
    case 'object':
      return objectSchema(shape, rules);
    case 'rules':
      return rulesSchema(rules);
    case 'tracker':
      return {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: shape.types } },
        // Secrets are refused by name, with the same pattern the loader uses.
        propertyNames: { not: { pattern: patternOf(shape.forbiddenKeys) } },
        allOf: TRACKER_VARIANTS.map((variant) => variantSchema(variant, rules)),
      };
  }
}

/** The whole schema file's value. */
export function configSchema(rules: readonly Rule[]): JsonSchema {
  const body = objectSchema(CONFIG_FILE_SHAPE, rules);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'hindsight.schema.json',
    title: 'Hindsight configuration',
    description: 'Configuration for Hindsight, the postmortem checker (.hindsight.json or .hindsight.yaml).',
    ...body,
    properties: { $schema: { type: 'string' }, ...(body.properties as JsonSchema) },
    definitions: RULE_DEFINITIONS,
  };
}

/** The schema file's text. */
export const configSchemaText = (rules: readonly Rule[]): string => `${JSON.stringify(configSchema(rules), null, 2)}\n`;
