/**
 * The Backstage service catalog: catalog files read (several YAML documents each), found from a
 * postmortem's folder with the core file discovery, and offered when completing `services:`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { CancellationToken } from 'vscode-languageserver';
import {
  catalogFor,
  findService,
  forgetCatalogs,
  parseCatalogFile,
  serviceNames,
  shortRef,
} from '../../../server/src/core/catalog/catalog';
import { loadConfig } from '../../../server/src/core/config/load';
import { buildReport } from '../../../server/src/core/insights/aggregate';
import { collectIncidents } from '../../../server/src/core/insights/collect';
import { analyzeText } from '../../../server/src/core/analyzer';
import { analysedDocument } from '../../../server/src/lsp/analysed';
import { completion } from '../../../server/src/lsp/completion';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';

const FRONTMATTER_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'rules', 'frontmatter');

describe('catalog files', () => {
  it('reads every Component and System of a file of several documents, with owner and system', () => {
    const text = [
      'kind: System\nmetadata:\n  name: storefront\nspec:\n  owner: group:default/web',
      'kind: Component\nmetadata:\n  name: cart\nspec:\n  owner: user:ops/ana\n  system: system:default/storefront',
      'kind: API\nmetadata:\n  name: cart-api',
      'kind: Group\nmetadata:\n  name: web',
    ].join('\n---\n');
    const { entities, errors } = parseCatalogFile(text, 'catalog-info.yaml');
    assert.deepEqual(errors, []);
    assert.deepEqual(
      entities.map((e) => [e.kind, e.name, e.owner, e.system, e.line]),
      [
        ['System', 'storefront', 'web', 'storefront', 1],
        ['Component', 'cart', 'ops/ana', 'storefront', 7],
      ],
    );
  });

  it('names a broken document and a nameless entity by line, and keeps the rest', () => {
    const text =
      'kind: Component\nmetadata:\n  name: [unclosed\n---\nkind: System\nmetadata: {}\n---\n' +
      'kind: System\nmetadata:\n  name: ok\n';
    const { entities, errors } = parseCatalogFile(text, 'catalog-info.yaml');
    assert.deepEqual(
      entities.map((e) => e.name),
      ['ok'],
    );
    assert.equal(errors.length, 2);
    assert.match(errors[0]!, /^line 1: /);
    assert.match(errors[1]!, /^line 5: a System with no metadata\.name/);
  });

  it('shortens entity references in the default namespace only', () => {
    assert.deepEqual(['group:default/payments', 'group:ops/payments', 'payments', '', 7].map(shortRef), [
      'payments',
      'ops/payments',
      'payments',
      undefined,
      undefined,
    ]);
  });
});

describe('the catalog around a postmortem', () => {
  it('is the nearest folder holding a catalog file and every catalog file below it', () => {
    const catalog = catalogFor(FRONTMATTER_FIXTURES)!;
    assert.equal(catalog.root, FRONTMATTER_FIXTURES);
    assert.deepEqual(serviceNames(catalog), ['checkout-api', 'queue', 'storefront']);
    assert.equal(findService(catalog, 'Checkout-API')?.owner, 'payments');
    assert.equal(findService(catalog, 'queue')?.system, 'storefront');
    assert.equal(findService(catalog, 'queue-api'), undefined);
    assert.equal(loadConfig(FRONTMATTER_FIXTURES).config.catalog?.entities.length, 3);
  });

  it('is absent where no folder above holds one', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hindsight-nocatalog-'));
    try {
      assert.equal(catalogFor(folder), undefined);
      assert.equal(loadConfig(folder).config.catalog, undefined);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads a changed file again, and finds a new one once told to forget', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hindsight-catalog-'));
    try {
      const file = join(folder, 'catalog-info.yaml');
      writeFileSync(file, 'kind: Component\nmetadata:\n  name: one\n');
      assert.deepEqual(serviceNames(catalogFor(folder)!), ['one']);
      writeFileSync(file, 'kind: Component\nmetadata:\n  name: two\n');
      utimesSync(file, new Date(), new Date(Date.now() + 5000));
      assert.deepEqual(serviceNames(catalogFor(folder)!), ['two']);
      writeFileSync(join(folder, 'catalog-info.yml'), 'kind: System\nmetadata:\n  name: three\n');
      assert.deepEqual(serviceNames(catalogFor(folder)!), ['two']);
      forgetCatalogs();
      assert.deepEqual(serviceNames(catalogFor(folder)!), ['three', 'two']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('completes `services:` with the catalog names first', () => {
    const uri = pathToFileURL(join(FRONTMATTER_FIXTURES, 'new-postmortem.md')).toString();
    const text = '---\ntype: postmortem\nservices: [\n---\n# New\n';
    const loaded = loadConfig(FRONTMATTER_FIXTURES);
    const subject = analysedDocument(analyzeText(text, uri, { defaultZone: loaded.config.zone }), loaded);
    const items = completion(
      subject,
      { position: { line: 2, character: 11 } },
      DEFAULT_SETTINGS,
      CancellationToken.None,
    );
    assert.deepEqual(
      items.map((i) => i.label),
      ['checkout-api', 'queue', 'storefront'],
    );
  });
});

describe('the report by the catalog owner and system', () => {
  const ROOT = join(__dirname, '..', '..', '..');
  const { incidents, skipped } = collectIncidents(['test/fixtures/insights/tree'], { base: ROOT });
  const options = { today: '2025-07-01', minConfidence: 'high', staleAfterDays: 10, dueWithinDays: 7 } as const;
  const slug = (file: string) =>
    file
      .split('/')
      .pop()!
      .replace(/^\d{4}-\d{2}-\d{2}-|\.md$/g, '');

  it('lists the postmortems of each owner and system, as worked out in the fixture notes', () => {
    const { catalog } = buildReport(incidents, skipped, { ...options, groupBy: 'severity' });
    const named = (groups: { name: string; postmortems: { file: string }[] }[]) =>
      groups.map((g) => [g.name, g.postmortems.map((p) => slug(p.file))]);
    assert.deepEqual(named(catalog!.byOwner), [
      ['payments', ['api-errors', 'db-failover', 'api-outage']],
      ['platform', ['db-failover', 'db-disk']],
    ]);
    assert.deepEqual(named(catalog!.bySystem), [
      ['storefront', ['api-errors', 'db-failover', 'api-outage']],
      ['data', ['db-failover', 'db-disk']],
    ]);
  });

  it('groups durations by owner, services outside the catalog under "(none)"', () => {
    const { durations } = buildReport(incidents, skipped, { ...options, groupBy: 'owner' });
    assert.deepEqual(
      durations.byGroup.map((g) => [g.group, g.metrics.ttd.median, g.metrics.ttd.count]),
      [
        ['(none)', 3, 1],
        ['payments', 20, 3],
        ['platform', 15, 2],
      ],
    );
  });
});
