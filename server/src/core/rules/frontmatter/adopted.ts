import type { PostmortemDocument } from '../../model';

/**
 * True when the frontmatter was written for Hindsight (`type: postmortem`, `postmortem: true` or a
 * `template:`), not by a site generator or a status page tool with conventions of its own
 * (`resolved: true`, `severity: disrupted`).
 */
export function adoptedFrontmatter(doc: PostmortemDocument): boolean {
  const data = doc.frontmatter?.data;
  if (!data) return false;
  return (
    String(data.type ?? '')
      .toLowerCase()
      .replace('-', '') === 'postmortem' ||
    data.postmortem === true ||
    data.template !== undefined
  );
}
