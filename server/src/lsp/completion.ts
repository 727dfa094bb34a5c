import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import { KNOWN_FRONTMATTER } from '../core/config/config';
import { requiredSections, type ResolvedConfig } from '../core/config/config';
import { serviceNames } from '../core/catalog/catalog';
import type { DocumentStore } from './documents';

const MARKERS = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved', 'impact start', 'impact end'];
const KEY_DETAIL: Record<string, string> = {
  severity: 'SEV0 (worst) to SEV4', status: 'draft, in-review or published', template: 'which sections are required', started: 'ISO 8601, e.g. 2025-03-04T14:02:00Z',
  detected: 'ISO 8601 timestamp', acknowledged: 'ISO 8601 timestamp', mitigated: 'ISO 8601 timestamp', resolved: 'ISO 8601 timestamp', timezone: 'zone of bare times, e.g. UTC',
};

export class CompletionProvider {
  constructor(private readonly store: DocumentStore) {}

  complete({ textDocument, position }: CompletionParams): CompletionItem[] {
    const document = this.store.documents.get(textDocument.uri);
    if (!document) return [];
    const doc = this.store.configured(document);
    const { config } = this.store.config(textDocument.uri);
    const line = doc.lines.lines[position.line] ?? '';
    const before = line.slice(0, position.character);
    const fm = doc.frontmatter;
    const inFrontmatter = fm ? position.line > fm.range.start.line && position.line < fm.range.end.line : position.line === 0;

    if (inFrontmatter) {
      const value = /^(\w[\w-]*):\s*\[?\s*([^\]]*)$/.exec(before);
      if (value) {
        const key = value[1].toLowerCase();
        const values = key === 'severity' ? config.frontmatter.severities : key === 'status' ? config.frontmatter.statuses : key === 'template' ? Object.keys(config.templates) : key === 'services' ? this.knownServices(config) : [];
        return values.map((v, i) => ({ label: v, kind: CompletionItemKind.EnumMember, sortText: String(i).padStart(3, '0') }));
      }
      if (/^\w*$/.test(before)) {
        const present = new Set(fm?.fields.keys() ?? []);
        return [...new Set([...config.frontmatter.required, ...KNOWN_FRONTMATTER])]
          .filter((k) => !present.has(k))
          .map((key) => ({ label: key, kind: CompletionItemKind.Property, detail: KEY_DETAIL[key], insertText: `${key}: `, sortText: config.frontmatter.required.includes(key) ? `0${key}` : `1${key}` }));
      }
      return [];
    }

    const heading = /^(#{1,6})\s+\S*$/.exec(before) ?? /^(#{2,6})\s*$/.exec(before);
    if (heading) {
      const template = String(doc.frontmatter?.data.template ?? config.defaultTemplate).toLowerCase();
      const severity = doc.frontmatter?.data.severity;
      return requiredSections(config, config.templates[template] ? template : config.defaultTemplate, typeof severity === 'string' ? severity : undefined)
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

    if (/\[[a-z ]*$/i.test(before) && doc.timeline.entries.some((e) => e.range.start.line === position.line)) {
      return MARKERS.map((m) => ({ label: m, kind: CompletionItemKind.Event, detail: 'milestone marker', insertText: `${m}]`, filterText: m }));
    }
    return [];
  }

  /** The catalog's services first, then those named in the other open postmortems, so teams spell them the same way. */
  private knownServices(config: ResolvedConfig): string[] {
    const catalog = config.catalog ? serviceNames(config.catalog) : [];
    const names = new Set<string>();
    for (const document of this.store.documents.all()) {
      const services = this.store.analyze(document).frontmatter?.data.services;
      if (Array.isArray(services)) services.forEach((s) => typeof s === 'string' && names.add(s));
    }
    return [...new Set([...catalog, ...[...names].sort()])];
  }
}
