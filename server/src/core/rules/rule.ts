import type { PostmortemDocument, Range, Severity } from '../model';
import type { ResolvedConfig } from '../config/config';

export type RuleLevel = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A change that resolves a finding, offered as a quick fix. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  range: Range;
  message: string;
  fixes?: Fix[];
  /** A milder severity than the rule's level, for a finding the rule is unsure of (never a harsher one). */
  severity?: Severity;
}

export interface RuleContext {
  doc: PostmortemDocument;
  config: ResolvedConfig;
  /** This rule's options, defaults merged with configuration. */
  options: Record<string, unknown>;
  /** Today as YYYY-MM-DD, for anything relative to the current date. */
  today: string;
}

export interface RuleOption {
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: unknown;
  description: string;
}

/** One rule: what it checks, why, how severe by default, and the check itself. */
export interface Rule {
  /** Namespaced, kebab-case: `blameless/human-error`. */
  id: string;
  /** One line for tables and hovers. */
  description: string;
  level: RuleLevel;
  /** Why the rule exists, in a paragraph: shown in the rule's doc and on hover. */
  rationale: string;
  /** A short before/after pair for the docs. */
  example?: { flagged: string; better: string };
  options?: Record<string, RuleOption>;
  /** Whether some findings carry a fix that can be applied without a person's judgement. */
  fixable?: boolean;
  check(ctx: RuleContext): Finding[];
}
