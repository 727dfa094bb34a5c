import {
  CompletionItemKind,
  InsertTextFormat,
  type CancellationToken,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver';
import { serviceNames } from '../core/catalog/catalog';
import { KNOWN_FRONTMATTER, requiredSections, type ResolvedConfig } from '../core/config/config';
import { keyPrefix } from '../core/frontmatter/writing';
import type { PostmortemDocument } from '../core/model';
import type { HindsightSettings } from '../shared/settings';
import type { AnalysedDocument } from './analysed';

const MARKERS = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved', 'impact start', 'impact end'];
const KEY_DETAIL: Record<string, string> = {
  severity: 'SEV0 (worst) to SEV4',
  status: 'draft, in-review or published',
  template: 'which sections are required',
  started: 'ISO 8601, e.g. 2025-03-04T14:02:00Z',
  detected: 'ISO 8601 timestamp',
  acknowledged: 'ISO 8601 timestamp',
  mitigated: 'ISO 8601 timestamp',
  resolved: 'ISO 8601 timestamp',
  timezone: 'zone of bare times, e.g. UTC',
};

/** What completion reads beyond the document: the services other open postmortems name. */
export interface CompletionNeighbours {
  knownServices(): string[];
}

const NO_NEIGHBOURS: CompletionNeighbours = { knownServices: () => [] };

/** Frontmatter keys and values, missing required sections after `#`, milestone markers after `[` on a timeline row. */
export function completion(
  subject: AnalysedDocument,
  { position }: Pick<CompletionParams, 'position'>,
  _settings: HindsightSettings,
  token: CancellationToken,
  neighbours: CompletionNeighbours = NO_NEIGHBOURS,
): CompletionItem[] {
  if (token.isCancellationRequested) return [];
  const { doc } = subject;
  const line = doc.lines.lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const fm = doc.frontmatter;
  const inFrontmatter = fm
    ? position.line > fm.range.start.line && position.line < fm.range.end.line
    : position.line === 0;
  if (inFrontmatter) return frontmatterItems(subject, before, neighbours);
  const heading = /^(#{1,6})\s+\S*$/.exec(before) ?? /^(#{2,6})\s*$/.exec(before);
  if (heading) return sectionItems(subject);
  if (/\[[a-z ]*$/i.test(before) && doc.timeline.entries.some((e) => e.range.start.line === position.line)) {
    return MARKERS.map((m) => ({
      label: m,
      kind: CompletionItemKind.Event,
      detail: 'milestone marker',
      insertText: `${m}]`,
      filterText: m,
    }));
  }
  return [];
}

function frontmatterItems(
  { doc, config }: AnalysedDocument,
  before: string,
  neighbours: CompletionNeighbours,
): CompletionItem[] {
  const value = /^(\w[\w-]*):\s*\[?\s*([^\]]*)$/.exec(before);
  if (value) {
    const key = value[1].toLowerCase();
    const values =
      key === 'severity'
        ? config.frontmatter.severities
        : key === 'status'
          ? config.frontmatter.statuses
          : key === 'template'
            ? Object.keys(config.templates)
            : key === 'services'
              ? knownServices(config, neighbours)
              : [];
    return values.map((v, i) => ({
      label: v,
      kind: CompletionItemKind.EnumMember,
      sortText: String(i).padStart(3, '0'),
    }));
  }
  if (!/^\w*$/.test(before)) return [];
  const present = new Set(doc.frontmatter?.fields.keys() ?? []);
  return [...new Set([...config.frontmatter.required, ...KNOWN_FRONTMATTER])]
    .filter((k) => !present.has(k))
    .map((key) => ({
      label: key,
      kind: CompletionItemKind.Property,
      detail: KEY_DETAIL[key],
      insertText: keyPrefix(doc.frontmatter, key),
      sortText: config.frontmatter.required.includes(key) ? `0${key}` : `1${key}`,
    }));
}

/** The catalog's services first, then those other open postmortems name, so teams spell them the same way. */
function knownServices(config: ResolvedConfig, neighbours: CompletionNeighbours): string[] {
  const catalog = config.catalog ? serviceNames(config.catalog) : [];
  return [...new Set([...catalog, ...neighbours.knownServices()])];
}

/** The required sections of the document's template and severity that it does not have yet. */
function sectionItems({ doc, config }: AnalysedDocument): CompletionItem[] {
  const template = String(doc.frontmatter?.data.template ?? config.defaultTemplate).toLowerCase();
  const severity = doc.frontmatter?.data.severity;
  const chosen = config.templates[template] ? template : config.defaultTemplate;
  return requiredSections(config, chosen, typeof severity === 'string' ? severity : undefined)
    .filter((r) => !doc.sections.some((s) => s.kinds.some((k) => r.kinds.includes(k))))
    .map((r, i) => ({
      label: r.heading,
      kind: CompletionItemKind.Module,
      detail: 'required section, not yet written',
      documentation: r.prompt,
      insertTextFormat: InsertTextFormat.Snippet,
      insertText: r.prompt ? `${r.heading}\n\n<!-- ${r.prompt} -->\n$0` : `${r.heading}\n\n$0`,
      filterText: r.heading,
      sortText: String(i).padStart(3, '0'),
    }));
}

/** Services named in the frontmatter of the given analyses, so teams spell them the same way. */
export function servicesNamed(docs: Iterable<PostmortemDocument>): string[] {
  const names = new Set<string>();
  for (const doc of docs) {
    const services = doc.frontmatter?.data.services;
    if (Array.isArray(services)) services.forEach((s) => typeof s === 'string' && names.add(s));
  }
  return [...names].sort();
}
