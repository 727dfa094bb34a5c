import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { loadConfig } from '../../../server/src/core/config/load';

const FOLDER = join(__dirname, '..', '..', 'fixtures', 'config', 'typo');
const POSTMORTEM = readFileSync(join(FOLDER, '2025-02-11-cache-stampede.md'), 'utf8');
const problems = () => checkDocument(analyzeText(POSTMORTEM), loadConfig(FOLDER), { today: '2025-06-01' });
const found = (code: string) => problems().filter((p) => p.code === code);

describe('unknown rule names', () => {
  it('in the configuration: a warning each, with the nearest rule when one is close', () => {
    const messages = found('config/unknown-rule').map((p) => p.message);
    assert.deepEqual(messages, [
      '.hindsight.json configures "blameless/human-eror", which is not a Hindsight rule; did you mean ' +
        '"blameless/human-error"?',
      '.hindsight.json configures "readability/too-long", which is not a Hindsight rule; it has no effect.',
    ]);
  });

  it('in the configuration: the rest of it still applies', () => {
    assert.equal(loadConfig(FOLDER).error, undefined);
    assert.equal(found('blameless/human-error').length, 1, 'the misspelt "off" does not turn the rule off');
  });

  it('in disable comments: a warning on the name itself, with the nearest rule or family', () => {
    const unknown = found('suppressions/unknown-rule').map((p) => ({
      at: `${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.character + 1}`,
      message: p.message,
    }));
    assert.deepEqual(unknown, [
      {
        at: '12:34-54',
        message:
          '"blameles/human-error" is not a Hindsight rule or family, so this comment does not suppress it; ' +
          'did you mean "blameless/human-error"?',
      },
      {
        at: '18:39-47',
        message:
          '"sectoins" is not a Hindsight rule or family, so this comment does not suppress it; did you ' +
          'mean "sections"?',
      },
    ]);
  });

  it('in disable comments: a reason after "--" is not taken for a rule name', () => {
    assert.deepEqual(
      found('blameless/human-error').map((p) => p.range.start.line + 1),
      [13],
      'line 16 is suppressed by its family, with a reason given',
    );
  });
});
