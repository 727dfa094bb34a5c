import type { Processor } from 'unified';

/**
 * Inline constructs micromark is asked not to recognise. No rule reads inline nodes from the block
 * parse (wording is read from the source lines), and resolving emphasis, brackets and strikethrough
 * costs time that grows with the square of their count in one paragraph: a 24 KB paragraph of nested
 * emphasis took seconds. Block structure does not depend on inline content, so it is unchanged.
 */
export const INLINE_CONSTRUCTS = [
  'attention',
  'autolink',
  'codeText',
  'htmlText',
  'labelStartImage',
  'labelStartLink',
  'labelEnd',
  'strikethrough',
  'wwwAutolink',
  'protocolAutolink',
  'emailAutolink',
  'gfmFootnoteCall',
  'gfmPotentialFootnoteCall',
];

/** A unified plugin: the parser reads blocks (and task-list checks) only, leaving inline text as text. */
export function blockStructureOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } });
}
