/** What "Hindsight: Why No Diagnostics?" says in each case (client/src/whyNoDiagnosticsMessage.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { whyNoDiagnosticsMessage, type WhyInput } from '../../../client/src/whyNoDiagnosticsMessage';

const base: WhyInput = {
  fileName: 'notes.md',
  languageId: 'markdown',
  scheme: 'file',
  problems: 0,
  run: 'onType',
  dirty: false,
};
const why = (input: Partial<WhyInput>) => whyNoDiagnosticsMessage({ ...base, ...input });

describe('whyNoDiagnosticsMessage', () => {
  it('explains that only Markdown is checked', () => {
    const { message, setting } = why({ fileName: 'app.ts', languageId: 'typescript' });
    assert.match(message, /Markdown files only, and "app\.ts" is in typescript/);
    assert.equal(setting, undefined);
  });

  it('explains that documents from other schemes are not checked', () => {
    assert.match(why({ scheme: 'git' }).message, /comes from "git:"/);
  });

  it('passes on why the server could not be asked', () => {
    assert.match(
      why({ error: 'Client is not running' }).message,
      /could not ask its language server about "notes\.md": Client is not running/,
    );
  });

  it('gives the reason a file is not a postmortem and how to make it one', () => {
    const reason =
      'its frontmatter has no `type: postmortem` and its path matches none of the include patterns ' +
      '(`**/postmortems/**/*.md`)';
    const { message, setting } = why({ classification: { postmortem: false, reason } });
    assert.ok(message.startsWith(`"notes.md" is not treated as a postmortem because ${reason}.`), message);
    assert.match(message, /`type: postmortem`.*`hindsight\.include`/);
    assert.equal(setting, 'hindsight.include');
  });

  it('points at the Problems view when there are findings', () => {
    const classification = { postmortem: true, reason: 'its frontmatter says `type: postmortem`' };
    assert.match(
      why({ classification, problems: 1 }).message,
      /is a postmortem \(its frontmatter says `type: postmortem`\), and Hindsight reports 1 problem in it: see the Problems view/,
    );
    assert.match(why({ classification, problems: 4 }).message, /reports 4 problems/);
  });

  it('says a postmortem has no findings, and mentions hindsight.run when it is onSave', () => {
    const classification = {
      postmortem: true,
      reason: 'its path matches the include pattern `**/postmortems/**/*.md`',
    };
    const onType = why({ classification });
    assert.match(onType.message, /found nothing to report/);
    assert.doesNotMatch(onType.message, /hindsight\.run/);
    assert.equal(onType.setting, undefined);

    const onSave = why({ classification, run: 'onSave', dirty: true });
    assert.match(
      onSave.message,
      /found nothing to report.*`hindsight\.run` is `onSave`.*save it to check your latest changes/,
    );
    assert.equal(onSave.setting, 'hindsight.run');
    assert.doesNotMatch(why({ classification, run: 'onSave' }).message, /save it/);
  });
});
