import {
  CodeActionKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { PostmortemDocument, Problem } from '../core/model';
import { markFixesAt } from '../core/metrics/mark';
import { RULES_BY_ID } from '../core/rules';
import type { HindsightSettings } from '../shared/settings';
import type { AnalysedDocument } from './analysed';
import { ruleDocUri, toDiagnostic } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.hindsight`;
export const OPEN_RULE_DOC = 'hindsight.openRuleDoc';

const sameRange = (a: Problem['range'], b: Diagnostic['range']) =>
  a.start.line === b.start.line &&
  a.start.character === b.start.character &&
  a.end.line === b.end.line &&
  a.end.character === b.end.character;

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

/** Whether a client's `only` filter admits an action of this kind (a kind admits its sub-kinds). */
function admitted(kind: string | undefined, only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return !!kind && only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

const quickFix = (title: string, diagnostics: Diagnostic[], edit: WorkspaceEdit): CodeAction => ({
  title,
  kind: CodeActionKind.QuickFix,
  diagnostics,
  edit,
});

/**
 * The actions for one request, in the order a person should meet them: what repairs the text, then what repairs it
 * everywhere, then where to read more, and only last what silences the finding.
 */
interface Buckets {
  fixes: CodeAction[];
  fixAll: CodeAction[];
  docs: CodeAction[];
  disables: CodeAction[];
}

/** "Mark as detected/…" on any timed timeline row: the marked choice always wins over a guess. */
function markActions(doc: PostmortemDocument, line: number): CodeAction[] {
  return markFixesAt(doc, line).map((fix) => quickFix(fix.title, [], { changes: { [doc.uri]: fix.edits } }));
}

/** The range and context of a `textDocument/codeAction` request. */
export type CodeActionRequest = Pick<CodeActionParams, 'range' | 'context'>;

/** Fixes, fix-alls, documentation and disable comments for the diagnostics a request names, as it asked for them. */
export function codeActions(
  { uri, doc, problems }: AnalysedDocument,
  { range, context }: CodeActionRequest,
  _settings: HindsightSettings,
  token: CancellationToken,
): CodeAction[] {
  if (token.isCancellationRequested) return [];
  const only = context.only;
  if (only && only.every((kind) => kind.startsWith(CodeActionKind.SourceFixAll))) return fixAll(uri, problems);
  const buckets = forDiagnostics(doc, problems, context.diagnostics);
  buckets.fixes.push(...markActions(doc, range.start.line));
  const wantsFixAll = !only || only.some((kind) => FIX_ALL_KIND.startsWith(kind) || kind === CodeActionKind.Source);
  if (wantsFixAll) buckets.fixAll.push(...fixAll(uri, problems));
  const ordered = [...buckets.fixes, ...buckets.fixAll, ...buckets.docs, ...buckets.disables];
  return ordered.filter((action) => admitted(action.kind, only));
}

function forDiagnostics(doc: PostmortemDocument, problems: Problem[], diagnostics: Diagnostic[]): Buckets {
  const buckets: Buckets = { fixes: [], fixAll: [], docs: [], disables: [] };
  const offered = new Set<string>();
  const change = (edits: TextEdit[]) => ({ changes: { [doc.uri]: edits } });
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'hindsight' || typeof diagnostic.code !== 'string') continue;
    // Several findings of one rule can share a range (missing sections all sit on the title):
    // the message tells them apart.
    const here = problems.filter((p) => p.code === diagnostic.code && sameRange(p.range, diagnostic.range));
    const problem = here.find((p) => p.message === diagnostic.message) ?? here[0];
    const id = diagnostic.code;
    for (const [i, fix] of (problem?.fixes ?? []).entries()) {
      const preferred = i === 0 && buckets.fixes.length === 0;
      buckets.fixes.push({ ...quickFix(fix.title, [diagnostic], change(fix.edits)), isPreferred: preferred });
    }
    // What follows is per rule (and line), not per finding: offered once however many findings ask.
    const perLine = `${id}@${diagnostic.range.start.line}`;
    const firstOfRule = !offered.has(id);
    offered.add(id);
    const firstOnLine = !offered.has(perLine);
    offered.add(perLine);
    const sameRule = problems.filter((p) => p.code === id && p.fixes?.length);
    if (firstOfRule && sameRule.length > 1) {
      const edits = nonOverlapping(sameRule.flatMap((p) => p.fixes![0].edits));
      buckets.fixAll.push(quickFix(`Fix all ${id} problems in this file`, sameRule.map(toDiagnostic), change(edits)));
    }
    const line = diagnostic.range.start.line;
    if (firstOnLine && !inFrontmatter(doc, line)) {
      const end = { line, character: doc.lines.lines[line]?.length ?? 0 };
      const directive = { range: { start: end, end }, newText: ` <!-- hindsight-disable-line ${id} -->` };
      buckets.disables.push(quickFix(`Disable ${id} for this line`, [diagnostic], change([directive])));
    }
    if (!firstOfRule) continue;
    const top = fileDirectivePosition(doc);
    const directive = { range: { start: top, end: top }, newText: `<!-- hindsight-disable-file ${id} -->\n` };
    buckets.disables.push(quickFix(`Disable ${id} for this file`, [diagnostic], change([directive])));
    const href = ruleDocUri(id);
    if (href && RULES_BY_ID.has(id)) {
      const command = { title: 'Show documentation', command: OPEN_RULE_DOC, arguments: [href] };
      buckets.docs.push({
        title: `Show documentation for ${id}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command,
      });
    }
  }
  return buckets;
}

/** `source.fixAll.hindsight`: the first fix of every finding that has one. */
function fixAll(uri: string, problems: Problem[]): CodeAction[] {
  const edits = nonOverlapping(problems.flatMap((p) => p.fixes?.[0]?.edits ?? []));
  return edits.length === 0
    ? []
    : [{ title: 'Fix all auto-fixable Hindsight problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } }];
}
