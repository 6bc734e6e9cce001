import type { DatePrecision } from '../types.js';

/** A publication date with the precision it was given at. */
export interface PublishedDate {
  /** Normalised ISO 8601: `2024`, `2024-05`, `2024-05-06`, or a full date-time with offset. */
  iso: string;
  precision: DatePrecision;
  year: number;
  month: number;
  day: number;
  /** Milliseconds since the epoch for precisions of an hour or finer, else null. */
  instant: number | null;
}

const RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2, hour: 3, minute: 4, second: 5 };
const UNIT_MS: Partial<Record<DatePrecision, number>> = { hour: 3_600_000, minute: 60_000, second: 1000 };

const ISO =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?$/i;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Parses an ISO 8601 date or date-time, keeping its precision; a date-time
 * without an offset is taken as UTC. Other common forms (RFC 2822, as in
 * feeds) are read to the second. Returns null for text that is not a date.
 */
export function parsePublished(value: string): PublishedDate | null {
  const text = value.trim();
  const m = ISO.exec(text);
  if (!m) return parseLoose(text);
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (!m[2]) return { iso: pad(year, 4), precision: 'year', year, month, day, instant: null };
  if (!m[3]) return { iso: `${pad(year, 4)}-${pad(month)}`, precision: 'month', year, month, day, instant: null };
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!m[4]) return { iso: date, precision: 'day', year, month, day, instant: null };
  const hour = Number(m[4]);
  const minute = m[5] ? Number(m[5]) : 0;
  const second = m[6] ? Number(m[6]) : 0;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const precision: DatePrecision = m[6] ? 'second' : m[5] ? 'minute' : 'hour';
  const offset = offsetMinutes(m[7]);
  const instant = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const time = precision === 'second' ? `${pad(hour)}:${pad(minute)}:${pad(second)}` : `${pad(hour)}:${pad(minute)}`;
  return { iso: `${date}T${time}${zone}`, precision, year, month, day, instant };
}

function parseLoose(text: string): PublishedDate | null {
  if (!/[a-z]{3}/i.test(text) || !/\d{4}/.test(text)) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const d = new Date(ms);
  const hasTime = /\d{1,2}:\d{2}/.test(text);
  const iso = hasTime ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : d.toISOString().slice(0, 10);
  return parsePublished(iso);
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Orders two dates at the coarser of their precisions: negative when `a` is
 * earlier, positive when later, 0 when they cannot be told apart.
 */
export function compareDates(a: PublishedDate, b: PublishedDate): number {
  const coarser = RANK[a.precision] <= RANK[b.precision] ? a.precision : b.precision;
  const unit = UNIT_MS[coarser];
  if (unit !== undefined && a.instant !== null && b.instant !== null) {
    return Math.sign(Math.floor(a.instant / unit) - Math.floor(b.instant / unit));
  }
  if (a.year !== b.year) return Math.sign(a.year - b.year);
  if (coarser === 'year') return 0;
  if (a.month !== b.month) return Math.sign(a.month - b.month);
  if (coarser === 'month') return 0;
  return Math.sign(a.day - b.day);
}

/** Orders two publication dates as given (ISO text or null): earlier first, undated last. */
export function comparePublished(a: string | null, b: string | null): number {
  const da = a ? parsePublished(a) : null;
  const db = b ? parsePublished(b) : null;
  if (da && db) return compareDates(da, db);
  return da ? -1 : db ? 1 : 0;
}
