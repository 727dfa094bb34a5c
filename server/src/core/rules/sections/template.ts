import { requiredSections } from '../../config/config';
import type { SectionRequirement } from '../../config/templates';
import type { PostmortemDocument, Section } from '../../model';
import { normaliseHeading } from '../../parse/sections';
import type { RuleContext, TextEdit } from '../rule';
import { frontmatterString } from '../util';

export function templateName(ctx: RuleContext): string {
  const named = frontmatterString(ctx.doc, 'template')?.toLowerCase();
  return named && ctx.config.templates[named] ? named : ctx.config.defaultTemplate;
}

export function requirementsFor(ctx: RuleContext): SectionRequirement[] {
  return requiredSections(ctx.config, templateName(ctx), frontmatterString(ctx.doc, 'severity'));
}

export function sectionFor(doc: PostmortemDocument, requirement: SectionRequirement): Section | undefined {
  if (requirement.kinds.length > 0) return doc.sections.find((s) => s.kinds.some((k) => requirement.kinds.includes(k)));
  // A heading a team template names that has no known meaning ("Customer follow-up calls"): match its words.
  const wanted = normaliseHeading(requirement.heading);
  return doc.sections.find((s) => normaliseHeading(s.heading) === wanted);
}

/**
 * Inserts a missing section's skeleton where the template puts it: after the last section that
 * comes before it in the template, else before the first that comes after it, else at the end.
 */
export function insertSection(
  doc: PostmortemDocument,
  requirements: SectionRequirement[],
  missing: SectionRequirement,
): TextEdit {
  const at = requirements.indexOf(missing);
  const depth = doc.sections.find((s) => s.depth > 1)?.depth ?? 2;
  const promptComment = missing.prompt ? `<!-- ${missing.prompt} -->\n\n` : '';
  const skeleton = `${'#'.repeat(depth)} ${missing.heading}\n\n${promptComment}`;
  const before = requirements
    .slice(0, at)
    .reverse()
    .map((r) => sectionFor(doc, r))
    .find(Boolean);
  if (before) {
    // After the whole section, subsections included.
    const line = before.range.end.line + 1;
    if (line < doc.lines.lineCount)
      return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: skeleton };
  } else {
    const after = requirements
      .slice(at + 1)
      .map((r) => sectionFor(doc, r))
      .find(Boolean);
    if (after) {
      const line = after.headingRange.start.line;
      return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: skeleton };
    }
  }
  const last = doc.lines.lineCount - 1;
  const end = { line: last, character: doc.lines.lines[last].length };
  return {
    range: { start: end, end },
    newText: `${doc.lines.lines[last] === '' ? '' : '\n'}\n${skeleton.trimEnd()}\n`,
  };
}
