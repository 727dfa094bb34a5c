/** The configuration schema's `rules`, generated from the rule objects: ids enumerated, options typed. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { RULES } from '../../server/src/core/rules';
import { RULE_LEVELS, rulesSchema } from '../../scripts/ruleSchema';

const ROOT = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'hindsight.schema.json'), 'utf8'));
// A rule given as [level] or [level, options] is a tuple of one or two on purpose.
const validate = new Ajv({ allErrors: true, strictTuples: false }).compile(schema);
const accepts = (rules: object) => validate({ rules });

/** A value of the wrong type for an option of this type. */
const WRONG: Record<string, unknown> = { number: 'five', string: 5, boolean: 'yes', 'string[]': 'in-review' };

describe('the rules part of the configuration schema', () => {
  it('is the one generated from the rules (gen-docs --check keeps it so)', () => {
    assert.deepEqual(schema.properties.rules, rulesSchema(RULES));
  });

  it('accepts every rule at every level, in each of its three spellings', () => {
    for (const rule of RULES) {
      for (const level of RULE_LEVELS) {
        for (const setting of [level, [level], { level }]) {
          assert.ok(accepts({ [rule.id]: setting }), `${rule.id}: ${JSON.stringify(setting)}`);
        }
      }
    }
  });

  it("accepts each rule's options at their defaults and refuses them of the wrong type", () => {
    const withOptions = RULES.filter((rule) => Object.keys(rule.options ?? {}).length > 0);
    assert.ok(withOptions.length > 0);
    for (const rule of withOptions) {
      for (const [name, option] of Object.entries(rule.options!)) {
        assert.ok(accepts({ [rule.id]: ['warning', { [name]: option.default }] }), `${rule.id}.${name}`);
        assert.ok(accepts({ [rule.id]: { options: { [name]: option.default } } }), `${rule.id}.${name}`);
        assert.equal(accepts({ [rule.id]: ['warning', { [name]: WRONG[option.type] }] }), false, `${rule.id}.${name}`);
      }
      assert.equal(accepts({ [rule.id]: ['warning', { noSuchOption: true }] }), false, rule.id);
    }
  });

  it('refuses an unknown rule id, an unknown level and options for a rule that has none', () => {
    assert.equal(accepts({ 'blameless/human-eror': 'off' }), false);
    assert.equal(accepts({ 'blameless/hindsight': 'loud' }), false);
    const plain = RULES.find((rule) => Object.keys(rule.options ?? {}).length === 0)!;
    assert.equal(accepts({ [plain.id]: ['warning', { anything: 1 }] }), false);
    assert.ok(accepts({ 'actions/missing-owner': 'off' }), 'an alias is a rule id too');
  });
});
