/**
 * The configuration schema follows the `ConfigFile` type: every setting the type declares is in the
 * schema and the schema has none the type lacks, read from the type's own source with the compiler.
 * And it refuses what the loader and the tracker adapters refuse.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import ts from 'typescript';
import { applyConfig, defaultConfig, type ConfigFile } from '../../server/src/core/config/config';
import { SECRET_KEY } from '../../server/src/core/config/trackers';
import { resolveTracker } from '../../server/src/trackers/config';
import { createGitHubAdapter } from '../../server/src/trackers/github';
import { createLinearAdapter } from '../../server/src/trackers/linear';
import { patternOf } from '../../scripts/configSchema';

const ROOT = join(__dirname, '..', '..');
const CONFIG_SOURCE = join(ROOT, 'server', 'src', 'core', 'config', 'config.ts');

/** Property names of an interface (or of one of its members' inline object types) in a source file. */
function declaredKeys(interfaceName: string, member?: string): string[] {
  const source = ts.createSourceFile(CONFIG_SOURCE, readFileSync(CONFIG_SOURCE, 'utf8'), ts.ScriptTarget.Latest, true);
  const declaration = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === interfaceName,
  );
  if (!declaration) throw new Error(`${interfaceName} is not declared in ${CONFIG_SOURCE}`);
  let members: ts.NodeArray<ts.TypeElement> = declaration.members;
  if (member) {
    const property = members.find((m) => m.name?.getText(source) === member);
    if (!property || !ts.isPropertySignature(property) || !property.type || !ts.isTypeLiteralNode(property.type)) {
      throw new Error(`${interfaceName}.${member} is not an inline object type`);
    }
    members = property.type.members;
  }
  return members.map((m) => m.name!.getText(source)).sort();
}

describe('the configuration schema and the ConfigFile type', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'hindsight.schema.json'), 'utf8'));

  it('name the same settings', () => {
    const inSchema = Object.keys(schema.properties).filter((key) => key !== '$schema');
    assert.deepEqual(inSchema.sort(), declaredKeys('ConfigFile'));
  });

  it('name the same frontmatter settings', () => {
    assert.deepEqual(
      Object.keys(schema.properties.frontmatter.properties).sort(),
      declaredKeys('ConfigFile', 'frontmatter'),
    );
  });
});

describe('the configuration schema and the loader', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'hindsight.schema.json'), 'utf8'));
  // A rule given as [level] or [level, options] is a tuple of one or two on purpose.
  const validate = new Ajv({ allErrors: true, strictTuples: false }).compile(schema);
  const loads = (file: object) => applyConfig(defaultConfig(), file as ConfigFile, '/team/.hindsight.json');

  /** Files the loader refuses, one mistake each, with the words its message must hold. */
  const REFUSED: [string, object, RegExp][] = [
    ['an unknown rule level', { rules: { 'blameless/hindsight': 'loud' } }, /level must be/],
    ['an unknown level in options form', { rules: { 'metrics/mismatch': { level: 'high' } } }, /level must be/],
    ['template sections that are not a list', { templates: { quick: { sections: 'summary' } } }, /"sections"/],
    ['trackers that are not an object', { trackers: ['jira'] }, /"trackers" must be an object/],
    ['an unknown tracker type', { trackers: { t: { type: 'trello' } } }, /type must be one of/],
    ['a token in a tracker', { trackers: { gh: { type: 'github', repo: 'a/b', token: 'x' } } }, /secrets/],
    ['an API key in a tracker', { trackers: { gh: { type: 'github', repo: 'a/b', API_Key: 'x' } } }, /secrets/],
    ['an objective of 100', { slos: { checkout: { objective: 100 } } }, /objective must be a percentage/],
    ['an objective as text', { slos: { checkout: { objective: '99.9' } } }, /objective must be a percentage/],
    ['a window in months', { slos: { checkout: { objective: 99.9, window: '1m' } } }, /window must be days or weeks/],
    ['a document URL that is not http(s)', { documentUrl: 'ftp://docs.example.com' }, /must be an http\(s\) URL/],
    ['a document URL that is not text', { documentUrl: 42 }, /must be a URL/],
    ['a zone that is not text', { zone: 1 }, /must be a time zone/],
  ];

  for (const [what, file, message] of REFUSED) {
    it(`refuses ${what}, as the loader does`, () => {
      assert.throws(() => loads(file), message);
      assert.equal(validate(file), false, `the schema accepts ${JSON.stringify(file)}`);
    });
  }

  it('accepts what the loader accepts, with every limit just inside', () => {
    const file = {
      rules: { 'blameless/hindsight': 'hint', 'actions/missing-owner': 'off' },
      templates: { quick: { sections: ['summary', 'root-cause|contributing-factors'] } },
      trackers: {
        gh: { type: 'github', repo: 'acme/web.site', labels: ['pm'] },
        jira: { type: 'jira-dc', baseUrl: 'https://jira.example.com', project: 'PAY', auth: 'bearer' },
        sheet: { type: 'csv', path: 'out/actions.csv' },
      },
      slos: { checkout: { objective: 99.99, window: '4W' }, search: { objective: 0.5, window: ' 30d ' } },
      documentUrl: 'http://docs.example.com/{file}',
      zone: 'Europe/Berlin',
    };
    assert.doesNotThrow(() => loads(file));
    assert.ok(validate(file), JSON.stringify(validate.errors));
  });

  it('refuses every secret key name the loader refuses, and only those', () => {
    const pattern = new RegExp(patternOf(SECRET_KEY), 'u');
    const names = ['token', 'Tokens', 'PASSWORD', 'clientSecret', 'client_secret', 'apiKey', 'bearer-token', 'PAT'];
    const harmless = ['tokenizer', 'project', 'patch', 'secretary', 'labels', 'email', 'auth'];
    for (const name of [...names, ...harmless]) assert.equal(pattern.test(name), SECRET_KEY.test(name), name);
    assert.ok(names.every((name) => SECRET_KEY.test(name)));
  });
});

describe('tracker settings in the schema and in the adapters', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'hindsight.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strictTuples: false }).compile(schema);
  const deps = { http: { send: () => Promise.reject(new Error('no requests here')) }, credentials: {} };
  const accepted = (tracker: object) => validate({ trackers: { t: tracker } });

  it('refuse the same GitHub and Linear settings', () => {
    const github = [{ repo: 'web' }, { repo: 'acme/web', labels: 'pm' }, { repo: 'a/b', incidentLabel: 'no' }];
    for (const settings of github) {
      assert.throws(() => createGitHubAdapter({ name: 't', ...settings } as never, deps as never), /trackers\.t\./);
      assert.equal(accepted({ type: 'github', ...settings }), false, JSON.stringify(settings));
    }
    const linear = [
      { teamId: 'T', auth: 'basic' },
      { teamId: 'T', labelIds: [1] },
    ];
    for (const settings of linear) {
      assert.throws(() => createLinearAdapter({ name: 't', ...settings } as never, deps as never), /trackers\.t\./);
      assert.equal(accepted({ type: 'linear', ...settings }), false, JSON.stringify(settings));
    }
    assert.doesNotThrow(() => createGitHubAdapter({ repo: 'acme/web' }, deps as never));
    assert.ok(accepted({ type: 'github', repo: 'acme/web' }));
  });

  it('refuse the same Jira project keys', () => {
    const jira = (project: string) => ({ type: 'jira-cloud', baseUrl: 'https://acme.atlassian.net', project });
    for (const project of ['PAY', 'ops_2', '2PAY', 'PAY-1']) {
      const loaded = applyConfig(defaultConfig(), { trackers: { t: jira(project) as never } }, '/x');
      let refused = false;
      try {
        resolveTracker(loaded, 't');
      } catch {
        refused = true;
      }
      assert.equal(accepted(jira(project)), !refused, project);
    }
  });
});
