import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { Analyzer, analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { loadConfig } from '../../../server/src/core/config/load';
import type { PostmortemDocument, TimelineEntry } from '../../../server/src/core/model';
import { dateInFileName } from '../../../server/src/core/time/fileDate';
import { findStamps, findUnreadable, leadingStamp } from '../../../server/src/core/time/stamps';

const ROOT = join(__dirname, '..', '..', '..');
const TIMELINE = join(ROOT, 'test', 'fixtures', 'timeline');
const CONFIG = join(ROOT, 'test', 'fixtures', 'config');

function fixture(name: string, today?: string): PostmortemDocument {
  return analyzeText(readFileSync(join(TIMELINE, name), 'utf8'), `file:///${name}`, { today });
}

const lines = (...all: string[]) => all.join('\n') + '\n';

/** The entry whose range starts on a 1-based line. */
function entryAt(doc: PostmortemDocument, line: number): TimelineEntry | undefined {
  return doc.timeline.entries.find((e) => e.range.start.line === line - 1);
}

const iso = (time: number | undefined) =>
  time === undefined ? undefined : new Date(time).toISOString().replace('.000Z', 'Z');

describe('unreadable dates and times', () => {
  const doc = fixture('impossible-times.md');

  it('keeps a line with an impossible time as its own entry, not glued onto the one before', () => {
    const before = entryAt(doc, 12);
    const impossible = entryAt(doc, 13);
    assert.ok(impossible, 'the 25:00 line is an entry');
    assert.equal(impossible.time, undefined);
    assert.match(impossible.text, /Alert fired/);
    assert.doesNotMatch(before!.text, /Alert fired/);
    assert.deepEqual(impossible.markers, ['detected'], 'its marker stays on it');
  });

  it('says why each one cannot be read', () => {
    const reasons = doc.problems
      .filter((p) => p.code === 'timeline/unparseable-time')
      .map((p) => [p.range.start.line + 1, p.message]);
    const expected: [number, RegExp][] = [
      [13, /hour 25 is past 23/],
      [14, /placeholder/],
      [15, /hour 24 is past 23/],
      [16, /hour 99 is past 23/],
      [21, /no such date: February has 28 days in 2025/],
      [22, /there is no month 13/],
      [23, /no such date: February has 28 or 29 days/],
    ];
    assert.equal(reasons.length, expected.length, JSON.stringify(reasons));
    for (const [[line, message], [wantLine, pattern]] of reasons.map((r, i) => [r, expected[i]] as const)) {
      assert.equal(line, wantLine);
      assert.match(String(message), pattern);
    }
  });

  it('never turns an impossible date into a zone finding', () => {
    assert.deepEqual(
      doc.problems.filter((p) => p.code !== 'timeline/unparseable-time'),
      [],
    );
  });

  it('reads a date-only row as a day, not as a time of day', () => {
    const day = entryAt(doc, 24)!;
    assert.equal(day.hasTimeOfDay, false);
    assert.equal(iso(day.time), '2025-02-27T23:00:00Z', 'the start of 28 February in CET');
  });

  it('finds the reason in the text itself', () => {
    assert.deepEqual(
      findUnreadable('07:61 restart').map((u) => u.reason),
      ['minute 61 is past 59'],
    );
    assert.deepEqual(
      findUnreadable('HH:MM - fill in').map((u) => u.reason),
      ['it is a placeholder, not a time'],
    );
    assert.deepEqual(
      findUnreadable('31 April 2024').map((u) => u.reason),
      ['no such date: April has 30 days in 2024'],
    );
    assert.deepEqual(findUnreadable('29/02/2024 12:00 and 24:00 UTC'), [], 'a leap day and 24:00 are real');
  });
});

describe('years and days never guessed silently', () => {
  it('takes the year in which the weekday written beside the date fits, looking back from now', () => {
    const in2026 = fixture('weekday-year.md', '2026-06-01');
    assert.equal(iso(in2026.timeline.entries[0].time), '2024-03-05T07:50:00Z');
    const in2031 = fixture('weekday-year.md', '2031-06-01');
    assert.equal(iso(in2031.timeline.entries[0].time), '2030-03-05T07:50:00Z', 'Tuesday 5 March again in 2030');
    assert.ok(!in2026.problems.some((p) => p.code === 'timeline/assumed-year'));
  });

  it('says so when it had to take the current year', () => {
    const text = lines(
      '# Pricing',
      '',
      '## Timeline',
      '',
      'All times in UTC.',
      '',
      'Mar 12',
      '',
      '- 14:02 Cache expires',
      '- 14:31 Cache warmed',
    );
    const doc = analyzeText(text, 'untitled:pricing.md', { today: '2025-06-01' });
    assert.equal(iso(doc.timeline.entries[0].time), '2025-03-12T14:02:00Z');
    const assumed = doc.problems.filter((p) => p.code === 'timeline/assumed-year');
    assert.equal(assumed.length, 1);
    assert.equal(assumed[0].range.start.line, 6);
    assert.match(assumed[0].message, /read in 2025/);
  });

  it('reads a date from a file name', () => {
    assert.deepEqual(dateInFileName('file:///notes/2023-04-05-cache-flush.md'), { year: 2023, month: 4, day: 5 });
    assert.deepEqual(dateInFileName('file:///notes/incident_20220131.md'), { year: 2022, month: 1, day: 31 });
    assert.equal(dateInFileName('file:///notes/2023-02-30-typo.md'), undefined);
    assert.equal(dateInFileName('file:///notes/runbook-v12.md'), undefined);
  });

  it('takes the day of prose times from a date earlier in the same prose', () => {
    const text = lines(
      '# Relay outage',
      '',
      'On November 5th ’24 the relays degraded around 11:00 GMT and failed by 17:00 GMT.',
    );
    const doc = analyzeText(text, 'untitled:relay.md', { today: '2026-01-10' });
    assert.deepEqual(
      doc.timeline.entries.map((e) => iso(e.time)),
      ['2024-11-05T11:00:00Z', '2024-11-05T17:00:00Z'],
    );
  });
});

describe('four-digit times', () => {
  const timed = (text: string) =>
    analyzeText(text)
      .timeline.entries.filter((e) => e.time !== undefined && e.hasTimeOfDay)
      .map((e) => iso(e.time));
  const head = ['---', 'date: 2024-02-01', '---', '', '# X', '', '## Timeline', ''];

  it('reads them where rows lead with them', () => {
    const text = lines(...head, 'All times in UTC.', '', '- 1405 Deploy', '- 1410 Alert', '- 1432 Rollback');
    assert.deepEqual(timed(text), ['2024-02-01T14:05:00Z', '2024-02-01T14:10:00Z', '2024-02-01T14:32:00Z']);
  });

  it('leaves years alone, even where they lead a list', () => {
    const text = lines(...head, '- 2019: service launched', '- 2021: moved to the cluster', '- 2023: rewritten');
    assert.deepEqual(timed(text), []);
    assert.equal(leadingStamp('2019 was a good year'), undefined);
    assert.deepEqual(findStamps('we served 1405 requests'), []);
  });

  it('reads one beside a zone anywhere', () => {
    const times = findStamps('paged at 1506 UTC').map((s) => s.time);
    assert.deepEqual(times, [{ hour: 15, minute: 6, second: 0, twelveHour: false }]);
  });
});

describe('a team default zone', () => {
  const path = join(CONFIG, 'zone', '2024-07-09-dns-timeout.md');
  const text = readFileSync(path, 'utf8');
  const uri = pathToFileURL(path).toString();

  it('reads times in the configured zone, and still says it was assumed', () => {
    const loaded = loadConfig(join(CONFIG, 'zone'));
    assert.equal(loaded.error, undefined);
    assert.equal(loaded.config.zone, 'Europe/Berlin');
    const doc = analyzeText(text, uri, { defaultZone: loaded.config.zone });
    assert.equal(iso(doc.timeline.entries[0].time), '2024-07-09T07:12:00Z', 'CEST in July is UTC+2');
    assert.equal(doc.timeline.entries[0].zoneFromConfig, true);
    const missing = checkDocument(doc, loaded).filter((p) => p.code === 'timeline/missing-zone');
    assert.equal(missing.length, 1);
    assert.equal(missing[0].severity, 'info');
    assert.match(missing[0].message, /default zone, Europe\/Berlin/);
  });

  it('is read as UTC without the configuration', () => {
    const doc = analyzeText(text, uri);
    assert.equal(iso(doc.timeline.entries[0].time), '2024-07-09T09:12:00Z');
    assert.match(doc.problems.find((p) => p.code === 'timeline/missing-zone')!.message, /read as UTC/);
  });

  it('gives way to a zone the document states', () => {
    const stated = text.replace('## Timeline\n', '## Timeline\n\nAll times in UTC.\n');
    const doc = analyzeText(stated, uri, { defaultZone: 'Europe/Berlin' });
    assert.equal(iso(doc.timeline.entries[0].time), '2024-07-09T09:12:00Z');
    assert.ok(!doc.problems.some((p) => p.code === 'timeline/missing-zone'));
  });

  it('is a new reading when the configured zone changes, for the same version', () => {
    const analyzer = new Analyzer();
    const first = analyzer.analyze(uri, 1, text, { defaultZone: 'UTC' });
    assert.equal(analyzer.analyze(uri, 1, text, { defaultZone: 'UTC' }), first, 'one analysis per version');
    const berlin = analyzer.analyze(uri, 1, text, { defaultZone: 'Europe/Berlin' });
    assert.notEqual(iso(berlin.timeline.entries[0].time), iso(first.timeline.entries[0].time));
  });

  it('rejects a zone that is none, with a clear error', () => {
    const loaded = loadConfig(join(CONFIG, 'bad-zone'));
    assert.match(loaded.error!.message, /"defaultZone" must be a time zone/);
    assert.equal(loaded.config.zone, undefined, 'the defaults apply meanwhile');
  });

  it('is in the JSON Schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'hindsight.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate({ zone: 'Europe/Berlin' }));
    assert.ok(validate({ defaultZone: 'UTC' }));
    assert.equal(validate({ zone: 2 }), false);
  });
});

describe('times on an unknown day', () => {
  it('read a zone abbreviation at its own offset, with no verdict from the stand-in day', () => {
    const doc = analyzeText(
      lines('# Upstream notice', '', '## Timeline', '', '- 05:00 PDT attack begins', '- 10:15 PDT null-routed'),
    );
    const read = doc.timeline.entries.map((e) => [e.dateUnknown, new Date(e.time!).toISOString().slice(11, 16)]);
    assert.deepEqual(read, [
      [true, '12:00'],
      [true, '17:15'],
    ]);
    assert.ok(!doc.problems.some((p) => p.code === 'timeline/zone-contradicts-date'));
  });
});

describe('relative offsets', () => {
  it('are reported, not invented, when no stated time comes before them', () => {
    const doc = analyzeText(
      lines('# Webhooks', '', '## Timeline', '', '- +50 minutes merchants report delays', '- [+1 hrs] pool restored'),
    );
    assert.deepEqual(
      doc.timeline.entries.map((e) => e.time),
      [undefined, undefined],
    );
    const reported = doc.problems.filter((p) => p.code === 'timeline/unparseable-time');
    assert.deepEqual(
      reported.map((p) => p.range.start.line),
      [4, 5],
    );
    assert.match(reported[0].message, /counts from a time the timeline does not state/);
  });
});
