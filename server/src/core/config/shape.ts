/**
 * A small vocabulary for describing settings as data: what each key holds, what it may be, its
 * default and a line of documentation. The configuration file and the tracker entries are described
 * in it once; the loader's checks read their limits from these descriptions, and the JSON Schema
 * and docs/configuration.md are generated from them (scripts/gen-docs.ts).
 */
export type Shape =
  | { kind: 'string'; pattern?: RegExp; examples?: readonly string[] }
  | { kind: 'number'; above?: number; below?: number }
  | { kind: 'boolean' }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'list'; of: Shape }
  | { kind: 'either'; of: readonly Shape[] }
  /** An object whose keys are names the user picks (templates, trackers, services). */
  | { kind: 'map'; key: string; of: Shape }
  | ObjectShape
  /** Filled in from the rule objects: every rule id with its options. */
  | { kind: 'rules' }
  /** A tracker entry: its type picks which settings apply (server/src/trackers/settingsSpec.ts). */
  | { kind: 'tracker'; types: readonly string[]; forbiddenKeys: RegExp };

export interface ObjectShape {
  kind: 'object';
  fields: Readonly<Record<string, Field>>;
  required?: readonly string[];
  /** Whether keys other than `fields` are allowed. */
  open?: boolean;
}

export interface Field {
  shape: Shape;
  /** One line for the docs page and the schema's description. */
  doc: string;
  default?: unknown;
  examples?: readonly unknown[];
}

export const text = (extra: Omit<Extract<Shape, { kind: 'string' }>, 'kind'> = {}): Shape => ({
  kind: 'string',
  ...extra,
});
export const texts: Shape = { kind: 'list', of: { kind: 'string' } };
export const flag: Shape = { kind: 'boolean' };
export const choice = (values: readonly string[]): Shape => ({ kind: 'choice', values });
export const mapOf = (key: string, of: Shape): Shape => ({ kind: 'map', key, of });

export function field(shape: Shape, doc: string, extra: Omit<Field, 'shape' | 'doc'> = {}): Field {
  return { shape, doc, ...extra };
}
