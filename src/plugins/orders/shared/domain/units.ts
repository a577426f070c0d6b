/**
 * Units of measure (mennyiségi egység) and how they are counted: pieces, boxes and packs in whole
 * numbers — "2,5 db" is a typing error, not an order —, kilograms, metres and litres to three
 * decimals. A property of the unit, kept in the settings; a unit the settings do not list keeps
 * three decimals, as every quantity did before units were told apart.
 */
import { THOUSANDTHS_PER_UNIT } from './quantity';

export interface Unit {
  /** As lines and stock items write it: "db", "kg". */
  unit: string;
  /** Counted in whole pieces: a fraction of it is refused. */
  whole: boolean;
}

export const DEFAULT_UNITS: Unit[] = [
  { unit: 'db', whole: true },
  { unit: 'doboz', whole: true },
  { unit: 'csomag', whole: true },
  { unit: 'pár', whole: true },
  { unit: 'kg', whole: false },
  { unit: 'g', whole: false },
  { unit: 'l', whole: false },
  { unit: 'm', whole: false },
];

/** Units compare as written, ignoring case and surrounding spaces ("Db" is "db"). */
const sameUnit = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether `unit` is counted in whole pieces. */
export const isWhole = (unit: string, units: readonly Unit[]) => units.some((known) => known.whole && sameUnit(known.unit, unit));

/** Whether a quantity in thousandths is a whole number of units: it fits every unit, whatever the settings say of it. */
export const isWholeQuantity = (milli: bigint) => milli % THOUSANDTHS_PER_UNIT === 0n;

/** Whether a quantity in thousandths may be kept in `unit`: any, unless the unit counts whole pieces. */
export const fitsUnit = (milli: bigint, unit: string, units: readonly Unit[]) => isWholeQuantity(milli) || !isWhole(unit, units);

/** The refusal of a fraction of a unit counted whole, as a field problem names it. */
export const notWhole = (unit: string) => ({
  code: 'notWhole' as const,
  message: `must be a whole number: ${unit} is counted in whole pieces`,
  values: { unit },
});
