import fc from 'fast-check';
import { ORDER_STATES, RESERVING_STATES, type OrderState } from '../../src/plugins/orders/shared/domain/lifecycle';
import { reservationChanges, stockChanges, targetHolding, type StockLine } from '../../src/plugins/orders/shared/domain/stock-plan';

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

describe('reservationChanges', () => {
  const held = new Map([
    [3, 1000n],
    [7, 3000n],
  ]);

  test('a finalize reserves what the order comes to hold; an edit, a fulfil and a fail give it up', () => {
    expect(asObject(reservationChanges(new Map(), held, 'draft', 'finalized'))).toEqual({ 3: 1000n, 7: 3000n });
    for (const to of ['draft', 'fulfilled', 'failed'] as const)
      expect(asObject(reservationChanges(held, to === 'fulfilled' ? held : new Map(), 'finalized', to))).toEqual({ 3: -1000n, 7: -3000n });
  });

  test('a finalized order whose holding changes (a webshop changed its lines) reserves the difference', () => {
    const target = new Map([
      [7, 1000n],
      [9, 500n],
    ]);
    expect(asObject(reservationChanges(held, target, 'finalized', 'finalized'))).toEqual({ 3: -1000n, 7: -2000n, 9: 500n });
  });

  test('outside the reserving states nothing changes, and a new order reserves only when it arrives finalized', () => {
    expect(reservationChanges(held, new Map(), 'fulfilled', 'failed').size).toBe(0);
    expect(reservationChanges(new Map(), held, 'successful', 'successful').size).toBe(0);
    expect(asObject(reservationChanges(new Map(), held, null, 'finalized'))).toEqual({ 3: 1000n, 7: 3000n });
    expect(reservationChanges(new Map(), held, null, 'fulfilled').size).toBe(0);
  });

  test('summed over any run of states and holdings, it is what the order reserves at the end', () => {
    const holding = fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.bigInt({ min: 1n, max: 10_000n })), { maxLength: 5 });
    fc.assert(
      fc.property(fc.array(fc.record({ state: fc.constantFrom(...ORDER_STATES), holding }), { minLength: 1, maxLength: 10 }), (steps) => {
        const reserved = new Map<number, bigint>();
        let state: OrderState | null = null;
        let held = new Map<number, bigint>();
        for (const step of steps) {
          const target = new Map(step.holding);
          for (const [id, change] of reservationChanges(held, target, state, step.state))
            reserved.set(id, (reserved.get(id) ?? 0n) + change);
          [state, held] = [step.state, target];
        }
        expect(asObject(reserved)).toEqual(RESERVING_STATES.includes(state!) ? asObject(held) : {});
      })
    );
  });
});
