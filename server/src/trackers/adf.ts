import type { ExportItem, IncidentContext } from './types';

/**
 * Ticket descriptions in Atlassian Document Format, which Jira Cloud's REST v3 requires.
 * ADF rejects empty text nodes, so every node here is built from non-empty text only.
 */
type Mark = { type: 'strong' } | { type: 'code' } | { type: 'link'; attrs: { href: string } };
export interface AdfText {
  type: 'text';
  text: string;
  marks?: Mark[];
}
export interface AdfNode {
  type: string;
  content?: (AdfNode | AdfText)[];
  attrs?: Record<string, unknown>;
}
export interface AdfDocument {
  version: 1;
  type: 'doc';
  content: AdfNode[];
}

const text = (value: string, ...marks: Mark[]): AdfText[] =>
  value ? [{ type: 'text', text: value, ...(marks.length ? { marks } : {}) }] : [];
const paragraph = (...parts: AdfText[][]): AdfNode => ({ type: 'paragraph', content: parts.flat() });

/** The facts a ticket made from an action item carries, as label/value pairs (empty values left out). */
export function itemFacts(item: ExportItem, incident: IncidentContext): [string, string][] {
  const facts: [string, string | undefined][] = [
    ['Incident', incident.id],
    ['Severity', incident.severity],
    ['Owner', item.owner],
    ['Due', item.due],
    ['Priority', item.priorityText ?? item.priority],
    ['Type', item.type],
  ];
  return facts.filter((fact): fact is [string, string] => Boolean(fact[1]?.trim()));
}

export function adfDescription(item: ExportItem, incident: IncidentContext, notes: string[] = []): AdfDocument {
  const title = incident.title.trim() || incident.file;
  const source = incident.link
    ? text(title, { type: 'link', attrs: { href: incident.link } })
    : text(title, { type: 'strong' });
  const content: AdfNode[] = [
    paragraph(
      text('Action item from the postmortem '),
      source,
      text(' ('),
      text(incident.file, { type: 'code' }),
      text(').'),
    ),
  ];
  const facts = itemFacts(item, incident);
  if (facts.length > 0) {
    content.push({
      type: 'bulletList',
      content: facts.map(([label, value]) => ({
        type: 'listItem',
        content: [paragraph(text(`${label}: `, { type: 'strong' }), text(value))],
      })),
    });
  }
  for (const note of notes.filter((n) => n.trim())) content.push(paragraph(text(note)));
  content.push(paragraph(text("Created by Hindsight from the postmortem's action items.")));
  return { version: 1, type: 'doc', content };
}

/** The same description as plain text, for Jira Data Center (REST v2 takes a string). */
export function plainDescription(item: ExportItem, incident: IncidentContext, notes: string[] = []): string {
  const source = incident.link ? `${incident.title} (${incident.link})` : incident.title;
  const lines = [`Action item from the postmortem ${source}, file ${incident.file}.`, ''];
  for (const [label, value] of itemFacts(item, incident)) lines.push(`* ${label}: ${value}`);
  for (const note of notes) lines.push('', note);
  lines.push('', "Created by Hindsight from the postmortem's action items.");
  return lines.join('\n');
}
