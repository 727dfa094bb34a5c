import type { ActionItem, PostmortemDocument } from '../core/model';
import { esc } from './escape';

const STATE_LABELS: Record<ActionItem['state'], string> = {
  open: 'open',
  'in-progress': 'in progress',
  done: 'done',
  unknown: 'no status',
};

/** Overdue means not done and due before today (dates compare as YYYY-MM-DD strings). */
export const isOverdue = (item: ActionItem, today: string) =>
  item.state !== 'done' && item.dueDate !== undefined && item.dueDate < today;

export function actionItems(doc: PostmortemDocument, today: string): string {
  const heading = '<section class="hs-card hs-actions"><h2>Action items</h2>';
  if (doc.actionItems.length === 0) return `${heading}<p class="hs-empty">No action items found.</p></section>`;
  const overdue = doc.actionItems.filter((item) => isOverdue(item, today)).length;
  const rows = doc.actionItems.map((item) => {
    const late = isOverdue(item, today);
    const status = item.status?.text || STATE_LABELS[item.state];
    return (
      `<tr class="hs-action${late ? ' hs-overdue' : ''}" data-line="${item.range.start.line}"` +
      ` data-state="${item.state}">` +
      `<td>${esc(item.action.text)}</td><td>${esc(item.owner?.text ?? '')}</td>` +
      `<td>${esc(item.due?.text ?? '')}${late ? ' <span class="hs-badge hs-badge-overdue">overdue</span>' : ''}</td>` +
      `<td><span class="hs-badge hs-state-${item.state}">${esc(status)}</span></td></tr>`
    );
  });
  const count = `${doc.actionItems.length} action item${doc.actionItems.length === 1 ? '' : 's'}`;
  const late = overdue ? `, <strong class="hs-overdue-count">${overdue} overdue</strong>` : '';
  const summary = `${count}${late} (as of ${esc(today)})`;
  return (
    `${heading}<p class="hs-summary">${summary}</p>` +
    '<table><thead><tr><th>Action</th><th>Owner</th><th>Due</th><th>Status</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}
