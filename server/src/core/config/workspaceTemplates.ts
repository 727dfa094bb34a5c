import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeText } from '../analyzer';
import { findUpward } from './findUpward';
import type { SectionRequirement, TemplateSpec } from './templates';

export const TEMPLATE_FOLDER = join('.hindsight', 'templates');

/** The nearest `.hindsight/templates` folder at or above `folder`, if any. */
export function findTemplateFolder(folder: string): string | undefined {
  return findUpward(folder, [TEMPLATE_FOLDER], 'directory');
}

export interface WorkspaceTemplates {
  templates: Record<string, TemplateSpec>;
  /** Template files that could not be used, and why. */
  errors: { file: string; message: string }[];
}

/**
 * A team's own templates: each `.md` file in the folder is a template named after the file, and
 * its second-level headings are the sections a postmortem using it must have.
 */
const cache = new Map<string, { signature: string; result: WorkspaceTemplates }>();

export function loadWorkspaceTemplates(folder: string): WorkspaceTemplates {
  let names: string[];
  try {
    names = readdirSync(folder)
      .filter((n) => n.endsWith('.md'))
      .sort();
  } catch (error) {
    return { templates: {}, errors: [{ file: folder, message: `cannot be read (${(error as Error).message})` }] };
  }
  // Read again only when a file was added, removed or changed.
  const signature = names.map((n) => `${n}:${statSync(join(folder, n)).mtimeMs}`).join('|');
  const cached = cache.get(folder);
  if (cached?.signature === signature) return cached.result;
  const result = readTemplates(folder, names);
  cache.set(folder, { signature, result });
  return result;
}

function readTemplates(folder: string, names: string[]): WorkspaceTemplates {
  const out: WorkspaceTemplates = { templates: {}, errors: [] };
  for (const name of names) {
    const file = join(folder, name);
    try {
      const doc = analyzeText(readFileSync(file, 'utf8'));
      const refused = doc.problems.find((p) => p.code.startsWith('document/'));
      if (refused) throw new Error(refused.message);
      const headings = doc.sections.filter((s) => s.depth === 2);
      if (headings.length === 0)
        throw new Error('has no second-level (##) headings to take the required sections from');
      const sections: SectionRequirement[] = headings.map((s) => ({
        kinds: s.kinds.slice(0, 1),
        heading: s.heading,
        prompt: '',
      }));
      out.templates[basename(name, '.md').toLowerCase()] = { sections };
    } catch (error) {
      out.errors.push({ file, message: (error as Error).message });
    }
  }
  return out;
}
