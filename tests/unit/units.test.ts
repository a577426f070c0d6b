import { parseQuantity } from '../../src/plugins/orders/shared/domain/quantity';
import { DEFAULT_UNITS, fitsUnit, isWhole } from '../../src/plugins/orders/shared/domain/units';

test('pieces, boxes and packs are counted whole; kg, m and l to three decimals; a unit not listed keeps three decimals', () => {
  expect(['db', 'doboz', 'csomag', 'pár', ' DB '].map((unit) => isWhole(unit, DEFAULT_UNITS))).toEqual([true, true, true, true, true]);
  expect(['kg', 'g', 'l', 'm', 'zsák'].map((unit) => isWhole(unit, DEFAULT_UNITS))).toEqual([false, false, false, false, false]);
});

test('a fraction fits only a unit not counted whole', () => {
  const fits = (quantity: string, unit: string) => fitsUnit(parseQuantity(quantity), unit, DEFAULT_UNITS);
  expect([fits('3', 'db'), fits('-2', 'db'), fits('1000000', 'doboz')]).toEqual([true, true, true]);
  expect([fits('2.5', 'db'), fits('0.001', 'doboz'), fits('-0.5', 'db')]).toEqual([false, false, false]);
  expect([fits('2.5', 'kg'), fits('0.125', 'm'), fits('0.5', 'zsák')]).toEqual([true, true, true]);
  expect(fitsUnit(parseQuantity('2.5'), 'db', [{ unit: 'db', whole: false }])).toBe(true);
});
