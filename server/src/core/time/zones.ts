import { DateTime, IANAZone } from 'luxon';

/**
 * A zone as written in a postmortem. Abbreviations name a fixed offset and the region whose
 * clocks use it, so "PST" on a June date can be recognised as contradicting the date.
 */
export interface Zone {
  /** As written ("PDT", "UTC+01:00", "Europe/Berlin"). */
  label: string;
  /** Fixed offset in minutes east of UTC, for abbreviations and offsets. */
  offset?: number;
  /** IANA region: the zone itself for names, the abbreviation's region otherwise. */
  region?: string;
  /** For abbreviations: whether it names daylight saving time (PDT) or standard time (PST). */
  daylight?: boolean;
  /** Other common readings of an ambiguous abbreviation. */
  alternatives?: string;
}

type Entry = [offsetMinutes: number, region: string | undefined, daylight: boolean | undefined, alternatives?: string];

const ABBREVIATIONS: Record<string, Entry> = {
  UTC: [0, undefined, undefined],
  GMT: [0, undefined, undefined],
  UT: [0, undefined, undefined],
  Z: [0, undefined, undefined],
  ZULU: [0, undefined, undefined],
  WET: [0, 'Europe/Lisbon', false],
  WEST: [60, 'Europe/Lisbon', true],
  CET: [60, 'Europe/Paris', false],
  CEST: [120, 'Europe/Paris', true],
  MET: [60, 'Europe/Paris', false],
  MEST: [120, 'Europe/Paris', true],
  EET: [120, 'Europe/Athens', false],
  EEST: [180, 'Europe/Athens', true],
  BST: [60, 'Europe/London', true, 'British Summer Time (UTC+1) or Bangladesh Standard Time (UTC+6)'],
  IST: [330, 'Asia/Kolkata', undefined, 'India (UTC+5:30), Ireland (UTC+1) or Israel (UTC+2)'],
  CST: [-360, 'America/Chicago', false, 'US Central (UTC−6), China (UTC+8) or Cuba (UTC−5)'],
  AST: [-240, 'America/Halifax', false, 'Atlantic (UTC−4) or Arabia (UTC+3)'],
  EST: [-300, 'America/New_York', false],
  EDT: [-240, 'America/New_York', true],
  CDT: [-300, 'America/Chicago', true],
  MST: [-420, 'America/Denver', false],
  MDT: [-360, 'America/Denver', true],
  PST: [-480, 'America/Los_Angeles', false],
  PDT: [-420, 'America/Los_Angeles', true],
  AKST: [-540, 'America/Anchorage', false],
  AKDT: [-480, 'America/Anchorage', true],
  HST: [-600, 'Pacific/Honolulu', undefined],
  ADT: [-180, 'America/Halifax', true],
  NST: [-210, 'America/St_Johns', false],
  NDT: [-150, 'America/St_Johns', true],
  BRT: [-180, 'America/Sao_Paulo', undefined],
  ART: [-180, 'America/Argentina/Buenos_Aires', undefined],
  JST: [540, 'Asia/Tokyo', undefined],
  KST: [540, 'Asia/Seoul', undefined],
  SGT: [480, 'Asia/Singapore', undefined],
  HKT: [480, 'Asia/Hong_Kong', undefined],
  PHT: [480, 'Asia/Manila', undefined],
  ICT: [420, 'Asia/Bangkok', undefined],
  WIB: [420, 'Asia/Jakarta', undefined],
  PKT: [300, 'Asia/Karachi', undefined],
  GST: [240, 'Asia/Dubai', undefined, 'Gulf (UTC+4) or South Georgia (UTC−2)'],
  NPT: [345, 'Asia/Kathmandu', undefined],
  MSK: [180, 'Europe/Moscow', undefined],
  EAT: [180, 'Africa/Nairobi', undefined],
  WAT: [60, 'Africa/Lagos', undefined],
  CAT: [120, 'Africa/Maputo', undefined],
  SAST: [120, 'Africa/Johannesburg', undefined],
  IDT: [180, 'Asia/Jerusalem', true],
  AEST: [600, 'Australia/Sydney', false],
  AEDT: [660, 'Australia/Sydney', true],
  ACST: [570, 'Australia/Adelaide', false],
  ACDT: [630, 'Australia/Adelaide', true],
  AWST: [480, 'Australia/Perth', undefined],
  NZST: [720, 'Pacific/Auckland', false],
  NZDT: [780, 'Pacific/Auckland', true],
};

/** Zone words that name a region's local time, daylight saving included. */
const GENERIC: Record<string, string> = {
  ET: 'America/New_York',
  EASTERN: 'America/New_York',
  CT: 'America/Chicago',
  CENTRAL: 'America/Chicago',
  MT: 'America/Denver',
  MOUNTAIN: 'America/Denver',
  PT: 'America/Los_Angeles',
  PACIFIC: 'America/Los_Angeles',
};

/** Alternation of every zone word, longest first, for regular expressions. */
export const ZONE_WORDS = [...Object.keys(ABBREVIATIONS), ...Object.keys(GENERIC)]
  .filter((w) => w !== 'Z' && w !== 'ZULU' && w !== 'EASTERN' && w !== 'CENTRAL' && w !== 'MOUNTAIN' && w !== 'PACIFIC')
  .sort((a, b) => b.length - a.length)
  .join('|');

const OFFSET = /^(?:(?:UTC|GMT)\s*)?([+\-−])(\d{1,2})(?::?(\d{2}))?$/i;

export function isUtc(zone: Zone | undefined): boolean {
  return zone !== undefined && zone.offset === 0 && zone.region === undefined;
}

/** Reads a zone word, offset or IANA name; undefined when it is none of those. */
export function parseZone(label: string): Zone | undefined {
  const word = label
    .trim()
    .replace(/^\(|\)$/g, '')
    .trim();
  const upper = word.toUpperCase();
  const abbreviation = ABBREVIATIONS[upper];
  if (abbreviation && (word === upper || upper.length <= 4)) {
    const [offset, region, daylight, alternatives] = abbreviation;
    return { label: upper === 'ZULU' ? 'Z' : upper, offset, region, daylight, alternatives };
  }
  if (GENERIC[upper]) return { label: word, region: GENERIC[upper] };
  const offset = OFFSET.exec(word);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? 0);
    if (hours > 14 || minutes > 59) return undefined;
    const sign = offset[1] === '+' ? 1 : -1;
    const total = sign * (hours * 60 + minutes);
    return { label: total === 0 ? 'UTC' : `UTC${formatOffset(total)}`, offset: total };
  }
  if (/^[A-Za-z_]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?$/.test(word) && IANAZone.isValidZone(word))
    return { label: word, region: word };
  if (/^utc$/i.test(word)) return { label: 'UTC', offset: 0 };
  return undefined;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const offsetCache = new Map<string, number>();

/** Offset (minutes east of UTC) of an IANA region at a local wall-clock hour. */
function regionOffset(region: string, t: LocalTime): number {
  const key = `${region}|${t.year}-${t.month}-${t.day}T${t.hour}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = DateTime.fromObject(
      { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: 0 },
      { zone: region },
    ).offset;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

export interface ZonedInstant {
  epoch: number;
  /** The abbreviation does not fit the date (PST in June): still read at its stated offset, and to be reported. */
  contradicts: boolean;
}

/** Converts a wall-clock time in a zone to epoch milliseconds. */
export function toInstant(t: LocalTime, zone: Zone): ZonedInstant {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  // An ambiguous abbreviation (CST) may belong to a region without daylight saving: no verdict on the date.
  if (zone.region && zone.daylight !== undefined && !zone.alternatives) {
    const actual = regionOffset(zone.region, t);
    // The written abbreviation is the only evidence of the offset meant: read it as stated, and say so.
    if (actual !== zone.offset) return { epoch: wall - zone.offset! * 60_000, contradicts: true };
  }
  if (zone.offset !== undefined) return { epoch: wall - zone.offset * 60_000, contradicts: false };
  if (zone.region) return { epoch: wall - regionOffset(zone.region, t) * 60_000, contradicts: false };
  return { epoch: wall, contradicts: false };
}
