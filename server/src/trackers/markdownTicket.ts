import type { ExportItem, IncidentContext } from './types';

/**
 * The Markdown description of a ticket made from an action item, for trackers that render
 * Markdown (GitHub, Linear): the details a reader needs without opening the postmortem, and the
 * way back to it.
 */
export function markdownDescription(item: ExportItem, incident: IncidentContext, notes: string[] = []): string {
  const source = incident.link
    ? `[${escapeMarkdown(incident.title)}](${incident.link})`
    : `**${escapeMarkdown(incident.title)}**`;
  const lines = [`Action item from the postmortem ${source} (\`${incident.file}\`).`, ''];
  const facts: [string, string | undefined][] = [
    ['Incident', incident.id],
    ['Severity', incident.severity],
    ['Owner', item.owner],
    ['Due', item.due],
    ['Priority', item.priority],
    ['Type', item.type],
  ];
  for (const [label, value] of facts) if (value) lines.push(`- **${label}:** ${escapeMarkdown(value)}`);
  for (const note of notes) lines.push('', `> ${note}`);
  lines.push('', "<sub>Created by Hindsight from the postmortem's action items.</sub>");
  return lines.join('\n');
}

/** The title a ticket gets: the action itself, kept within what trackers accept. */
export function ticketTitle(item: ExportItem): string {
  const title = item.action.replace(/\s+/g, ' ').trim();
  return title.length > 250 ? `${title.slice(0, 249)}…` : title;
}

// Owners and titles are written by people: keep `*`, `_`, `[` and the like from turning into markup.
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
