/**
 * "Hindsight: Import Timeline…" (client/src/import/command.ts) driven through a fake `vscode`,
 * talking to the real `hindsight/importTimeline` handler in-process: the source and file picked,
 * the rows previewed ticked, one edit applied to the open postmortem.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyEdit } from '../../../server/src/core/import/merge';
import { fakeVscode, installVscode, Position, Range, Uri } from '../extension/fakeVscode';
import { FIXTURES, importServer, POSTMORTEM, POSTMORTEM_TEXT } from './importServer';

class WorkspaceEdit {
  readonly edits: { uri: Uri; range: Range; text: string }[] = [];
  replace(uri: Uri, range: Range, text: string): void {
    this.edits.push({ uri, range, text });
  }
}

interface Answers {
  source: string | undefined;
  file: string | undefined;
  input?: string;
  /** Which preview rows to leave ticked, by index; all when absent. */
  keep?: number[];
}

const shared: Record<string, unknown> = {};
let uninstall: () => void;
let register: (context: { subscriptions: unknown[] }, client: unknown) => void;
before(() => {
  uninstall = installVscode(shared);
  ({ registerImportTimeline: register } = require('../../../client/src/import/command') as {
    registerImportTimeline: typeof register;
  });
});
after(() => uninstall());

async function run(answers: Answers) {
  const fake = fakeVscode({ picks: [], inputs: [answers.input], folders: [FIXTURES] });
  const applied: WorkspaceEdit[] = [];
  const previews: { label: string; picked?: boolean }[][] = [];
  const infos: string[] = [];
  const window = fake.api.window as Record<string, unknown>;
  Object.assign(window, {
    activeTextEditor: { document: { uri: Uri.file(POSTMORTEM), languageId: 'markdown' } },
    showInformationMessage: async (message: string) => void infos.push(message),
    showOpenDialog: async () => (answers.file ? [Uri.file(answers.file)] : undefined),
    showQuickPick: async (
      items: { label: string; description?: string; picked?: boolean }[],
      options: { canPickMany?: boolean },
    ) => {
      if (!options.canPickMany) return items.find((i) => i.description === answers.source);
      previews.push(items);
      return answers.keep ? answers.keep.map((i) => items[i]) : items;
    },
  });
  const workspace = fake.api.workspace as Record<string, unknown>;
  workspace.applyEdit = async (edit: WorkspaceEdit) => (applied.push(edit), true);
  for (const key of Object.keys(shared)) delete shared[key];
  Object.assign(shared, fake.api, { WorkspaceEdit, Position, Range });
  register({ subscriptions: [] }, importServer());
  await fake.run('hindsight.importTimeline');
  return { ...fake.recorded, applied, previews, infos };
}

/** The postmortem as it reads after the one edit the command applied. */
function afterEdit(edit: WorkspaceEdit): string {
  assert.equal(edit.edits.length, 1, 'one edit, one undo');
  const [{ range, text }] = edit.edits;
  return applyEdit(POSTMORTEM_TEXT, { range: { start: { ...range.start }, end: { ...range.end } }, newText: text });
}

describe('Hindsight: Import Timeline…', () => {
  it('previews every row ticked and inserts the kept ones as one edit', async () => {
    const recorded = await run({
      source: 'pagerduty',
      file: join(FIXTURES, 'pagerduty', 'log_entries.json'),
      keep: [0, 3],
    });
    assert.deepEqual(recorded.errors, []);
    assert.deepEqual(
      recorded.previews[0].map((i) => [i.label, i.picked]),
      [
        ['2024-03-05 14:04 UTC · search-api', true],
        ['2024-03-05 14:07 UTC · Aiko Tanaka', true],
        ['2024-03-05 14:19 UTC · Chidi Okoro', true],
        ['2024-03-05 14:44 UTC · Aiko Tanaka', true],
      ],
    );
    const text = afterEdit(recorded.applied[0]);
    assert.match(text, /\| 2024-03-05 14:04 \| search-api: Triggered through the API \[detected\] \|/);
    assert.match(text, /\| 2024-03-05 14:44 \| Aiko Tanaka: Resolved by Aiko Tanaka \[resolved\] \|/);
    assert.doesNotMatch(text, /R0ACKN0001|R0ANNO0001/);
    assert.deepEqual(recorded.infos, ['Hindsight inserted 2 timeline rows. 1 notification entries were left out.']);
  });

  it('asks Slack for its channels and reports the redactions', async () => {
    const recorded = await run({ source: 'slack', file: join(FIXTURES, 'slack', 'export'), input: 'inc-search' });
    assert.deepEqual(recorded.errors, []);
    assert.equal(recorded.previews[0].length, 4);
    assert.ok(
      recorded.infos[0].startsWith(
        'Hindsight inserted 4 timeline rows; 2 emails or secrets redacted. 1 user id(s) not in users.json',
      ),
      recorded.infos.join('\n'),
    );
  });

  it('shows the reason for input it cannot import, and changes nothing', async () => {
    const recorded = await run({ source: 'grafana', file: join(FIXTURES, 'table', 'events.csv') });
    assert.equal(recorded.applied.length, 0);
    assert.match(recorded.errors[0], /^Hindsight could not import the timeline: events\.csv is not JSON/);
  });

  it('does nothing when the user cancels', async () => {
    for (const answers of [
      { source: undefined, file: undefined },
      { source: 'git', file: undefined },
      { source: 'pagerduty', file: join(FIXTURES, 'pagerduty', 'log_entries.json'), keep: [] },
    ]) {
      const recorded = await run(answers);
      assert.equal(recorded.applied.length, 0);
      assert.deepEqual(recorded.errors, []);
    }
  });
});
