import { parse, TomlDate, TomlError } from 'smol-toml';
import type { FrontmatterField, Problem } from '../model';
import type { LineIndex } from '../text/lineIndex';
import type { FrontmatterResult } from '../parse/frontmatter';

/** Static-site generators (Hugo, Zola) fence TOML frontmatter with `+++`. */
const TOML_FENCE = /^(?:\uFEFF)?\+\+\+[ \t]*$/;

/** A top-level `key = value` line: a bare, or quoted, key. */
const KEY_LINE = /^([ \t]*)([A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')[ \t]*=[ \t]*/;
/** A table header (`[taxonomies]`): keys below it belong to the table, not to the top level. */
const TABLE_HEADER = /^[ \t]*\[/;

/** How many of `lines` come before the first table header: the top level, where keys are the document's own. */
export function topLevelLength(lines: readonly string[]): number {
  const table = lines.findIndex((line) => TABLE_HEADER.test(line));
  return table < 0 ? lines.length : table;
}

/**
 * Reads the TOML frontmatter opening at line `open`, or undefined when the line is no `+++` fence or the
 * block is never closed. Values come out as the YAML reader gives them: dates as their written text.
 */
export function readTomlFrontmatter(index: LineIndex, open: number): FrontmatterResult | undefined {
  const lines = index.lines;
  if (!TOML_FENCE.test(lines[open] ?? '')) return undefined;
  let close = -1;
  for (let i = open + 1; i < lines.length && close < 0; i++) if (TOML_FENCE.test(lines[i])) close = i;
  if (close < 0) return undefined;
  const range = index.linesRange(open, close);
  const blockLines = lines.slice(open + 1, close);
  const errors: Problem[] = [];
  let data: Record<string, unknown>;
  try {
    data = plain(parse(blockLines.join('\n'))) as Record<string, unknown>;
  } catch (err) {
    errors.push(tomlProblem(err, index, open));
    // A later broken line leaves the readable keys (the date above all) to the document.
    data = lineByLine(blockLines);
  }
  const fields = new Map<string, FrontmatterField>();
  for (const [key, line, keyFrom, keyTo, valueFrom] of keyLines(blockLines, open + 1)) {
    const text = lines[line];
    fields.set(key, {
      key,
      value: data[key],
      keyRange: { start: { line, character: keyFrom }, end: { line, character: keyTo } },
      valueRange: { start: { line, character: valueFrom }, end: { line, character: valueEnd(text, valueFrom) } },
    });
  }
  return { frontmatter: { range, data, fields, errors, syntax: 'toml' }, bodyLine: close + 1, problems: errors };
}

function tomlProblem(err: unknown, index: LineIndex, open: number): Problem {
  const line = err instanceof TomlError ? open + err.line : open + 1;
  const message = err instanceof Error ? err.message.split('\n')[0].replace(/^Invalid TOML document: /, '') : '';
  return {
    code: 'frontmatter/yaml-error',
    severity: 'error',
    message: `Frontmatter TOML: ${message || 'it cannot be read'}.`,
    range: index.lineRange(Math.min(line, index.lines.length - 1)),
  };
}

/** Each top-level key line before the first `[table]`: key, document line, key columns, value start. */
function keyLines(blockLines: readonly string[], firstLine: number): [string, number, number, number, number][] {
  const out: [string, number, number, number, number][] = [];
  for (let i = 0; i < topLevelLength(blockLines); i++) {
    const match = KEY_LINE.exec(blockLines[i]);
    if (!match) continue;
    const [whole, indent, written] = match;
    const key = /^["']/.test(written) ? written.slice(1, -1) : written;
    out.push([key, firstLine + i, indent.length, indent.length + written.length, whole.length]);
  }
  return out;
}

/** Where a one-line value ends: its closing quote, or before a trailing comment and spaces. */
function valueEnd(text: string, from: number): number {
  const quote = text[from];
  if (quote === '"' || quote === "'") {
    for (let i = from + 1; i < text.length; i++) {
      if (quote === '"' && text[i] === '\\') i++;
      else if (text[i] === quote) return i + 1;
    }
    return text.length;
  }
  const comment = text.indexOf('#', from);
  return from + text.slice(from, comment < 0 ? undefined : comment).trimEnd().length;
}

/** The values of the key lines that parse on their own, when the whole block does not. */
function lineByLine(blockLines: readonly string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const line of blockLines.slice(0, topLevelLength(blockLines))) {
    if (!KEY_LINE.test(line)) continue;
    try {
      Object.assign(data, plain(parse(line)));
    } catch {
      // This line is the broken one (or part of a value spread over lines): it has no value to give.
    }
  }
  return data;
}

/** TOML dates as their written text (as the YAML reader leaves them), recursively. */
function plain(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=Z|[+-]|$)/, '');
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  return value;
}
