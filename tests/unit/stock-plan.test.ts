import fc from 'fast-check';
import { ORDER_STATES } from '../../src/plugins/orders/shared/domain/lifecycle';
import { stockChanges, targetHolding, type StockLine } from '../../src/plugins/orders/shared/domain/stock-plan';

const lines: StockLine[] = [
  { stockItemId: 7, quantityMilli: 2500n },
  { stockItemId: 3, quantityMilli: 1000n },
  { stockItemId: 7, quantityMilli: 500n },
];
const asObject = (m: Map<number, bigint>) => Object.fromEntries([...m].filter(([, q]) => q !== 0n));

describe('targetHolding', () => {
  test.each(['finalized', 'fulfilled', 'successful'] as const)('%s holds the lines, summed per item', (state) => {
    expect(asObject(targetHolding(lines, state, 'orders'))).toEqual({ 3: 1000n, 7: 3000n });
    expect(targetHolding(lines, state, 'orders').size).toBe(2);
  });

  test.each(['draft', 'failed'] as const)('%s holds nothing', (state) => {
    expect(targetHolding(lines, state, 'orders').size).toBe(0);
  });

  test.each(ORDER_STATES)('with invoices driving stock, %s holds nothing', (state) => {
    expect(targetHolding(lines, state, 'invoices').size).toBe(0);
  });
});

describe('stockChanges', () => {
  test('is held − target per item, sorted by item, without zeros', () => {
    const target = new Map([
      [10, 3000n],
      [2, 1000n],
      [5, 400n],
    ]);
    const held = new Map([
      [5, 400n],
      [10, 1000n],
      [8, 250n],
    ]);
    expect(stockChanges(target, held)).toEqual([
      { stockItemId: 2, delta: -1000n },
      { stockItemId: 8, delta: 250n },
      { stockItemId: 10, delta: -2000n },
    ]);
  });

  test('sorts item ids numerically, not as text', () => {
    const target = new Map([
      [10, 1n],
      [9, 1n],
      [100, 1n],
    ]);
    expect(stockChanges(target, new Map()).map((c) => c.stockItemId)).toEqual([9, 10, 100]);
  });

  test('nothing to do when the ledger already matches', () => {
    expect(stockChanges(new Map([[1, 5n]]), new Map([[1, 5n]]))).toEqual([]);
    expect(stockChanges(new Map(), new Map())).toEqual([]);
  });

  const linesArb = fc.array(
    fc.record({ stockItemId: fc.integer({ min: 1, max: 8 }), quantityMilli: fc.bigInt({ min: 0n, max: 1_000_000n }) }),
    { maxLength: 10 }
  );
  const stepsArb = fc.array(
    fc.record({
      lines: linesArb,
      state: fc.constantFrom(...ORDER_STATES),
      driver: fc.constantFrom('orders' as const, 'invoices' as const),
    }),
    { minLength: 1, maxLength: 12 }
  );

  test('replaying the changes onto the ledger always lands on the target, and a repeat changes nothing', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const held = new Map<number, bigint>();
        const apply = (target: Map<number, bigint>) => {
          const changes = stockChanges(target, held);
          for (const { stockItemId, delta } of changes) held.set(stockItemId, (held.get(stockItemId) ?? 0n) - delta);
          return changes;
        };
        for (const step of steps) {
          const target = targetHolding(step.lines, step.state, step.driver);
          apply(target);
          expect(asObject(held)).toEqual(asObject(target));
          expect(apply(target)).toEqual([]);
        }
      })
    );
  });
});
