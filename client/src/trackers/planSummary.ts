import type { TrackerPlanResult } from '../../../server/src/shared/trackers';

const SHOWN = 15;

/** One item of the confirmation: checked, so Enter creates it; unchecking leaves it for a later run. */
export interface ConfirmItem {
  label: string;
  description?: string;
  picked: true;
  index: number;
}

/**
 * The confirmation before an export, as a multi-select pick (a modal cannot be answered in
 * VS Code's own test hosts, and a pick lets the author leave items out): what would be created,
 * checked, with what is left alone and why in the placeholder. `detail` is the same as text.
 */
export function planSummary(
  plan: TrackerPlanResult,
  tracker: string,
): { message: string; detail: string; confirm: string; title: string; placeholder: string; items: ConfirmItem[] } {
  const n = plan.toCreate.length;
  const facts = (item: TrackerPlanResult['toCreate'][number]) =>
    [item.owner, item.due && `due ${item.due}`, item.priority].filter(Boolean).join(', ');
  const lines = [`Will create in ${tracker}:`];
  for (const item of plan.toCreate.slice(0, SHOWN))
    lines.push(`• ${item.action}${facts(item) ? ` (${facts(item)})` : ''}`);
  if (n > SHOWN) lines.push(`• … and ${n - SHOWN} more`);
  const leftAlone: string[] = [];
  if (plan.skipped.length > 0) {
    lines.push('', 'Skipped, already tracked:');
    for (const skipped of plan.skipped.slice(0, SHOWN)) lines.push(`• ${skipped.action} — ${skipped.ticket}`);
    if (plan.skipped.length > SHOWN) lines.push(`• … and ${plan.skipped.length - SHOWN} more`);
    leftAlone.push(
      `${plan.skipped.length} already tracked (${plan.skipped
        .slice(0, 3)
        .map((s) => s.ticket)
        .join(', ')}${plan.skipped.length > 3 ? ', …' : ''})`,
    );
  }
  if (plan.unusable.length > 0) {
    lines.push('', 'Cannot be exported:');
    for (const unusable of plan.unusable.slice(0, SHOWN)) lines.push(`• ${unusable.reason}`);
    leftAlone.push(`${plan.unusable.length} cannot be exported`);
  }
  const confirm = n === 1 ? 'Create 1 Ticket' : `Create ${n} Tickets`;
  return {
    message: `Create ${n === 1 ? '1 ticket' : `${n} tickets`} in ${tracker}?`,
    detail: lines.join('\n'),
    confirm,
    title: `${confirm} in ${tracker}`,
    placeholder: `${leftAlone.length > 0 ? `Skipped: ${leftAlone.join('; ')}. ` : ''}Uncheck any to leave for later.`,
    items: plan.toCreate.map((item) => ({
      label: item.action,
      ...(facts(item) ? { description: facts(item) } : {}),
      picked: true,
      index: item.index,
    })),
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
