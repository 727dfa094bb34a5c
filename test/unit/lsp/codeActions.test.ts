/**
 * The server's code actions (server/src/lsp/codeActions.ts), in process, for the finding under a fixture's
 * cursor: in the order and with the kinds an editor relies on (VS Code drops an action whose kind is not
 * what it asked for).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { codeActions, FIX_ALL_KIND } from '../../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../../server/src/lsp/convert';
import { CANCELLED, LIVE, openFixture, SETTINGS } from './cursor';

/** The fixture analysed, the findings under its cursor as the editor sends them, and a way to ask for actions. */
function setUp(name: string) {
  const { subject, position } = openFixture(name);
  const covers = (d: Diagnostic) =>
    d.range.start.line === position.line &&
    d.range.start.character <= position.character &&
    position.character <= d.range.end.character;
  const diagnostics = subject.problems.map(toDiagnostic).filter(covers);
  const range = { start: position, end: position };
  const ask = (only?: string[], token = LIVE) =>
    codeActions(subject, { range, context: { diagnostics, only } }, SETTINGS, token);
  return { diagnostics, ask };
}

const isDisable = (a: CodeAction) => a.title.startsWith('Disable ');
const isFixAll = (a: CodeAction) => a.title.startsWith('Fix all ');
const isDocs = (a: CodeAction) => a.command?.command === 'hindsight.openRuleDoc';

describe('code actions on a blame finding', () => {
  it('finds the blame finding under the cursor', () => {
    const { diagnostics } = setUp('blame-cursor.md');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['blameless/normative'],
    );
  });

  it('gives every action a kind', () => {
    const actions = setUp('blame-cursor.md').ask();
    assert.ok(actions.length >= 5, actions.map((a) => a.title).join(' | '));
    for (const action of actions) assert.ok(action.kind, `"${action.title}" has no kind`);
  });

  it("puts the rule's own fix first and preferred, fix all next, the disables last and never preferred", () => {
    const actions = setUp('blame-cursor.md').ask();
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], 'Remove "mistakenly"', titles.join(' | '));
    assert.equal(actions[0].isPreferred, true);
    const lastFix = titles.lastIndexOf('Remove "mistakenly"');
    const fixAll = actions.findIndex(isFixAll);
    const docs = actions.findIndex(isDocs);
    const firstDisable = actions.findIndex(isDisable);
    assert.ok(lastFix < fixAll && fixAll < docs && docs < firstDisable, titles.join(' | '));
    assert.ok(actions.slice(firstDisable).every(isDisable), titles.join(' | '));
    assert.equal(actions.filter(isDisable).length, 2);
    assert.ok(actions.filter(isDisable).every((a) => !a.isPreferred));
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
  });

  it('keeps the documentation when only quick fixes are asked for, as the Problems panel does', () => {
    const actions = setUp('blame-cursor.md').ask(['quickfix']);
    assert.ok(actions.some(isDocs));
    assert.ok(
      actions.every((a) => a.kind === 'quickfix'),
      actions.map((a) => `${a.title}: ${a.kind}`).join(' | '),
    );
  });

  it('answers a request for fix all on save with that action alone', () => {
    const actions = setUp('blame-cursor.md').ask([FIX_ALL_KIND]);
    assert.deepEqual(
      actions.map((a) => a.kind),
      [FIX_ALL_KIND],
    );
  });
});

describe('code actions of a cancelled request', () => {
  it('answers nothing', () => {
    const { ask } = setUp('blame-cursor.md');
    assert.ok(ask().length > 0);
    assert.deepEqual(ask(undefined, CANCELLED), []);
  });
});
