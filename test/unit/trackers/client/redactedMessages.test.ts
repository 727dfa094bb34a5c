/**
 * The client's notification and output-channel text: whatever a tracker said, quoted in a report
 * or a log line, reaches neither with a credential in it.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { redactingLog } from '../../../../client/src/trackers/redactingLog';
import { exportReport, refreshReport } from '../../../../server/src/trackers/report';
import { forgetSecrets, rememberSecrets } from '../../../../server/src/core/secrets';

const EMAIL = 'release-bot@example.com';
const TOKEN = 'Vs/9+client=Secret-Token-42';
const PAIR64 = Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64');
const FORMS = [TOKEN, encodeURIComponent(TOKEN), PAIR64, Buffer.from(TOKEN).toString('base64')];
/** What an echoing server put in its error body, every way. */
const ECHO =
  `HTTP 401: Denied (you sent Authorization: Basic ${PAIR64}; token ${TOKEN}; ` +
  `link ?t=${encodeURIComponent(TOKEN)})`;

function assertClean(where: string, text: string): void {
  for (const form of FORMS) assert.ok(!text.includes(form), `${where} holds ${form}: ${text}`);
}

describe('tracker messages and log lines in VS Code', () => {
  afterEach(forgetSecrets);

  it('an export report quoting an echoed error holds no form of the secret, message or log', () => {
    rememberSecrets({ email: EMAIL, token: TOKEN });
    const report = exportReport({
      tracker: 'jira',
      created: [],
      skipped: 0,
      unusable: [],
      failed: [
        { index: 0, error: ECHO },
        { index: 1, error: ECHO },
      ],
      unplaced: [],
      actions: new Map([
        [0, 'Rotate the key'],
        [1, 'Alert on expiry'],
      ]),
    });
    assert.equal(report.level, 'error');
    assert.match(report.message, /2 failed/);
    assertClean('the notification', report.message);
    assert.equal(report.log.length, 2);
    for (const line of report.log) assertClean('the output channel', line);
  });

  it('a refresh report quoting an echoed error holds none either', () => {
    rememberSecrets({ email: EMAIL, token: TOKEN });
    const report = refreshReport({
      tracker: 'github',
      read: 0,
      updated: 0,
      failed: [{ key: 'acme/web#4', error: ECHO }],
      noTickets: false,
    });
    assertClean('the notification', report.message);
    for (const line of report.log) assertClean('the output channel', line);
    assert.match(report.log[0], /acme\/web#4/);
  });

  it('every line written to the output channel is redacted, even one built elsewhere', () => {
    rememberSecrets({ token: TOKEN });
    const written: string[] = [];
    const log = redactingLog({
      info: (l) => written.push(l),
      warn: (l) => written.push(l),
      error: (l) => written.push(l),
    });
    log.info(`export failed: ${ECHO}`);
    log.warn(ECHO);
    log.error(`Bearer ${TOKEN}`);
    assert.equal(written.length, 3);
    for (const line of written) assertClean('the output channel', line);
  });
});
