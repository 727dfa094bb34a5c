/** "New Postmortem…" without VS Code: names, filling templates, the cursor, team templates (client/src/newPostmortem/create.ts). */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  BUILTIN_TEMPLATES,
  fillTemplate,
  formatAuthor,
  gitAuthor,
  localDate,
  mergeTemplates,
  postmortemName,
  readWorkspaceTemplate,
  slugify,
  summaryCursor,
  templateFolders,
  TemplateError,
  type NewPostmortem,
  type Template,
} from '../../../client/src/newPostmortem/create';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config/config';
import { loadConfig } from '../../../server/src/core/config/load';
import { BUILTIN_TEMPLATES as ENGINE_TEMPLATES } from '../../../server/src/core/config/templates';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'new-postmortem');
const WORKSPACE_TEMPLATES = join(FIXTURES, '.hindsight', 'templates');
const builtin = (name: string): string => readFileSync(join(ROOT, 'templates', `${name}.md`), 'utf8');
const values = (template: string, extra: Partial<NewPostmortem> = {}): NewPostmortem => ({
  template,
  title: 'Checkout errors after the gateway deploy',
  severity: 'SEV1',
  date: '2024-03-05',
  id: 'INC-20240305-checkout-errors-after-the-gateway-deploy',
  authors: ['Ada Lovelace <ada@example.com>'],
  ...extra,
});
const frontmatterOf = (text: string): Record<string, unknown> =>
  parseYaml(/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)![1]) as Record<string, unknown>;

describe('new postmortem: names', () => {
  it('slugifies titles', () => {
    assert.equal(slugify('Checkout: 500s after the deploy!'), 'checkout-500s-after-the-deploy');
    assert.equal(slugify('  Café déjà vu — ÉTÉ  '), 'cafe-deja-vu-ete');
    assert.equal(slugify('???'), 'postmortem');
    const long = slugify(
      'Payment gateway timeouts during the Black Friday peak caused checkout failures in three regions',
    );
    assert.ok(long.length <= 50 && !long.endsWith('-'), long);
    assert.equal(long, 'payment-gateway-timeouts-during-the-black-friday');
  });

  it('names the file YYYY-MM-DD-slug.md, adding -2, -3… when taken, and derives the id', () => {
    assert.deepEqual(postmortemName('2024-03-05', 'Checkout errors', []), {
      fileName: '2024-03-05-checkout-errors.md',
      id: 'INC-20240305-checkout-errors',
    });
    const taken = ['2024-03-05-Checkout-Errors.md', '2024-03-05-checkout-errors-2.md', 'README.md'];
    assert.deepEqual(postmortemName('2024-03-05', 'Checkout errors', taken), {
      fileName: '2024-03-05-checkout-errors-3.md',
      id: 'INC-20240305-checkout-errors-3',
    });
  });

  it("uses the writer's local date", () => {
    assert.equal(localDate(new Date(2024, 2, 5, 23, 59)), '2024-03-05');
    assert.equal(localDate(new Date(2024, 11, 31, 0, 1)), '2024-12-31');
  });

  it('formats the git identity', () => {
    assert.equal(formatAuthor('Ada Lovelace', 'ada@example.com'), 'Ada Lovelace <ada@example.com>');
    assert.equal(formatAuthor('Ada Lovelace', ''), 'Ada Lovelace');
    assert.equal(formatAuthor(undefined, 'ada@example.com'), 'ada@example.com');
    assert.equal(formatAuthor(' ', undefined), undefined);
  });

  it('reads the author from git config', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-git-'));
    try {
      try {
        execFileSync('git', ['init', '-q'], { cwd: dir });
      } catch {
        return t.skip('git is not installed');
      }
      execFileSync('git', ['config', 'user.name', 'Ada Lovelace'], { cwd: dir });
      execFileSync('git', ['config', 'user.email', 'ada@example.com'], { cwd: dir });
      assert.equal(await gitAuthor(dir), 'Ada Lovelace <ada@example.com>');
      assert.equal(await gitAuthor(join(dir, 'missing')), undefined, 'a folder git cannot run in');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('new postmortem: filling a template', () => {
  it('offers exactly the engine’s built-in templates, each shipped as templates/<name>.md', () => {
    assert.deepEqual(BUILTIN_TEMPLATES.map((t) => t.name).sort(), Object.keys(ENGINE_TEMPLATES).sort());
    for (const { name } of BUILTIN_TEMPLATES) assert.ok(builtin(name).length > 0, name);
  });

  for (const { name } of BUILTIN_TEMPLATES) {
    it(`fills the ${name} template, keeping its comments and key order, into a postmortem the engine accepts`, () => {
      const template = builtin(name);
      const severity = String(frontmatterOf(template).severity);
      const text = fillTemplate(template, values(name, { severity }));
      const data = frontmatterOf(text);
      assert.equal(data.type, 'postmortem');
      assert.equal(data.id, 'INC-20240305-checkout-errors-after-the-gateway-deploy');
      assert.equal(data.title, 'Checkout errors after the gateway deploy');
      assert.equal(data.date, '2024-03-05');
      assert.equal(data.severity, severity);
      assert.equal(data.status, 'draft');
      assert.deepEqual(data.authors, ['Ada Lovelace <ada@example.com>']);
      assert.equal(data.template, name);
      assert.deepEqual(Object.keys(data), Object.keys(frontmatterOf(template)), 'same keys, same order');

      // Only the filled lines change: the YAML comments, prompts and layout stay.
      const before = template.split('\n');
      const after = text.split('\n');
      assert.equal(after.length, before.length);
      const changed = after
        .map((line, i) => (line === before[i] ? '' : line.split(':')[0].split(' ')[0]))
        .filter(Boolean);
      assert.deepEqual(changed.sort(), ['#', 'authors', 'date', 'id', 'title']);
      assert.ok(text.includes(`# ${values(name).title}\n`), 'the top heading is the title');

      const doc = analyzeText(text, `file:///repo/postmortems/2024-03-05-x.md`);
      const codes = checkDocument(doc, { config: defaultConfig(), error: undefined }).map((p) => p.code);
      for (const code of codes)
        assert.ok(!/^(sections\/missing|frontmatter\/|blameless\/)/.test(code), `${name}: ${code}`);
    });
  }

  it('quotes a title that YAML would misread', () => {
    const title = 'Checkout: 500s # after "the" deploy';
    const text = fillTemplate(builtin('incident'), values('incident', { title }));
    assert.equal(frontmatterOf(text).title, title);
    assert.ok(text.includes(`\n# ${title}\n`));
  });

  it('leaves authors as they are when git knows nobody', () => {
    const text = fillTemplate(builtin('incident'), values('incident', { authors: [] }));
    assert.match(text, /^authors: \[\]$/m);
  });

  it('adds frontmatter to a team template that has none', () => {
    const template = readFileSync(join(WORKSPACE_TEMPLATES, 'game-day.md'), 'utf8');
    const text = fillTemplate(template, values('game-day', { severity: 'SEV3' }));
    assert.ok(text.startsWith('---\ntype: postmortem\nid: '));
    assert.deepEqual(Object.keys(frontmatterOf(text)), [
      'type',
      'id',
      'title',
      'date',
      'severity',
      'status',
      'authors',
      'template',
    ]);
    assert.equal(frontmatterOf(text).template, 'game-day');
    // The engine reads the team's template from the same folder and finds every section.
    const doc = analyzeText(text, 'file:///repo/postmortems/x.md');
    const problems = checkDocument(doc, loadConfig(FIXTURES));
    assert.ok(!problems.some((p) => p.code === 'sections/missing'), problems.map((p) => p.message).join('\n'));
  });

  it('keeps Windows line ends and a byte-order mark', () => {
    const template = '\uFEFF---\r\ntitle: x # keep me\r\nseverity: SEV3\r\n---\r\n\r\n# x\r\n\r\n## Summary\r\n';
    const text = fillTemplate(template, values('incident'));
    assert.ok(text.startsWith('\uFEFF---\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    assert.match(text, /title: Checkout errors after the gateway deploy # keep me\r\n/);
    const cursor = summaryCursor(text);
    assert.ok(!/[^\r]\n/.test(cursor.text));
    assert.equal(cursor.text.split('\r\n')[cursor.line - 1], '', 'a blank line under the heading');
    assert.equal(cursor.text.split('\r\n')[cursor.line - 2], '## Summary');
  });

  it('refuses a template whose frontmatter cannot be read', () => {
    assert.throws(() => fillTemplate('---\ntitle: [x\n---\n', values('x')), TemplateError);
    assert.throws(() => fillTemplate('---\ntitle: x\n\n## Summary\n', values('x')), /never closed/);
  });
});

describe('new postmortem: the cursor', () => {
  it('lands on an empty line of its own under the summary prompt', () => {
    for (const { name } of BUILTIN_TEMPLATES) {
      const { text, line, character } = summaryCursor(fillTemplate(builtin(name), values(name)));
      const lines = text.split('\n');
      assert.equal(character, 0);
      assert.equal(lines[line], '', name);
      assert.equal(lines[line - 1], '', name);
      assert.match(lines[line - 2], /-->$/, name);
      assert.equal(lines[line + 1], '', name);
      assert.match(lines[line + 2], /^## /, name);
      assert.match(
        lines
          .slice(0, line)
          .reverse()
          .find((l) => l.startsWith('#'))!,
        /^## (Summary|Project overview)$/,
        name,
      );
      // Typing there makes the summary non-empty.
      lines[line] = 'Checkout failed for 12% of customers for 40 minutes.';
      const doc = analyzeText(lines.join('\n'));
      const summary = doc.sections.find((s) => s.depth === 2 && s.kinds.includes('summary'))!;
      assert.equal(summary.empty, false, name);
    }
  });

  it('goes to the end of what the summary already says, or under the title when there is no summary', () => {
    const written = '---\ntitle: x\n---\n# x\n\n## TL;DR\n\nAlready written.\n\n## Timeline\n';
    assert.deepEqual(summaryCursor(written), { text: written, line: 7, character: 'Already written.'.length });
    const untitled = summaryCursor('# Title\n## Timeline\n');
    assert.deepEqual(untitled, { text: '# Title\n\n\n\n## Timeline\n', line: 2, character: 0 });
    assert.equal(summaryCursor('# Only a title').line, 2);
  });
});

describe('new postmortem: workspace templates', () => {
  const read = (file: string): Template =>
    readWorkspaceTemplate(file, file.replace(/\.md$/, ''), readFileSync(join(WORKSPACE_TEMPLATES, file), 'utf8'));

  it('reads a usable team template', () => {
    const template = read('game-day.md');
    assert.equal(template.name, 'game-day');
    assert.equal(template.source, 'workspace');
  });

  it('reports why a broken one cannot be used', () => {
    assert.throws(() => read('broken-yaml.md'), /frontmatter is not valid YAML/);
    assert.throws(() => read('no-sections.md'), /no second-level \(##\) headings/);
    assert.throws(() => read('unclosed.md'), /never closed/);
    assert.throws(() => readWorkspaceTemplate('x.md', 'x', '## A\u0000'), /binary/);
  });

  it('looks in the nearest .hindsight/templates from the postmortem folder up to the workspace folder', () => {
    assert.deepEqual(templateFolders('docs/postmortems/'), [
      'docs/postmortems/.hindsight/templates',
      'docs/.hindsight/templates',
      '.hindsight/templates',
    ]);
    assert.deepEqual(templateFolders(''), ['.hindsight/templates']);
    assert.deepEqual(templateFolders('../elsewhere'), ['.hindsight/templates']);
  });

  it('puts team templates first, a team template replacing the built-in of the same name', () => {
    const t = (name: string, source: Template['source']): Template => ({ name, source, file: `${name}.md`, text: '' });
    const merged = mergeTemplates(
      [t('incident', 'built-in'), t('project', 'built-in')],
      [t('game-day', 'workspace'), t('incident', 'workspace')],
    );
    assert.deepEqual(
      merged.map((m) => `${m.source}:${m.name}`),
      ['workspace:game-day', 'workspace:incident', 'built-in:project'],
    );
  });
});
