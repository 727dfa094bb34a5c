import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument, withConfiguredMetrics } from '../../../server/src/core/check';
import { loadConfig } from '../../../server/src/core/config/load';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'config');
const ROOT = join(__dirname, '..', '..', '..');

describe('configuration', () => {
  it('is found from the file upward, and extends another file', () => {
    const { config, error } = loadConfig(join(FIXTURES, 'child', 'nested'));
    assert.equal(error, undefined);
    assert.deepEqual(
      config.files.map((f) => f.slice(FIXTURES.length + 1)),
      ['child/.hindsight.yaml', 'base/.hindsight.json'],
    );
    assert.equal(config.rules['blameless/hindsight'].level, 'info', 'the nearer file wins');
    assert.deepEqual(
      config.rules['metrics/mismatch'],
      { level: 'error', options: { toleranceMinutes: 10 } },
      'inherited from the base',
    );
    assert.equal(config.rules['actions/not-a-verb'].level, 'off');
    assert.ok(config.frontmatter.known.includes('squad'));
    assert.deepEqual(
      config.templates['game-day'].sections.map((s) => s.kinds.join('|')),
      ['summary', 'timeline', 'what-went-well', 'action-items'],
    );
  });

  it('changes what is reported: severities, custom templates, known keys and metric definitions', () => {
    const path = join(FIXTURES, 'child', 'nested', '2025-01-01-game-day.md');
    const doc = analyzeText(readFileSync(path, 'utf8'));
    const loaded = loadConfig(join(FIXTURES, 'child', 'nested'));
    const problems = checkDocument(doc, loaded, { today: '2025-06-01' });
    const codes = problems.map((p) => `${p.code}:${p.severity}`);
    assert.ok(codes.includes('blameless/hindsight:info'));
    assert.ok(!codes.some((c) => c.startsWith('frontmatter/unknown-key')), 'squad is known through the base file');
    const missing = problems.filter((p) => p.code === 'sections/missing').map((p) => p.message);
    assert.deepEqual(missing.length, 2, missing.join('\n'));
    assert.ok(missing.every((m) => m.startsWith('The game-day template')));
    assert.equal(doc.metrics.ttr.minutes, 40, 'the default: resolved − started');
    assert.equal(withConfiguredMetrics(doc, loaded).metrics.ttr.minutes, 30, 'configured: resolved − detected');
  });

  it('reports a configuration it cannot use, once, and falls back to the defaults', () => {
    const path = join(FIXTURES, 'broken', '2025-01-01-game-day.md');
    const loaded = loadConfig(join(FIXTURES, 'broken'));
    assert.match(loaded.error!.message, /level must be off, info, warning or error/);
    const problems = checkDocument(analyzeText(readFileSync(path, 'utf8')), loaded);
    assert.equal(problems.filter((p) => p.code === 'config/invalid').length, 1);
    assert.ok(
      problems.some((p) => p.code === 'blameless/hindsight' && p.severity === 'info'),
      'defaults apply',
    );
    assert.match(loadConfig(join(FIXTURES, 'cycle')).error!.message, /extends itself/);
  });

  it('has a JSON Schema that accepts valid files and rejects invalid ones', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'hindsight.schema.json'), 'utf8'));
    // A rule given as [level] or [level, options] is a tuple of one or two on purpose: Ajv's strict tuple check would
    // only print a warning about it.
    const validate = new Ajv({ allErrors: true, strictTuples: false }).compile(schema);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const sample = JSON.parse(/### Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]);
    for (const config of [
      sample,
      JSON.parse(readFileSync(join(FIXTURES, 'base', '.hindsight.json'), 'utf8')),
      parseYaml(readFileSync(join(FIXTURES, 'child', '.hindsight.yaml'), 'utf8')),
    ]) {
      assert.ok(validate(config), JSON.stringify(validate.errors));
    }
    assert.equal(validate({ rules: { 'blameless/hindsight': 'loud' } }), false);
    assert.equal(validate({ metrics: { ttr: { from: 'begun', to: 'resolved' } } }), false);
    assert.equal(validate({ colour: 'blue' }), false);
  });
});

describe('workspace templates', () => {
  it('adds each .hindsight/templates file as a template whose headings are required; a broken file is reported, not fatal', () => {
    const folder = join(FIXTURES, 'team', 'postmortems');
    const loaded = loadConfig(folder);
    assert.deepEqual(
      loaded.config.templates['game-day'].sections.map((s) => s.heading),
      ['Summary', 'Hypothesis', 'Timeline', 'Customer calls', 'Action items'],
    );
    assert.ok(loaded.config.templates.incident, 'built-in templates stay');
    const doc = analyzeText(readFileSync(join(folder, '2025-02-01-failover-drill.md'), 'utf8'));
    const problems = checkDocument(doc, loaded, { today: '2025-01-15' });
    assert.deepEqual(
      problems.filter((p) => p.code === 'sections/missing').map((p) => /"(.*)"/.exec(p.message)![1]),
      ['Hypothesis', 'Customer calls'],
    );
    const invalid = problems.filter((p) => p.code === 'config/invalid');
    assert.equal(invalid.length, 1);
    assert.match(invalid[0].message, /^broken\.md .*binary.*this template is skipped until it is fixed\.$/);
  });
});
