/** Completion (server/src/lsp/completion.ts), in process, at the cursor of each fixture. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completion, servicesNamed } from '../../../server/src/lsp/completion';
import { analyzeText } from '../../../server/src/core/analyzer';
import { CANCELLED, LIVE, openFixture, SETTINGS } from './cursor';

function labels(name: string, knownServices: string[] = []): string[] {
  const { subject, position } = openFixture(name);
  return completion(subject, { position }, SETTINGS, LIVE, { knownServices: () => knownServices }).map((i) => i.label);
}

describe('completion', () => {
  it('offers the frontmatter keys not yet written, required ones first', () => {
    const { subject, position } = openFixture('frontmatter-key.md');
    const items = completion(subject, { position }, SETTINGS, LIVE);
    const keys = items.map((i) => i.label);
    for (const present of ['type', 'title', 'status'])
      assert.ok(!keys.includes(present), `${present} is already there`);
    assert.ok(keys.includes('severity') && keys.includes('services'), keys.join(', '));
    const severity = items.find((i) => i.label === 'severity')!;
    assert.equal(severity.insertText, 'severity: ');
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    const required = subject.config.frontmatter.required.filter((k) => keys.includes(k));
    assert.deepEqual(
      sorted
        .slice(0, required.length)
        .map((i) => i.label)
        .sort(),
      [...required].sort(),
    );
  });

  it('offers keys as TOML `key = ` in a TOML frontmatter', () => {
    const { subject, position } = openFixture('toml-frontmatter-key.md');
    const items = completion(subject, { position }, SETTINGS, LIVE);
    assert.ok(!items.some((i) => i.label === 'status'), 'status is already there');
    assert.equal(items.find((i) => i.label === 'severity')?.insertText, 'severity = ');
  });

  it("offers the configuration's severities after `severity:`, in order", () => {
    const { subject } = openFixture('frontmatter-severity.md');
    assert.deepEqual(labels('frontmatter-severity.md'), subject.config.frontmatter.severities);
  });

  it('offers the services other open postmortems name after `services:`', () => {
    const neighbours = [
      analyzeText('---\ntype: postmortem\nservices: [billing, queue]\n---\n'),
      analyzeText('---\ntype: postmortem\nservices: [api, billing]\n---\n'),
    ];
    assert.deepEqual(servicesNamed(neighbours), ['api', 'billing', 'queue']);
  });

  it('offers the required sections the document lacks after `## `', () => {
    const offered = labels('new-heading.md');
    assert.ok(offered.includes('Timeline') && offered.includes('Action items'), offered.join(', '));
    assert.ok(!offered.includes('Summary'), 'the document has a summary already');
  });

  it('offers milestone markers after `[` on a timeline row', () => {
    const offered = labels('timeline-marker.md');
    assert.ok(
      ['started', 'detected', 'resolved'].every((m) => offered.includes(m)),
      offered.join(', '),
    );
  });

  it('offers nothing in plain prose, or to a cancelled request', () => {
    assert.deepEqual(labels('prose-line.md'), []);
    const { subject, position } = openFixture('frontmatter-key.md');
    assert.deepEqual(completion(subject, { position }, SETTINGS, CANCELLED), []);
  });
});
