import type { Processor } from 'unified';

/**
 * Inline constructs micromark is asked not to recognise. No rule reads inline nodes from the block
 * parse (wording is read from the source lines), and resolving emphasis, brackets and strikethrough
 * costs time that grows with the square of their count in one paragraph: a 24 KB paragraph of nested
 * emphasis took seconds. Escapes and character references cost a token each (100 KB of "\\" took
 * most of a second). Block structure does not depend on inline content, so it is unchanged: a
 * table row reads its own "\|" escapes.
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
  'characterEscape',
  'characterReference',
  'hardBreakEscape',
];

interface TreeExtension {
  transforms?: unknown[];
}
type TreeExtensions = (TreeExtension | TreeExtensions)[];

/** The tree extensions without their transforms: GFM's turns bare URLs in text into links, inline work again. */
function withoutTransforms(extensions: TreeExtensions): TreeExtensions {
  return extensions.map((extension) => {
    if (Array.isArray(extension)) return withoutTransforms(extension);
    const { transforms: _inline, ...rest } = extension;
    return rest;
  });
}

/** micromark's character codes: null at the end, below -2 a line ending. */
type Code = number | null;
type State = (code: Code) => State | undefined;
interface Effects {
  enter(type: string): void;
  consume(code: Code): void;
  exit(type: string): void;
}

/**
 * Inline text read as data up to the end of its line in one token. micromark stops its data at every
 * character some construct could start with, even a disabled one, and tries them all there: a line of
 * 100 KB of "![" cost hundreds of thousands of tokens and attempts. Tried wherever text would be.
 */
const restOfLine = {
  name: 'restOfLineAsData',
  tokenize(effects: Effects, ok: State, nok: State): State {
    const atLineEnd = (code: Code) => code === null || code < -2;
    const inside: State = (code) => {
      if (atLineEnd(code)) {
        effects.exit('data');
        return ok(code);
      }
      effects.consume(code);
      return inside;
    };
    return (code) => {
      if (atLineEnd(code)) return nok(code);
      effects.enter('data');
      effects.consume(code);
      return inside;
    };
  },
};

/** A unified plugin: the parser reads blocks (and task-list checks) only, leaving inline text as text. */
export function blockStructureOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: TreeExtensions };
  (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } }, { text: { null: [restOfLine] } });
  data.fromMarkdownExtensions = withoutTransforms(data.fromMarkdownExtensions ?? []);
}
