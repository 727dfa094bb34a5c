/**
 * The insights view: the server's `hindsight/insights` request over a copy of the fixture tree
 * (test/fixtures/insights), the cache that re-reads only saved files, and the client's reading of
 * a clicked link.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { linkTarget } from '../../../client/src/insights/links';
import { IncidentCache } from '../../../server/src/core/insights/collect';
import { DocumentStore } from '../../../server/src/lsp/documents';
import { FolderInsights, registerInsights } from '../../../server/src/lsp/insights';
import { INSIGHTS_REQUEST, type InsightsParams, type InsightsResult } from '../../../server/src/shared/requests';

const TREE = join(__dirname, '..', '..', 'fixtures', 'insights', 'tree');
const NONCE = 'bm9uY2Vub25jZW5vbmNlbm9uY2U=';

function copyOfTree(): string {
  const folder = mkdtempSync(join(tmpdir(), 'hindsight-insights-'));
  cpSync(TREE, folder, { recursive: true });
  return folder;
}

function server() {
  const handlers = new Map<string, (params: unknown) => unknown>();
  const on =
    (name: string) =>
    (...args: unknown[]) => {
      handlers.set(typeof args[0] === 'string' ? args[0] : name, args[args.length - 1] as (p: unknown) => unknown);
      return { dispose() {} };
    };
  const connection = new Proxy({}, { get: (_, key: string) => on(key) }) as unknown as Connection;
  const store = new DocumentStore(connection);
  store.configure([], false);
  registerInsights(connection, store, new FolderInsights());
  return (params: InsightsParams) => handlers.get(INSIGHTS_REQUEST)!(params) as Promise<InsightsResult | null>;
}

describe('hindsight/insights', () => {
  const folder = copyOfTree();
  after(() => rmSync(folder, { recursive: true, force: true }));
  const request = server();
  const apiErrors = join(folder, 'postmortems', '2025-01-10-api-errors.md');

  it('gives the report page with its one nonce script and links to the postmortems at their lines', async () => {
    const result = (await request({ folder: pathToFileURL(folder).toString(), nonce: NONCE }))!;
    assert.equal(result.postmortems, 6);
    assert.equal(result.skipped, 2);
    assert.match(result.html, new RegExp(`script-src &#39;nonce-${NONCE}&#39;`));
    assert.equal(result.html.match(/<script/g)?.length, 1);
    assert.match(result.html, /<script nonce="[^"]+">[\s\S]*acquireVsCodeApi/);
    assert.match(result.html, /<a href="postmortems\/2025-01-10-api-errors\.md#L32">/);
    assert.match(result.html, /<h2>Error budget<\/h2>/);
  });

  it('reads a saved file again and shows what changed', async () => {
    const text = readFileSync(apiErrors, 'utf8').replace(
      '| Alert on the API error ratio | @ben | 2025-03-01 | Open |',
      '| Alert on the API error ratio | @ben | 2025-03-01 | Done |',
    );
    writeFileSync(apiErrors, text);
    const result = (await request({
      folder: pathToFileURL(folder).toString(),
      nonce: NONCE,
      changed: [pathToFileURL(apiErrors).toString()],
    }))!;
    assert.doesNotMatch(result.html, /2025-01-10-api-errors\.md#L32/);
  });

  it('refuses a folder that is not one, and a malformed nonce', async () => {
    assert.equal(await request({ folder: pathToFileURL(apiErrors).toString(), nonce: NONCE }), null);
    assert.equal(await request({ folder: 'https://example.invalid/', nonce: NONCE }), null);
    assert.equal(await request({ folder: pathToFileURL(folder).toString(), nonce: '"><script>' }), null);
  });
});

describe('the insights cache', () => {
  it('keeps the analysis of unchanged files and re-reads a changed one, without a walk', () => {
    const folder = copyOfTree();
    try {
      const cache = new IncidentCache([folder], { base: folder });
      const first = cache.refresh();
      const file = join(folder, 'postmortems', '2025-03-15-db-disk.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('severity: SEV2', 'severity: SEV1'));
      const second = cache.update([file]);
      const byFile = (c: typeof first, name: string) => c.incidents.find((i) => i.file.endsWith(name))!;
      assert.equal(byFile(second, 'db-disk.md').severity, 'SEV1');
      assert.equal(byFile(second, 'api-errors.md'), byFile(first, 'api-errors.md'), 'the same analysis, not a new one');
      assert.notEqual(byFile(second, 'db-disk.md'), byFile(first, 'db-disk.md'));
      rmSync(file);
      assert.equal(cache.update([file]).incidents.length, 5);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a link clicked in the insights page', () => {
  it('opens a path inside the folder at its line', () => {
    assert.deepEqual(linkTarget({ type: 'open', href: 'postmortems/2025%20outage.md#L12' }), {
      path: 'postmortems/2025 outage.md',
      line: 12,
    });
    assert.deepEqual(linkTarget({ type: 'open', href: 'a.md' }), { path: 'a.md', line: 1 });
  });

  it('refuses what is not a relative path inside the folder', () => {
    for (const href of [
      '/etc/passwd',
      '../outside.md',
      'a/../../b.md',
      'command:workbench.action.quit',
      '%E0%A4%A.md',
    ]) {
      assert.equal(linkTarget({ type: 'open', href }), undefined, href);
    }
    assert.equal(linkTarget({ type: 'scroll', href: 'a.md' }), undefined);
    assert.equal(linkTarget(null), undefined);
  });
});
