/**
 * Export Action Items against a Jira on 127.0.0.1 that checks every request against Jira Cloud's
 * own description (the same check as the unit contract tests), confirmed in its picker as a person
 * does; the keys land in the document, and a second run creates nothing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { jiraFetch, type Answer, type SeenRequest } from '../../unit/trackers/jiraContract';
import { canDrive, drive, startLocalServer, workspaceUri, type LocalServer } from './helpers';

const POSTMORTEM = `---
type: postmortem
id: INC-20250602-cart-timeouts
title: Cart timeouts after the cache resize
date: 2025-06-02
severity: SEV2
status: in-review
authors: [ana.lima]
---

# Cart timeouts after the cache resize

## Summary

Shrinking the session cache evicted carts under load, and checkout timed out for 20 minutes.

## Action items

| Action | Owner | Due | Status | Ticket |
| --- | --- | --- | --- | --- |
| Alert on cache eviction rate | @ana.lima | 2025-07-01 | open | |
| Size the cache from peak sessions | @tom.okafor | 2025-07-15 | open | |
| Add the cache resize to the change checklist | @ana.lima | 2025-06-20 | done | OPS-7 |
`;

/** Just enough Jira: the project, a search of the incident's issues, bulk create. */
function fakeJira() {
  const issues: { key: string; summary: string; labels: string[] }[] = [];
  const respond = (request: SeenRequest): Answer => {
    if (request.operationId === 'getProject')
      return { status: 200, body: { id: '10000', key: 'PAY', name: 'Payments' } };
    if (request.operationId.startsWith('searchAndReconsileIssuesUsingJql')) {
      const label = /labels = "([^"]+)"/.exec(
        String((request.body as { jql?: string } | undefined)?.jql ?? request.query.jql),
      )?.[1];
      const found = issues
        .filter((i) => !label || i.labels.includes(label))
        .map((i) => ({ id: i.key, key: i.key, fields: { summary: i.summary } }));
      return { status: 200, body: { issues: found, isLast: true } };
    }
    if (request.operationId === 'findUsers') return { status: 200, body: [] };
    if (request.operationId === 'createIssues') {
      const updates = (request.body as { issueUpdates: { fields: { summary: string; labels?: string[] } }[] })
        .issueUpdates;
      const made = updates.map(({ fields }) => {
        const key = `PAY-${issues.length + 1}`;
        issues.push({ key, summary: fields.summary, labels: fields.labels ?? [] });
        return { id: key, key, self: `/rest/api/3/issue/${key}` };
      });
      return { status: 201, body: { issues: made, errors: [] } };
    }
    return { status: 404, body: { errorMessages: [`the fake Jira does not answer ${request.operationId}`] } };
  };
  return { issues, respond };
}

/** Serves `fetch`-style answers over HTTP: the request as received goes through the validating fetch. */
async function serveJira(
  respond: (request: SeenRequest) => Answer,
): Promise<{ server: LocalServer; violations: string[] }> {
  // Read by the server's handler, so declared before the server starts and assigned after.
  // eslint-disable-next-line prefer-const
  let contract: Awaited<ReturnType<typeof jiraFetch>> | undefined;
  const server = await startLocalServer((req, body, res) => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
    );
    void contract!
      .fetch(`${server.url}${req.url}`, { method: req.method, headers, body: body || undefined })
      .then(async (answer) => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(await answer.text());
      });
  });
  contract = await jiraFetch(respond, server.url);
  return { server, violations: contract.violations };
}

suite('Trackers', () => {
  test('Export Action Items creates Jira issues the description accepts and writes their keys back; a second run creates nothing', async function () {
    if (!canDrive()) this.skip();
    const jira = fakeJira();
    const { server, violations } = await serveJira(jira.respond);
    try {
      const folder = workspaceUri('tracked');
      mkdirSync(folder.fsPath, { recursive: true });
      const tracker = { type: 'jira-cloud', baseUrl: server.url, project: 'PAY', email: 'bot@example.com' };
      writeFileSync(
        vscode.Uri.joinPath(folder, '.hindsight.json').fsPath,
        JSON.stringify({ trackers: { jira: tracker } }, null, 2),
      );
      const file = vscode.Uri.joinPath(folder, 'cart-timeouts.postmortem.md');
      writeFileSync(file.fsPath, POSTMORTEM);
      // The extension reads a token from the environment when none is stored, as the CLI does.
      process.env.HINDSIGHT_JIRA_TOKEN = 'host-test-token';
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file), {
        preview: false,
      });

      const written = new Promise<void>((resolve) => {
        const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.document !== editor.document || !e.document.getText().includes('PAY-2')) return;
          subscription.dispose();
          resolve();
        });
      });
      const command = vscode.commands.executeCommand('hindsight.exportActionItems');
      await drive([
        { do: 'waitFor', selector: '.quick-input-widget', text: 'Create 2 Tickets in jira (jira-cloud)' },
        { do: 'waitFor', selector: '.quick-input-list .monaco-list-row', text: 'Size the cache from peak sessions' },
        { do: 'shot', name: 'export-confirm' },
        { do: 'press', key: 'Enter' },
      ]);
      await command;
      await written;

      assert.deepEqual(violations, []);
      assert.deepEqual(
        jira.issues.map((i) => i.summary),
        ['Alert on cache eviction rate', 'Size the cache from peak sessions'],
      );
      const text = editor.document.getText();
      assert.match(text, /Alert on cache eviction rate\s*\|.*\[PAY-1\]\(http:\/\/127\.0\.0\.1:\d+\/browse\/PAY-1\)/);
      assert.match(text, /Size the cache from peak sessions\s*\|.*\[PAY-2\]/);
      assert.match(text, /\|\s*OPS-7\s*\|/, 'the row that had a ticket is left as it was');
      const auth = server.requests.map((r) => r.headers.authorization);
      assert.ok(
        auth.every((a) => a === `Basic ${Buffer.from('bot@example.com:host-test-token').toString('base64')}`),
        JSON.stringify(auth),
      );

      // Again: every row now has a ticket, so nothing is created and no dialog asks.
      const creates = server.requests.filter((r) => r.url.endsWith('/issue/bulk')).length;
      await vscode.commands.executeCommand('hindsight.exportActionItems');
      assert.equal(server.requests.filter((r) => r.url.endsWith('/issue/bulk')).length, creates);
      assert.equal(jira.issues.length, 2);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    } finally {
      delete process.env.HINDSIGHT_JIRA_TOKEN;
      await server.close();
    }
  });
});
