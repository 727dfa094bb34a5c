import { redactSecrets } from '../../../server/src/core/secrets';

/** The output channel as the tracker commands write to it. */
export interface TrackerLog {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** A log whose lines pass the one redaction before they reach `sink` (the output channel). */
export function redactingLog(sink: TrackerLog): TrackerLog {
  return {
    info: (line) => sink.info(redactSecrets(line)),
    warn: (line) => sink.warn(redactSecrets(line)),
    error: (line) => sink.error(redactSecrets(line)),
  };
}
