import { window, type LogOutputChannel } from 'vscode';
import { redactingLog, type TrackerLog } from './redactingLog';

let channel: LogOutputChannel | undefined;

/** The tracker commands' log, every line redacted; created on first use, so a session that never exports has none. */
export function trackerLog(): TrackerLog {
  channel ??= window.createOutputChannel('Hindsight Trackers', { log: true });
  return redactingLog(channel);
}

export function disposeTrackerLog(): void {
  channel?.dispose();
  channel = undefined;
}
