/**
 * The server's `hindsight/importTimeline` handler, as the VS Code command uses it: a preview of every
 * new row with the edit for all, then the edit for the rows the user kept.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdit } from '../../../server/src/core/import/merge';
import { FIXTURES, importServer, POSTMORTEM_TEXT, POSTMORTEM_URI } from './importServer';
import {
  IMPORT_TIMELINE_REQUEST,
  type ImportTimelineParams,
  type ImportTimelineResult,
} from '../../../server/src/shared/requests';

function setUp() {
  const server = importServer();
  const request = async (params: Omit<ImportTimelineParams, 'uri'> & { uri?: string }) =>
    (await server.sendRequest(IMPORT_TIMELINE_REQUEST, { uri: POSTMORTEM_URI, ...params })) as ImportTimelineResult;
  return { request, text: POSTMORTEM_TEXT };
}

describe('hindsight/importTimeline', () => {
  it('previews the new rows of an export with the edit that inserts them', async () => {
    const { request, text } = setUp();
    const result = await request({ source: 'pagerduty', path: join(FIXTURES, 'pagerduty', 'log_entries.json') });
    assert.deepEqual(
      result.rows.map((r) => [r.time, r.milestone]),
      [
        ['2024-03-05T14:04:00.000Z', 'detected'],
        ['2024-03-05T14:07:00.000Z', 'acknowledged'],
        ['2024-03-05T14:19:00.000Z', undefined],
        ['2024-03-05T14:44:00.000Z', 'resolved'],
      ],
    );
    assert.equal(result.zone, 'UTC');
    const merged = applyEdit(text, result.edit!);
    for (const row of result.rows) assert.ok(merged.includes(row.line), row.line);
  });

  it('inserts only the rows the user kept', async () => {
    const { request, text } = setUp();
    const path = join(FIXTURES, 'slack', 'export');
    const preview = await request({
      source: 'slack',
      path,
      channels: ['inc-search'],
      baseUrl: 'https://acme.slack.com',
    });
    const kept = [preview.rows[0].id, preview.rows[2].id];
    const chosen = await request({ source: 'slack', path, channels: ['inc-search'], only: kept });
    assert.deepEqual(
      chosen.rows.map((r) => r.id),
      kept,
    );
    const merged = applyEdit(text, chosen.edit!);
    assert.ok(merged.includes(kept[0]) && merged.includes(kept[1]) && !merged.includes(preview.rows[1].id));
  });

  it('answers input it cannot import with the reason, and unknown files and sources too', async () => {
    const { request } = setUp();
    await assert.rejects(
      request({ source: 'grafana', path: join(FIXTURES, 'pagerduty', 'log_entries.json') }),
      /not a list of Grafana annotations/,
    );
    await assert.rejects(request({ source: 'jira', path: FIXTURES }), /Unknown source "jira"/);
    await assert.rejects(
      request({ uri: 'file:///closed.md', source: 'git', path: FIXTURES }),
      /not open in the editor/,
    );
  });
});
