import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { familiesIn, type Family } from '../../../server/src/core/metrics/features';

const names = (text: string, family: Family) => familiesIn(text).families.includes(family);

describe('word families match in their sense', () => {
  it('a report of trouble is a report; a report that something passes or works is not', () => {
    assert.ok(names('Customers report that checkout fails', 'report'));
    assert.ok(names('Users reported slow page loads', 'report'));
    assert.ok(!names('Release engineer reports that the upgrade test passes', 'report'));
    assert.ok(!names('QA reports the staging build works', 'report'));
  });

  it('a patch applied is a mitigation; a patch planned or described is not', () => {
    assert.ok(names('Patched the load balancers', 'mitigate'));
    assert.ok(names('The patch was applied to every node', 'mitigate'));
    assert.ok(names('Released a patch for the parser', 'mitigate'));
    assert.ok(!names('The team agreed to release a patch next week', 'mitigate'));
    assert.ok(!names('The wasm patch is state breaking', 'mitigate'));
  });

  it('redirecting traffic is a mitigation; a redirect loop is a symptom', () => {
    assert.ok(names('Redirected traffic to the standby region', 'mitigate'));
    assert.ok(names('Redirecting users to the status page', 'mitigate'));
    assert.ok(!names('The site went into a redirect loop', 'mitigate'));
    assert.ok(names('The site went into a redirect loop', 'symptom'));
    assert.ok(!names('Pages fell into a redirect loop because the proxy asked for plain HTTP', 'mitigate'));
    assert.ok(names('Requests redirected to the mirror', 'mitigate'));
  });

  it('a system starting again is a recovery; a system starting to fail is not', () => {
    assert.ok(names('Consensus reached and the chain starts', 'recover'));
    assert.ok(names('The payment service was restarted at 10:05', 'recover'));
    assert.ok(!names('The payment service started to fail', 'recover'));
    assert.ok(!names('The nodes started returning errors', 'recover'));
    assert.ok(!names('Start the nodes early', 'recover'));
  });

  it('a null route and capacity added are mitigations; closing a way in is a step, closing the incident is not', () => {
    assert.ok(names('The transit provider null-routed the attacked address', 'mitigate'));
    assert.ok(names('Extra capacity added to the worker pool', 'mitigate'));
    assert.ok(names('Closed the database port to the internet', 'mitigate'));
    assert.ok(!names('Closed the database port to the internet', 'closure'));
    assert.ok(names('Incident closed after a quiet hour', 'closure'));
    assert.ok(!names('Incident closed after a quiet hour', 'mitigate'));
  });

  it('a negation stays in its clause: after "and" or a comma, the next step is told as done', () => {
    assert.ok(names('The engineer stops nginx and re-enables the firewall', 'mitigate'));
    assert.ok(!familiesIn('The engineer stops nginx and re-enables the firewall').negated);
    assert.ok(familiesIn('The alerts were not yet resolved').negated);
    assert.ok(familiesIn('The node stopped responding to health checks').negated);
  });

  it('a recovery with no one acting is unaided; a restart by an engineer is not', () => {
    assert.ok(names('Error rate returns to normal without intervention', 'unaided'));
    assert.ok(names('Replication caught up on its own', 'unaided'));
    assert.ok(names('The queue recovered automatically after the burst', 'unaided'));
    assert.ok(!names('The on-call engineer restarted the queue workers', 'unaided'));
  });

  it('rolling something back is a mitigation, with the object before "back" too; rolling it out is not', () => {
    assert.ok(names('Rolled back the gateway release', 'mitigate'));
    assert.ok(names('The on-call engineer rolled the gateway release back', 'mitigate'));
    assert.ok(names('Rolling api-v2 back on every node', 'mitigate'));
    assert.ok(!names('Rolled out the new gateway release', 'mitigate'));
    assert.ok(!names('Rolled out the gateway release, and traffic came back', 'mitigate'));
  });
});
