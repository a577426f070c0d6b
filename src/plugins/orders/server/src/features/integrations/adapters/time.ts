/**
 * The Hungarian shops write local Budapest time without an offset ("2012.01.01 10:00:00",
 * "2025-12-01 20:57:40"); the contract wants an instant.
 */
import { AdapterError, quote } from './errors';

const LOCAL = /^(\d{4})[.-](\d{1,2})[.-](\d{1,2})\.?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const budapestParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Budapest',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const HOUR = 60 * 60 * 1000;
const offsets = new Map<number, number>();

/**
 * How many milliseconds Budapest is ahead of UTC at `instant` (1 h in winter, 2 h in summer).
 * Kept per hour: Intl is slow, and a feed of 10 000 orders asks for the same few hours.
 */
const budapestOffset = (instant: number): number => {
  const hour = Math.floor(instant / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = intlOffset(hour * HOUR);
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
};

const intlOffset = (instant: number): number => {
  const parts = Object.fromEntries(budapestParts.formatToParts(new Date(instant)).map(({ type, value }) => [type, Number(value)]));
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - instant;
};

/** A Budapest wall-clock time as ISO UTC; null for an empty field, refused when it is no date. */
export const budapestToIso = (value: unknown, path: string): string | null => {
  if (value === undefined || value === null || value === '') return null;
  const match = typeof value === 'string' ? LOCAL.exec(value.trim()) : null;
  if (!match) throw new AdapterError('invalidOrder', `${path}: ${quote(value)} is not a date and time`, path);
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second);
  // The offset at the guess, then again at the result: right on both sides of a DST change.
  const first = wall - budapestOffset(wall);
  return new Date(wall - budapestOffset(first)).toISOString();
};

/** A UTC time written without its zone (WooCommerce's *_gmt fields) as ISO UTC. */
export const utcToIso = (value: unknown, path: string): string | null => {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'string' ? value.trim() : '';
  const instant = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
  if (!text || Number.isNaN(instant)) throw new AdapterError('invalidOrder', `${path}: ${quote(value)} is not a date and time`, path);
  return new Date(instant).toISOString();
};
