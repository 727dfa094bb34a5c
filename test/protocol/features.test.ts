import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixture, TestClient, type Diagnostic } from './client';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes: Record<string, { range: Diagnostic['range']; newText: string }[]> };
  command?: { command: string; arguments?: unknown[] };
}

describe('editor features over stdio', () => {
  const client = new TestClient({ pull: true });
  const { uri, text } = fixture('features.md');
  let diagnostics: Diagnostic[] = [];
  const request = <T>(method: string, params: object) =>
    client.connection.sendRequest<T>(method, { textDocument: { uri }, ...params });

  before(async () => {
    const init = await client.initialize();
    for (const capability of [
      'codeActionProvider',
      'hoverProvider',
      'completionProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'codeLensProvider',
    ]) {
      assert.ok(init.capabilities[capability], capability);
    }
    client.open('features.md');
    diagnostics = (await client.pull(uri)).items;
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('reports rule findings with a link to the rule doc', () => {
    const normative = diagnostics.find((d) => d.code === 'blameless/normative');
    assert.ok(normative, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.equal(normative.range.start.line, 14);
    assert.match(
      (normative as { codeDescription?: { href: string } }).codeDescription!.href,
      /^file:.*docs\/rules\/blameless\/normative\.md$/,
    );
    assert.ok(diagnostics.some((d) => d.code === 'sections/missing'));
    assert.ok(diagnostics.some((d) => d.code === 'metrics/mismatch'));
  });

  it('offers the rule fix, disable for line and file, and the rule doc; the fix removes the finding', async () => {
    const normative = diagnostics.find((d) => d.code === 'blameless/normative')!;
    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      range: normative.range,
      context: { diagnostics: [normative] },
    });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Remove "mistakenly"'), titles.join(' | '));
    assert.ok(titles.includes('Disable blameless/normative for this line'));
    assert.ok(titles.includes('Disable blameless/normative for this file'));
    assert.ok(actions.some((a) => a.command?.command === 'hindsight.openRuleDoc'));
    const fix = actions.find((a) => a.title === 'Remove "mistakenly"')!;
    assert.equal(fix.isPreferred, true);
    const [edit] = fix.edit!.changes[uri];
    const lines = text.split('\n');
    const line = lines[edit.range.start.line];
    lines[edit.range.start.line] =
      line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
    client.change(uri, 2, lines.join('\n'));
    const after = (await client.pull(uri)).items;
    assert.ok(!after.some((d) => d.code === 'blameless/normative'));
    assert.ok(lines[14].startsWith('The team concluded'));
    client.change(uri, 3, text);
    await client.pull(uri);
  });

  it('offers each finding its own fix when findings of one rule share a range, and each action once', async () => {
    const other = client.open('sections-missing.md');
    const missing = (await client.pull(other.uri)).items.filter((d) => d.code === 'sections/missing');
    assert.ok(
      missing.length >= 2 && missing.every((d) => JSON.stringify(d.range) === JSON.stringify(missing[0].range)),
      JSON.stringify(missing),
    );
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: other.uri },
      range: missing[0].range,
      context: { diagnostics: missing },
    });
    const titles = actions.map((a) => a.title);
    assert.equal(new Set(titles).size, titles.length, titles.join(' | '));
    const adds = titles.filter((t) => t.startsWith('Add the'));
    assert.equal(adds.length, missing.length, titles.join(' | '));
  });

  it('answers source.fixAll.hindsight with every automatic fix', async () => {
    const [fixAll] = await request<CodeAction[]>('textDocument/codeAction', {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.hindsight'] },
    });
    assert.equal(fixAll.kind, 'source.fixAll.hindsight');
    const texts = fixAll.edit!.changes[uri].map((e) => e.newText);
    assert.ok(texts.includes(''), 'removes "mistakenly"');
    assert.ok(
      texts.some((t) => t.includes('## Actions taken')),
      'inserts the missing section',
    );
    assert.ok(texts.includes('38 minutes'), 'writes the computed duration');
  });

  it('hovers a timeline row with its time, the elapsed time and the metrics of its milestone', async () => {
    const hover = await request<{ contents: { value: string } }>('textDocument/hover', {
      position: { line: 23, character: 5 },
    });
    assert.match(hover.contents.value, /2025-03-04 14:11 UTC/);
    assert.match(hover.contents.value, /9m after the start/);
    assert.match(hover.contents.value, /Milestone \*\*detected\*\*/);
    assert.match(hover.contents.value, /Time to detect \| `detected − started` \| 9m/);
  });

  it('hovers a finding with its rule explanation', async () => {
    const hover = await request<{ contents: { value: string } }>('textDocument/hover', {
      position: { line: 14, character: 12 },
    });
    assert.match(hover.contents.value, /\*\*blameless\/normative\*\*: Verdicts on decisions/);
  });

  it('completes severities in the frontmatter and missing sections in headings', async () => {
    const severities = await request<{ label: string }[]>('textDocument/completion', {
      position: { line: 4, character: 10 },
    });
    assert.deepEqual(
      severities.map((c) => c.label),
      ['SEV0', 'SEV1', 'SEV2', 'SEV3', 'SEV4'],
    );
    client.change(uri, 4, text + '\n## ');
    const sections = await request<{ label: string }[]>('textDocument/completion', {
      position: { line: text.split('\n').length, character: 3 },
    });
    assert.deepEqual(
      sections.map((c) => c.label),
      ['Actions taken'],
    );
    client.change(uri, 5, text);
  });

  it('outlines sections with milestones and folds them; shows the metrics above the timeline', async () => {
    const symbols = await request<{ name: string; children?: { name: string; children?: { name: string }[] }[] }[]>(
      'textDocument/documentSymbol',
      {},
    );
    const timeline = symbols[0].children!.find((s) => s.name === 'Timeline')!;
    assert.deepEqual(
      timeline.children!.map((c) => c.name),
      ['started: 14:02 UTC', 'detected: 14:11 UTC', 'mitigated: 14:40 UTC', 'resolved: 15:08 UTC'],
    );
    const folds = await request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', {});
    assert.ok(
      folds.some((f) => f.startLine === 16 && f.endLine === 25),
      JSON.stringify(folds),
    );
    const [lens] = await request<{ range: Diagnostic['range']; command: { title: string } }[]>(
      'textDocument/codeLens',
      {},
    );
    assert.equal(lens.range.start.line, 16);
    assert.equal(lens.command.title, 'TTD 9m · TTM 38m · TTR 1h 6m');
  });

  it('reports every postmortem in the workspace, open or not', async () => {
    const report = await client.connection.sendRequest<{ items: { uri: string; items: Diagnostic[] }[] }>(
      'workspace/diagnostic',
      { previousResultIds: [] },
    );
    const files = report.items.map((i) => i.uri.split('/').pop()).sort();
    assert.deepEqual(files, ['ambiguous-zone.md', 'broken-frontmatter.md', 'features.md', 'sections-missing.md']);
    const closed = report.items.find((i) => i.uri.endsWith('ambiguous-zone.md'))!;
    assert.ok(closed.items.some((d) => d.code === 'timeline/ambiguous-zone'));
  });
});
