import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PostmortemDocument, Problem } from '../core/model';
import { markFixesAt } from '../core/metrics/mark';
import { RULES_BY_ID } from '../core/rules';
import { ruleDocUri, toDiagnostic } from './convert';
import type { DocumentStore } from './documents';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hindsight`;
export const OPEN_RULE_DOC = 'hindsight.openRuleDoc';

const sameRange = (a: Problem['range'], b: Diagnostic['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** Keeps the first of any overlapping edits, so a batch can be applied in one go. */
function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const key = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
  const sorted = [...edits].sort((a, b) => key(a.range.start) - key(b.range.start));
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (last && key(edit.range.start) < key(last.range.end)) continue;
    out.push(edit);
  }
  return out;
}

/** Where "disable for this file" goes: after the frontmatter, or at the top. */
function fileDirectivePosition(doc: PostmortemDocument) {
  return doc.frontmatter ? { line: doc.frontmatter.range.end.line + 1, character: 0 } : { line: 0, character: 0 };
}

function inFrontmatter(doc: PostmortemDocument, line: number): boolean {
  return !!doc.frontmatter && line >= doc.frontmatter.range.start.line && line <= doc.frontmatter.range.end.line;
}

/** "Mark as detected/…" on any timed timeline row: the marked choice always wins over a guess. */
function markActions(doc: PostmortemDocument, line: number): CodeAction[] {
  return markFixesAt(doc, line).map((fix) => ({ title: fix.title, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: fix.edits } } }));
}

export class CodeActionsProvider {
  constructor(private readonly store: DocumentStore) {}

  actions(params: CodeActionParams): CodeAction[] {
    const document = this.store.documents.get(params.textDocument.uri);
    if (!document) return [];
    const problems = this.store.check(document);
    const only = params.context.only;
    if (only && only.every((kind) => kind.startsWith(CodeActionKind.SourceFixAll))) return this.fixAll(document, problems);
    const doc = this.store.configured(document);
    const actions: CodeAction[] = [];
    const offered = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'hindsight' || typeof diagnostic.code !== 'string') continue;
      // Several findings of one rule can share a range (missing sections all sit on the title): the message tells them apart.
      const here = problems.filter((p) => p.code === diagnostic.code && sameRange(p.range, diagnostic.range));
      const problem = here.find((p) => p.message === diagnostic.message) ?? here[0];
      const id = diagnostic.code;
      for (const [i, fix] of (problem?.fixes ?? []).entries()) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0, edit: { changes: { [document.uri]: fix.edits } } });
      }
      // What follows is per rule (and line), not per finding: offered once however many findings ask.
      const perLine = `${id}@${diagnostic.range.start.line}`;
      const firstOfRule = !offered.has(id);
      offered.add(id);
      const firstOnLine = !offered.has(perLine);
      offered.add(perLine);
      const sameRule = problems.filter((p) => p.code === id && p.fixes?.length);
      if (firstOfRule && sameRule.length > 1) {
        actions.push({
          title: `Fix all ${id} problems in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: sameRule.map(toDiagnostic),
          edit: { changes: { [document.uri]: nonOverlapping(sameRule.flatMap((p) => p.fixes![0].edits)) } },
        });
      }
      const line = diagnostic.range.start.line;
      if (firstOnLine && !inFrontmatter(doc, line)) {
        const end = { line, character: doc.lines.lines[line]?.length ?? 0 };
        actions.push({ title: `Disable ${id} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: [{ range: { start: end, end }, newText: ` <!-- hindsight-disable-line ${id} -->` }] } } });
      }
      if (!firstOfRule) continue;
      const top = fileDirectivePosition(doc);
      actions.push({ title: `Disable ${id} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: [{ range: { start: top, end: top }, newText: `<!-- hindsight-disable-file ${id} -->\n` }] } } });
      const href = ruleDocUri(id);
      if (href && RULES_BY_ID.has(id)) actions.push({ title: `Show documentation for ${id}`, kind: CodeActionKind.Empty, command: { title: 'Show documentation', command: OPEN_RULE_DOC, arguments: [href] } });
    }
    if (!only || only.includes(CodeActionKind.QuickFix)) actions.push(...markActions(doc, params.range.start.line));
    if (!only || only.some((kind) => FIX_ALL_KIND.startsWith(kind) || kind === CodeActionKind.Source)) actions.push(...this.fixAll(document, problems));
    return actions;
  }

  /** `source.fixAll.hindsight`: the first fix of every finding that has one. */
  private fixAll(document: TextDocument, problems: Problem[]): CodeAction[] {
    const edits = nonOverlapping(problems.flatMap((p) => p.fixes?.[0]?.edits ?? []));
    return edits.length === 0 ? [] : [{ title: 'Fix all auto-fixable Hindsight problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } }];
  }
}
