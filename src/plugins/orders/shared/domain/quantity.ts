import { formatFixed, parseFixed } from './fixed-point';

/** Quantities are exact to three decimals (2.5 kg, 15 m, 0.125 l) and stored in thousandths. */
export const QUANTITY_SCALE = 3;
export const THOUSANDTHS_PER_UNIT = 1000n;
/** "db" (darab): a piece, the default unit of Hungarian invoices. */
export const DEFAULT_UNIT = 'db';

export const parseQuantity = (input: string | number): bigint => parseFixed(input, QUANTITY_SCALE);

/** "2.5", "15", "-3.125": no trailing zeros. */
export const formatQuantity = (milli: bigint): string => formatFixed(milli, QUANTITY_SCALE, { trim: true });

/**
 * The most a stock item may have on hand, in thousandths: a trillion units, exact as a JavaScript
 * number (SQLite's driver answers integers as numbers).
 */
export const MAX_STOCK_MILLI = 10n ** 15n;
