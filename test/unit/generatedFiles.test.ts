/**
 * `gen-docs --check` fails when any generated file is stale: each is written into a scratch copy of
 * the project's generated files, then spoilt one at a time, and must be named. The project's own
 * files must be fresh, and the settings package.json declares must read back as the server's defaults.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expectedOutputs, staleOutputs } from '../../scripts/docsOutputs';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../server/src/shared/settings';

const ROOT = join(__dirname, '..', '..');

describe('the generated files', () => {
  let scratch = '';
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  };

  before(() => {
    scratch = mkdtempSync(join(tmpdir(), 'hindsight-docs-'));
    for (const file of ['README.md', 'package.json']) write(file, readFileSync(join(ROOT, file), 'utf8'));
    for (const [path, text] of expectedOutputs(scratch)) write(path, text);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('are fresh in the project, as CI checks', () => {
    assert.deepEqual(staleOutputs(ROOT), []);
  });

  it('are fresh once written', () => {
    assert.deepEqual(staleOutputs(scratch), []);
  });

  const SPOILS: [string, string, (text: string) => string][] = [
    ['the schema', join('schemas', 'hindsight.schema.json'), (t) => t.replace('"jira-dc"', '"jira-server"')],
    ['the configuration page', join('docs', 'configuration.md'), (t) => t.replace('`defaultTemplate`', '`template`')],
    ['the settings in package.json', 'package.json', (t) => t.replace('"default": "onType"', '"default": "onSave"')],
    [
      'the README settings table',
      'README.md',
      (t) => t.replace('| `hindsight.run` | `onType`', '| `hindsight.run` | `x`'),
    ],
    ['a rule page', join('docs', 'rules', 'blameless', 'hindsight.md'), (t) => `${t}\nMore.\n`],
  ];

  for (const [what, path, spoil] of SPOILS) {
    it(`are stale when ${what} is changed by hand`, () => {
      const text = readFileSync(join(scratch, path), 'utf8');
      const spoilt = spoil(text);
      assert.notEqual(spoilt, text, `the spoil of ${path} changed nothing`);
      writeFileSync(join(scratch, path), spoilt);
      try {
        assert.deepEqual(staleOutputs(scratch), [path]);
      } finally {
        writeFileSync(join(scratch, path), text);
      }
    });
  }

  it('fail the check command with the stale file named', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'gen-docs.ts'), '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, HINDSIGHT_GENERATED_ROOT: scratch },
    });
    assert.equal(result.status, 0, result.stderr);
    const schema = join(scratch, 'schemas', 'hindsight.schema.json');
    const text = readFileSync(schema, 'utf8');
    writeFileSync(schema, text.replace('"jira-dc"', '"jira-server"'));
    try {
      const stale = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'gen-docs.ts'), '--check'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, HINDSIGHT_GENERATED_ROOT: scratch },
      });
      assert.equal(stale.status, 1);
      assert.match(stale.stderr, /schemas\/hindsight\.schema\.json/);
    } finally {
      writeFileSync(schema, text);
    }
  });
});

describe('the settings package.json declares', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const properties = manifest.contributes.configuration.properties as Record<
    string,
    { default: unknown; enum?: string[] }
  >;

  it('default to what the server reads when nothing is set', () => {
    const declared = { include: properties['hindsight.include'].default, run: properties['hindsight.run'].default };
    assert.deepEqual(normaliseSettings(declared), DEFAULT_SETTINGS);
    assert.deepEqual(declared, DEFAULT_SETTINGS);
  });

  it('offer only choices the server keeps', () => {
    for (const run of properties['hindsight.run'].enum!) assert.equal(normaliseSettings({ run }).run, run);
  });
});
