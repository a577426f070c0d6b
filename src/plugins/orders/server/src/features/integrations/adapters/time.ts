/**
 * The Hungarian shops write local Budapest time without an offset ("2012.01.01 10:00:00",
 * "2025-12-01 20:57:40"); the contract wants an instant.
 */
import { instantOfWallClock } from '../../../../../shared/domain/calendar';
import { AdapterError, quote, type AdapterErrorCode } from './errors';

/** Where the shops are, whatever the time zone this app is configured for. */
const BUDAPEST = 'Europe/Budapest';

const LOCAL = /^(\d{4})[.-](\d{1,2})[.-](\d{1,2})\.?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A Budapest wall-clock time as ISO UTC; null for an empty field, refused when it is no date. */
export const budapestToIso = (value: unknown, path: string, code: AdapterErrorCode = 'invalidOrder'): string | null => {
  if (value === undefined || value === null || value === '') return null;
  const match = typeof value === 'string' ? LOCAL.exec(value.trim()) : null;
  if (!match) throw new AdapterError(code, `${path}: ${quote(value)} is not a date and time`, path);
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  return instantOfWallClock(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second), BUDAPEST).toISOString();
};

/** A UTC time written without its zone (WooCommerce's *_gmt fields) as ISO UTC. */
export const utcToIso = (value: unknown, path: string): string | null => {
  if (value === undefined || value === null || value === '') return null;
  const text = typeof value === 'string' ? value.trim() : '';
  const instant = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
  if (!text || Number.isNaN(instant)) throw new AdapterError('invalidOrder', `${path}: ${quote(value)} is not a date and time`, path);
  return new Date(instant).toISOString();
};
