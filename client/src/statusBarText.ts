import { formatMinutes } from '../../server/src/core/metrics/durations';

/** What the status bar shows for the active postmortem. No `vscode` import, so it can be tested. */
export interface StatusBarInput {
  severity?: string;
  ttrMinutes?: number;
  /** Hindsight's diagnostics for the file. */
  problems: number;
}

export interface StatusBarText {
  text: string;
  tooltip: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function statusBarText({ severity, ttrMinutes, problems }: StatusBarInput): StatusBarText {
  // `$(` starts an icon in status bar text: keep the author's words from being read as one.
  const sev = severity?.trim().replace(/\$\(/g, '(').slice(0, 24) || undefined;
  const ttr =
    ttrMinutes !== undefined && Number.isFinite(ttrMinutes) && ttrMinutes >= 0 ? formatMinutes(ttrMinutes) : undefined;
  const text = [
    `$(history) ${sev ?? 'no severity'}`,
    ttr ? `TTR ${ttr}` : 'no TTR',
    problems > 0 ? `$(warning) ${plural(problems, 'problem')}` : '$(check) no problems',
  ].join(' · ');
  const tooltip = [
    'Hindsight postmortem',
    `Severity: ${sev ?? 'not set in the frontmatter'}`,
    `Time to resolve: ${ttr ?? 'unknown (the timeline does not give both the start and the resolution)'}`,
    `Problems: ${problems}`,
    'Click to open the Problems view.',
  ].join('\n');
  return { text, tooltip };
}
