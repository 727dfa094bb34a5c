import { window, type LogOutputChannel } from 'vscode';

let channel: LogOutputChannel | undefined;

/** The tracker commands' log; created on first use, so a session that never exports has none. */
export function trackerLog(): LogOutputChannel {
  channel ??= window.createOutputChannel('Hindsight Trackers', { log: true });
  return channel;
}

export function disposeTrackerLog(): void {
  channel?.dispose();
  channel = undefined;
}
