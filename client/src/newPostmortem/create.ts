/**
 * "New Postmortem…" without the editor: names, frontmatter filling, the cursor's place and the
 * team's own templates. No `vscode` import, so all of it runs under plain node tests.
 */
import { execFile } from 'node:child_process';
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { sectionKinds } from '../../../server/src/core/parse/sections';

/** The templates that ship in `templates/<name>.md`, named as the engine names them. */
export const BUILTIN_TEMPLATES: readonly { name: string; description: string }[] = [
  { name: 'incident', description: 'Outages, SLA or SLO breaches, SEV1 and SEV2: every section' },
  { name: 'lightweight', description: 'One page for small issues, near misses and quick fixes' },
  { name: 'project', description: 'Launches, migrations and releases' },
  { name: 'status-page', description: 'The customer-facing account, in plain language' },
  { name: 'regulated', description: 'Incident sections plus compliance, evidence log, audit trail and risk' },
];

export const SEVERITIES: readonly { name: string; description: string }[] = [
  { name: 'SEV0', description: 'Critical: everyone or everything affected' },
  { name: 'SEV1', description: 'Major: a core service down or badly degraded' },
  { name: 'SEV2', description: 'Significant: part of a service degraded' },
  { name: 'SEV3', description: 'Minor: little customer impact' },
  { name: 'SEV4', description: 'Near miss or internal only' },
];

export interface Template {
  name: string;
  source: 'built-in' | 'workspace';
  /** Where it was read from, for messages. */
  file: string;
  text: string;
}

export interface NewPostmortem {
  template: string;
  title: string;
  severity: string;
  /** YYYY-MM-DD */
  date: string;
  id: string;
  authors: string[];
}

/** A template that cannot be used, and why. */
export class TemplateError extends Error {}

/** "Checkout: 500s after the deploy!" → "checkout-500s-after-the-deploy". */
export function slugify(title: string, maxLength = 50): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug || 'postmortem';
  const cut = slug.slice(0, maxLength);
  // Cut at a word boundary when there is one, so the name does not end mid-word.
  return cut.lastIndexOf('-') > maxLength / 2 ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** Today in the writer's own calendar, as YYYY-MM-DD. */
export function localDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The file name `YYYY-MM-DD-slug.md`, with `-2`, `-3`… when it is taken (compared without case, as
 * macOS and Windows do), and the matching id `INC-YYYYMMDD-slug`.
 */
export function postmortemName(
  date: string,
  title: string,
  existing: Iterable<string>,
): { fileName: string; id: string } {
  const taken = new Set([...existing].map((n) => n.toLowerCase()));
  const slug = slugify(title);
  let stem = `${date}-${slug}`;
  for (let n = 2; taken.has(`${stem}.md`); n++) stem = `${date}-${slug}-${n}`;
  return { fileName: `${stem}.md`, id: `INC-${date.replace(/-/g, '')}-${stem.slice(date.length + 1)}` };
}

/** "Ada Lovelace <ada@example.com>", or whichever of the two git knows. */
export function formatAuthor(name: string | undefined, email: string | undefined): string | undefined {
  const n = name?.trim();
  const e = email?.trim();
  if (n && e) return `${n} <${e}>`;
  return n || e || undefined;
}

/** The author as git knows them in `cwd`; undefined when git is missing or not configured. */
export async function gitAuthor(cwd: string): Promise<string | undefined> {
  const read = (key: string): Promise<string | undefined> =>
    new Promise((resolve) =>
      execFile('git', ['config', '--get', key], { cwd, timeout: 3000 }, (error, stdout) =>
        resolve(error ? undefined : stdout.trim()),
      ),
    );
  const [name, email] = await Promise.all([read('user.name'), read('user.email')]);
  return formatAuthor(name, email);
}

interface Parts {
  bom: string;
  eol: string;
  /** The frontmatter's lines, fences excluded; undefined when there is none. */
  head: string[] | undefined;
  body: string[];
}

function split(text: string): Parts {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.slice(bom.length).split(/\r?\n/);
  if (!/^---\s*$/.test(lines[0])) return { bom, eol, head: undefined, body: lines };
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close < 0) throw new TemplateError('its frontmatter is never closed (no second --- line)');
  return { bom, eol, head: lines.slice(1, close), body: lines.slice(close + 1) };
}

function parseFrontmatter(head: string[] | undefined): Document {
  const doc: Document = parseDocument((head ?? []).join('\n'));
  if (doc.errors.length > 0)
    throw new TemplateError(`its frontmatter is not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  if (doc.contents === null) doc.contents = doc.createNode({});
  if (!isMap(doc.contents)) throw new TemplateError('its frontmatter is not a list of keys and values');
  return doc;
}

/** Replaces a value in place, so the comment after it and its place in the block stay. */
function setValue(doc: Document, key: string, value: string | string[]): void {
  const node = doc.get(key, true);
  if (typeof value === 'string' && isScalar(node)) node.value = value;
  else if (Array.isArray(value) && isSeq(node)) node.items = value.map((v) => doc.createNode(v));
  else doc.set(key, value);
}

/** Headings outside code fences: [line index, depth, text]. */
function headings(lines: readonly string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length)))
      fence = fence ? undefined : marker;
    const heading = fence ? null : /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (heading) out.push([i, heading[1].length, heading[2]]);
  });
  return out;
}

/**
 * The template with the new postmortem's values in its frontmatter (comments and key order kept;
 * keys it lacks are added) and its top heading replaced by the title.
 */
export function fillTemplate(text: string, values: NewPostmortem): string {
  const { bom, eol, head, body } = split(text);
  const doc = parseFrontmatter(head);
  if (!doc.has('type') && !doc.has('postmortem'))
    (doc.contents as YAMLMap).items.unshift(doc.createPair('type', 'postmortem'));
  setValue(doc, 'id', values.id);
  setValue(doc, 'title', values.title);
  setValue(doc, 'date', values.date);
  setValue(doc, 'severity', values.severity);
  if (!doc.has('status')) doc.set('status', 'draft');
  if (values.authors.length > 0) {
    if (doc.has('author') && !doc.has('authors')) setValue(doc, 'author', values.authors.join(', '));
    else setValue(doc, 'authors', values.authors);
  }
  setValue(doc, 'template', values.template);

  const first = headings(body)[0];
  if (first && first[1] === 1) body[first[0]] = `# ${values.title}`;
  const frontmatter = doc.toString({ flowCollectionPadding: false, lineWidth: 0 }).replace(/\n$/, '').split('\n');
  return bom + ['---', ...frontmatter, '---', ...body].join(eol);
}

/**
 * Where the writer starts: an empty line of its own under the summary's prompt (added when there
 * is none), or the end of what the summary already says. Without a summary, under the title.
 */
export function summaryCursor(text: string): { text: string; line: number; character: number } {
  const { bom, eol, head, body } = split(text);
  const offset = head === undefined ? 0 : head.length + 2;
  const all = headings(body);
  const summary =
    all.find(([, depth, title]) => depth >= 2 && sectionKinds(title).includes('summary')) ??
    all.find(([, , title]) => sectionKinds(title).includes('summary')) ??
    all.find(([, depth]) => depth === 1);
  const start = summary ? summary[0] : -1;
  const next = all.find(([line]) => line > start)?.[0] ?? body.length;
  let last = start;
  for (let i = start + 1; i < next; i++) if (body[i].trim() !== '') last = i;
  if (last > start && !body[last].trimEnd().endsWith('-->')) {
    return { text, line: offset + last, character: body[last].length };
  }
  // A blank line, the cursor's line, and a blank line before the next heading.
  const filler = next < body.length ? ['', '', ''] : ['', ''];
  body.splice(last + 1, next - last - 1, ...(last < 0 ? filler.slice(1) : filler));
  const lines = head === undefined ? body : ['---', ...head, '---', ...body];
  return { text: bom + lines.join(eol), line: offset + last + (last < 0 ? 1 : 2), character: 0 };
}

/** A team's template file checked as the engine will read it: usable, or the reason it is not. */
export function readWorkspaceTemplate(file: string, name: string, text: string): Template {
  if (text.includes('\u0000')) throw new TemplateError('holds binary data, not Markdown');
  const { head, body } = split(text);
  parseFrontmatter(head);
  if (!headings(body).some(([, depth]) => depth === 2))
    throw new TemplateError('has no second-level (##) headings to take the required sections from');
  return { name: name.toLowerCase(), source: 'workspace', file, text };
}

/** The workspace templates first; one named like a built-in replaces it, as it does for the engine. */
export function mergeTemplates(builtin: readonly Template[], workspace: readonly Template[]): Template[] {
  const names = new Set(workspace.map((t) => t.name));
  return [...workspace, ...builtin.filter((t) => !names.has(t.name))];
}

/**
 * The `.hindsight/templates` folders the engine would look in for a postmortem in `folder`
 * (relative to the workspace folder, `/`-separated), nearest first, up to the workspace folder.
 */
export function templateFolders(folder: string): string[] {
  const parts = folder.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) return ['.hindsight/templates'];
  const out: string[] = [];
  for (let n = parts.length; n >= 0; n--) out.push([...parts.slice(0, n), '.hindsight', 'templates'].join('/'));
  return out;
}
