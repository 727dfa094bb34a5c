import type { ExportPlan } from '../../../server/src/trackers/plan';

const SHOWN = 15;

/** The confirmation before an export: what would be created, and what is left alone and why. */
export function planSummary(plan: ExportPlan, tracker: string, actions: Map<number, string>): { message: string; detail: string; confirm: string } {
  const n = plan.toCreate.length;
  const lines = [`Will create in ${tracker}:`];
  for (const item of plan.toCreate.slice(0, SHOWN)) {
    const facts = [item.owner, item.due && `due ${item.due}`, item.priority].filter(Boolean).join(', ');
    lines.push(`• ${item.action}${facts ? ` (${facts})` : ''}`);
  }
  if (n > SHOWN) lines.push(`• … and ${n - SHOWN} more`);
  if (plan.skipped.length > 0) {
    lines.push('', 'Skipped, already tracked:');
    for (const skipped of plan.skipped.slice(0, SHOWN)) lines.push(`• ${actions.get(skipped.index) ?? `item ${skipped.index + 1}`} — ${skipped.ticket}`);
    if (plan.skipped.length > SHOWN) lines.push(`• … and ${plan.skipped.length - SHOWN} more`);
  }
  if (plan.unusable.length > 0) {
    lines.push('', 'Cannot be exported:');
    for (const unusable of plan.unusable.slice(0, SHOWN)) lines.push(`• ${unusable.reason}`);
  }
  return {
    message: `Create ${n === 1 ? '1 ticket' : `${n} tickets`} in ${tracker}?`,
    detail: lines.join('\n'),
    confirm: n === 1 ? 'Create 1 Ticket' : `Create ${n} Tickets`,
  };
}

/** Said when a postmortem's configuration names no tracker: what to add, and where. */
export function noTrackerMessage(configFile: string | undefined): string {
  const where = configFile ? configFile : '.hindsight.json at the root of the workspace';
  return (
    `Hindsight: no tracker is configured. Add one under "trackers" in ${where}, for example ` +
    `"trackers": { "github": { "type": "github", "repo": "owner/repo" } } ` +
    '(or "type": "linear" with "teamId", "jira-cloud" with "baseUrl" and "project", "csv" with "path"), ' +
    'then run "Hindsight: Set Tracker Credentials".'
  );
}
