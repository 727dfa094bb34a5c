import type { Frontmatter } from '../model';
import { TABLE_HEADER } from './tomlFrontmatter';

/** Frontmatter edits are written in the block's own syntax: YAML `key: value`, or TOML `key = "value"`. */
export function newKeyLine(frontmatter: Frontmatter | undefined, key: string): string {
  return frontmatter?.syntax === 'toml' ? `${key} = ""\n` : `${key}: \n`;
}

/** A replacement value as the block writes it: TOML strings are quoted, YAML plain values are not. */
export function valueText(frontmatter: Frontmatter | undefined, value: string): string {
  return frontmatter?.syntax === 'toml' ? JSON.stringify(value) : value;
}

/** The line a new top-level key goes on: above the closing fence, or above TOML's first table. */
export function newKeyLineNumber(frontmatter: Frontmatter, lines: readonly string[]): number {
  const close = frontmatter.range.end.line;
  if (frontmatter.syntax !== 'toml') return close;
  for (let line = frontmatter.range.start.line + 1; line < close; line++)
    if (TABLE_HEADER.test(lines[line])) return line;
  return close;
}
