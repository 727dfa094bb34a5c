/** The status bar's text for the active postmortem (client/src/statusBarText.ts, no VS Code needed). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusBarText } from '../../../client/src/statusBarText';

describe('statusBarText', () => {
  it('shows severity, time to resolve and problem count', () => {
    const { text, tooltip } = statusBarText({ severity: 'SEV2', ttrMinutes: 66, problems: 3 });
    assert.equal(text, '$(history) SEV2 · TTR 1h 6m · $(warning) 3 problems');
    assert.match(tooltip, /^Severity: SEV2$/m);
    assert.match(tooltip, /^Time to resolve: 1h 6m$/m);
    assert.match(tooltip, /^Problems: 3$/m);
    assert.match(tooltip, /Problems view/);
  });

  it('says what is missing rather than leaving a gap', () => {
    const { text, tooltip } = statusBarText({ problems: 0 });
    assert.equal(text, '$(history) no severity · no TTR · $(check) no problems');
    assert.match(tooltip, /Severity: not set in the frontmatter/);
    assert.match(tooltip, /Time to resolve: unknown/);
  });

  it('counts one problem in the singular', () => {
    assert.match(
      statusBarText({ severity: 'SEV1', ttrMinutes: 0, problems: 1 }).text,
      /TTR 0m · \$\(warning\) 1 problem$/,
    );
  });

  it('keeps a severity written by the author from becoming an icon or filling the bar', () => {
    const { text } = statusBarText({ severity: '$(bug) ' + 'x'.repeat(100), problems: 0 });
    assert.ok(!text.includes('$(bug)'));
    assert.ok(text.length < 80, text);
  });

  it('ignores a time to resolve that is not a duration', () => {
    assert.match(statusBarText({ ttrMinutes: Number.NaN, problems: 0 }).text, /no TTR/);
    assert.match(statusBarText({ ttrMinutes: -5, problems: 0 }).text, /no TTR/);
  });
});
