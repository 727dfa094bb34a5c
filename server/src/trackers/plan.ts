import type { PostmortemDocument } from '../core/model';
import { itemPriority, itemTicketKey, ticketText } from './tickets';
import type { ExportItem, IncidentContext } from './types';

/** What an export would do to a document: nothing is sent to compute it. */
export interface ExportPlan {
  incident: IncidentContext;
  toCreate: ExportItem[];
  /** Items that already carry a ticket. */
  skipped: { index: number; ticket: string }[];
  /** Items that cannot become a ticket, and why. */
  unusable: { index: number; reason: string }[];
}

export interface PlanContext {
  /** The postmortem's path relative to its repository or workspace folder, with forward slashes. */
  file: string;
  /** Base URL documents are published under (configuration `documentUrl`). */
  documentUrl?: string;
}

/** Splits the document's action items into those to create, those already tracked and those unusable. */
export function planExport(doc: PostmortemDocument, context: PlanContext): ExportPlan {
  const plan: ExportPlan = { incident: incidentContext(doc, context), toCreate: [], skipped: [], unusable: [] };
  doc.actionItems.forEach((item, index) => {
    const ticket = ticketText(item);
    if (ticket !== undefined) return void plan.skipped.push({ index, ticket: itemTicketKey(item) ?? ticket });
    const action = item.action.text.replace(/\s+/g, ' ').trim();
    if (!action)
      return void plan.unusable.push({ index, reason: `line ${item.range.start.line + 1}: the action is empty` });
    const owner = item.owner?.text.trim();
    const priorityText = item.priority?.text.trim();
    const exported: ExportItem = { index, action, state: item.state };
    if (owner) exported.owner = owner;
    if (item.dueDate) exported.due = item.dueDate;
    const priority = itemPriority(priorityText);
    if (priority) exported.priority = priority;
    if (priorityText) exported.priorityText = priorityText;
    const type = item.type?.text.trim();
    if (type) exported.type = type;
    plan.toCreate.push(exported);
  });
  if (plan.skipped.length > 0) plan.incident.ticketsInDocument = plan.skipped.map((s) => s.ticket);
  return plan;
}

function incidentContext(doc: PostmortemDocument, context: PlanContext): IncidentContext {
  const data = doc.frontmatter?.data ?? {};
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
  const heading = doc.blocks.find((b) => b.kind === 'heading' && b.depth === 1);
  const fileName =
    context.file
      .split('/')
      .pop()
      ?.replace(/\.(?:md|markdown)$/i, '') ?? context.file;
  const incident: IncidentContext = {
    title: text(data.title) ?? (heading?.kind === 'heading' ? heading.text : undefined) ?? fileName,
    file: context.file,
  };
  const id = text(data.id) ?? text(data.incident);
  if (id) incident.id = id;
  const severity = text(data.severity);
  if (severity) incident.severity = severity;
  const link = documentLink(context.documentUrl, context.file);
  if (link) incident.link = link;
  return incident;
}

/** `documentUrl` with the file's path appended, or put where it says `{file}`. */
export function documentLink(base: string | undefined, file: string): string | undefined {
  if (!base) return undefined;
  const path = file.split('/').map(encodeURIComponent).join('/');
  if (base.includes('{file}')) return base.replace('{file}', path);
  return `${base.replace(/\/+$/, '')}/${path}`;
}
