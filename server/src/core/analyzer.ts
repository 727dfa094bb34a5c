import type { PostmortemDocument } from './model';
import type { AnalyzeOptions } from './options';

export { DEFAULT_MAX_BYTES, type AnalyzeOptions } from './options';
import { buildDocument, DerivedCache } from './document';
import { BlockCache } from './parse/blockCache';
import { readFrontmatter } from './parse/frontmatter';

/**
 * Keeps one parse per document version and reuses unchanged blocks across versions,
 * so an edit re-parses only the block it touched.
 */
export class Analyzer {
  private readonly latest = new Map<string, PostmortemDocument>();
  private readonly blockCaches = new Map<string, BlockCache>();
  private readonly derived = new Map<string, DerivedCache>();
  /** The default zone each cached analysis was made with: a changed configuration is a new reading. */
  private readonly zones = new Map<string, string | undefined>();

  constructor(private readonly options: AnalyzeOptions = {}) {}

  analyze(
    uri: string,
    version: number,
    text: string,
    perDocument: Pick<AnalyzeOptions, 'defaultZone'> = {},
  ): PostmortemDocument {
    const cached = this.latest.get(uri);
    const defaultZone = perDocument.defaultZone ?? this.options.defaultZone;
    const same = cached && cached.version === version && cached.text === text && this.zones.get(uri) === defaultZone;
    if (same) return cached;
    const { blocks, derived } = this.caches(uri);
    const doc = buildDocument(uri, version, text, blocks, { ...this.options, defaultZone }, derived);
    this.latest.set(uri, doc);
    this.zones.set(uri, defaultZone);
    return doc;
  }

  /**
   * Parses the text's blocks ahead of `analyze`, giving the event loop back between slices, so a
   * large document does not hold up other requests. False when `proceed` stopped it first.
   */
  async prepare(uri: string, text: string, proceed: () => boolean): Promise<boolean> {
    const cached = this.latest.get(uri);
    if (cached?.text === text) return proceed();
    // The line index, frontmatter and block split read here are the ones `analyze` then reuses.
    const { blocks, derived } = this.caches(uri);
    const index = derived.linesOf(text);
    return blocks.prepare(index.lines, readFrontmatter(index).bodyLine, proceed);
  }

  private caches(uri: string): { blocks: BlockCache; derived: DerivedCache } {
    let blocks = this.blockCaches.get(uri);
    if (!blocks) {
      blocks = new BlockCache();
      this.blockCaches.set(uri, blocks);
    }
    let derived = this.derived.get(uri);
    if (!derived) {
      derived = new DerivedCache();
      this.derived.set(uri, derived);
    }
    return { blocks, derived };
  }

  /** The last analysed version of a document, if any. */
  get(uri: string): PostmortemDocument | undefined {
    return this.latest.get(uri);
  }

  forget(uri: string): void {
    this.latest.delete(uri);
    this.blockCaches.delete(uri);
    this.derived.delete(uri);
    this.zones.delete(uri);
  }
}

/** One-shot analysis (CLI, tests). */
export function analyzeText(
  text: string,
  uri = 'untitled:postmortem.md',
  options: AnalyzeOptions = {},
): PostmortemDocument {
  return buildDocument(uri, 0, text, new BlockCache(), options);
}
