/** The one redaction of credentials: known secrets in every form, and token shapes whoever's they are. */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { forgetSecrets, REDACTED, redactSecrets, rememberSecrets } from '../../../server/src/core/secrets';

const EMAIL = 'ops-bot@example.org';
const TOKEN = 'k3Y/+=Alpha-Bravo-Charlie';
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('redactSecrets', () => {
  afterEach(forgetSecrets);

  it('removes a remembered credential raw, URL-encoded, in base64 and as the Basic pair', () => {
    rememberSecrets({ email: EMAIL, token: TOKEN });
    const forms = [
      TOKEN,
      encodeURIComponent(TOKEN),
      base64(TOKEN),
      `${EMAIL}:${TOKEN}`,
      base64(`${EMAIL}:${TOKEN}`),
      JSON.stringify(TOKEN).slice(1, -1),
    ];
    for (const form of forms) {
      const out = redactSecrets(`the server said: ${form} (end)`);
      assert.equal(out, `the server said: ${REDACTED} (end)`, form);
    }
    assert.ok(
      !redactSecrets(`x ${base64(`${EMAIL}:${TOKEN}`).replace(/\//g, '\\/')} y`).includes(
        base64(`${EMAIL}:${TOKEN}`).slice(0, 12),
      ),
      'JSON-escaped base64',
    );
  });

  it('keeps the e-mail address alone: it is not a secret', () => {
    rememberSecrets({ email: EMAIL, token: TOKEN });
    assert.equal(redactSecrets(`assigned to ${EMAIL}`), `assigned to ${EMAIL}`);
  });

  it('removes token shapes it was never told about', () => {
    const samples = [
      'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
      'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz',
      'lin_api_' + 'Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0',
      'ATATT3xFfGF0' + 'T9rXyZ_abcDEF-123456789=ABCDEFGH',
      'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ];
    for (const sample of samples) assert.equal(redactSecrets(`token ${sample} here`), `token ${REDACTED} here`, sample);
  });

  it('removes the value of an Authorization header, keeping its name and scheme', () => {
    assert.equal(
      redactSecrets('you sent Authorization: Bearer abc.def-ghi_jkl'),
      `you sent Authorization: Bearer ${REDACTED}`,
    );
    assert.equal(redactSecrets('{"authorization":"Basic dXNlcjpwYXNz"}'), `{"authorization":"Basic ${REDACTED}"}`);
    assert.equal(redactSecrets('authorization=plainkeyvalue, next'), `authorization=${REDACTED}, next`);
    assert.equal(
      redactSecrets('GET /issues?access_token=abc123def&page=2'),
      `GET /issues?access_token=${REDACTED}&page=2`,
    );
  });

  it('leaves ordinary prose alone', () => {
    const prose = 'The bearer of bad news was the basic health check; Authorization failed for 3 users (see PAY-12).';
    assert.equal(redactSecrets(prose), prose);
  });

  it('answers quickly on long hostile input', () => {
    const hostile = 'Authorization: ' + 'Bearer '.repeat(20_000) + 'eyJ'.repeat(20_000) + '?token='.repeat(20_000);
    const start = performance.now();
    redactSecrets(hostile);
    assert.ok(performance.now() - start < 1000, 'linear, not quadratic');
  });
});
