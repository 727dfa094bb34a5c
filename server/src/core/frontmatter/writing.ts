import type { Frontmatter } from '../model';
import { topLevelLength } from './tomlFrontmatter';

/** A key as the block writes it, up to its value: YAML `key: `, or TOML `key = `. */
export function keyPrefix(frontmatter: Frontmatter | undefined, key: string): string {
  return frontmatter?.syntax === 'toml' ? `${key} = ` : `${key}: `;
}

/** Frontmatter edits are written in the block's own syntax: YAML `key: value`, or TOML `key = "value"`. */
export function newKeyLine(frontmatter: Frontmatter | undefined, key: string): string {
  return `${keyPrefix(frontmatter, key)}${frontmatter?.syntax === 'toml' ? '""' : ''}\n`;
}

/** A replacement value as the block writes it: TOML strings are quoted, YAML plain values are not. */
export function valueText(frontmatter: Frontmatter | undefined, value: string): string {
  return frontmatter?.syntax === 'toml' ? JSON.stringify(value) : value;
}

/** The line a new top-level key goes on: above the closing fence, or above TOML's first table. */
export function newKeyLineNumber(frontmatter: Frontmatter, lines: readonly string[]): number {
  const close = frontmatter.range.end.line;
  if (frontmatter.syntax !== 'toml') return close;
  const first = frontmatter.range.start.line + 1;
  return first + topLevelLength(lines.slice(first, close));
}
