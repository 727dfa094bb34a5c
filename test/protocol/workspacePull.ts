import { randomUUID } from 'node:crypto';
import { ProgressType, RequestType, type CancellationToken } from 'vscode-jsonrpc/node';
import type { Diagnostic, TestClient } from './client';

export interface WorkspaceReport {
  uri: string;
  kind: 'full' | 'unchanged';
  resultId?: string;
  version: number | null;
  items?: Diagnostic[];
}

export interface PullResult {
  /** Every report, streamed or in the response, in the order received. */
  reports: WorkspaceReport[];
  /** How many came as partial results, and how many in the response itself. */
  streamed: number;
  inResponse: number;
}

const partialResult = new ProgressType<{ items: WorkspaceReport[] }>();
interface WorkspaceDiagnosticParams {
  previousResultIds: { uri: string; value: string }[];
  partialResultToken: string;
}
const workspaceDiagnostic = new RequestType<WorkspaceDiagnosticParams, { items: WorkspaceReport[] }, void>(
  'workspace/diagnostic',
);

/**
 * Pulls workspace diagnostics as vscode-languageclient 11 does: with the result id it holds for
 * each file, and a partial result token under which the server may stream reports.
 */
export class WorkspacePuller {
  readonly resultIds = new Map<string, string>();

  constructor(private readonly client: TestClient) {}

  async pull(token?: CancellationToken, onPartial?: (items: WorkspaceReport[]) => void): Promise<PullResult> {
    const partialResultToken = randomUUID();
    const streamed: WorkspaceReport[] = [];
    const listening = this.client.connection.onProgress(partialResult, partialResultToken, ({ items }) => {
      streamed.push(...items);
      onPartial?.(items);
    });
    try {
      const previousResultIds = [...this.resultIds].map(([uri, value]) => ({ uri, value }));
      const params = { previousResultIds, partialResultToken };
      const response = await this.client.connection.sendRequest(workspaceDiagnostic, params, token);
      const reports = [...streamed, ...response.items];
      for (const report of reports) {
        if (report.resultId) this.resultIds.set(report.uri, report.resultId);
        else this.resultIds.delete(report.uri);
      }
      return { reports, streamed: streamed.length, inResponse: response.items.length };
    } finally {
      listening.dispose();
    }
  }
}

/** The reports of one kind, by file name. */
export function namesOf(reports: readonly WorkspaceReport[], kind: WorkspaceReport['kind']): string[] {
  return reports
    .filter((r) => r.kind === kind)
    .map((r) => r.uri.split('/').pop()!)
    .sort();
}
