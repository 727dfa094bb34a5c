import type { ImportTimelineRow } from '../../../server/src/shared/requests';

/**
 * What "Hindsight: Import Timeline…" offers, kept apart from `vscode` so it can be tested alone:
 * the sources, what the open dialog lets the user pick for each, and how a row is previewed.
 */
export interface SourceChoice {
  source: string;
  label: string;
  detail: string;
  /** Slack takes the zip or its folder; git takes a repository folder. */
  folders: boolean;
  files: boolean;
  /** File extensions the dialog offers, by filter name. */
  filters?: Record<string, string[]>;
  /** A question to ask before reading, and the request field its answer fills. */
  ask?: { prompt: string; placeHolder: string; field: 'channels' | 'mapping' };
}

export const SOURCE_CHOICES: SourceChoice[] = [
  {
    source: 'slack',
    label: 'Slack export',
    detail: 'The workspace export zip, or its unzipped folder',
    folders: true,
    files: true,
    filters: { 'Slack export': ['zip'] },
    ask: {
      prompt: 'Channels to import (comma-separated; empty for all)',
      placeHolder: 'inc-search, incidents',
      field: 'channels',
    },
  },
  {
    source: 'pagerduty',
    label: 'PagerDuty log entries',
    detail: "JSON of an incident's log_entries",
    folders: false,
    files: true,
    filters: { JSON: ['json'] },
  },
  {
    source: 'git',
    label: 'Git history',
    detail: 'Commits, merges and tags of a local repository',
    folders: true,
    files: false,
  },
  {
    source: 'grafana',
    label: 'Grafana annotations',
    detail: 'JSON of the annotations API',
    folders: false,
    files: true,
    filters: { JSON: ['json'] },
  },
  {
    source: 'alertmanager',
    label: 'Alertmanager alerts',
    detail: 'A webhook notification, or one per line',
    folders: false,
    files: true,
    filters: { JSON: ['json', 'jsonl', 'log'] },
  },
  {
    source: 'csv',
    label: 'CSV file',
    detail: 'One moment per line, with time and text columns',
    folders: false,
    files: true,
    filters: { CSV: ['csv'] },
    ask: {
      prompt: 'Column mapping, if the names are not guessed',
      placeHolder: 'time=When,text=What,actor=Who,zone=UTC',
      field: 'mapping',
    },
  },
  {
    source: 'jsonl',
    label: 'JSON lines file',
    detail: 'One JSON object per line',
    folders: false,
    files: true,
    filters: { 'JSON lines': ['jsonl', 'ndjson', 'json'] },
    ask: {
      prompt: 'Field mapping, if the names are not guessed',
      placeHolder: 'time=ts,text=msg,actor=user',
      field: 'mapping',
    },
  },
];

/** The answer to a source's question, as the request takes it. */
export function answerFields(
  choice: SourceChoice,
  answer: string | undefined,
): { channels?: string[]; mapping?: string } {
  const value = answer?.trim();
  if (!choice.ask || !value) return {};
  if (choice.ask.field === 'channels') return { channels: value.split(/[\s,]+/).filter(Boolean) };
  return { mapping: value };
}

/** One row as the preview list shows it: the time in UTC and who, the text, and what it marks. */
export function previewItem(row: ImportTimelineRow): { label: string; description: string; detail?: string } {
  const time = row.time.slice(0, 16).replace('T', ' ');
  return {
    label: `${time} UTC${row.actor ? ` · ${row.actor}` : ''}`,
    description: row.text.length > 120 ? `${row.text.slice(0, 119)}…` : row.text,
    detail: row.milestone ? `marks ${row.milestone}` : undefined,
  };
}

/** The closing message: how many rows went in, and what was left out or removed. */
export function summaryMessage(inserted: number, duplicates: number, redacted: number, notes: string[] = []): string {
  const parts = [`Hindsight inserted ${inserted} timeline row${inserted === 1 ? '' : 's'}`];
  if (duplicates > 0) parts.push(`${duplicates} already there`);
  if (redacted > 0)
    parts.push(`${redacted} email${redacted === 1 ? '' : 's'} or secret${redacted === 1 ? '' : 's'} redacted`);
  return [`${parts.join('; ')}.`, ...notes.map((note) => `${note[0].toUpperCase()}${note.slice(1)}.`)].join(' ');
}
