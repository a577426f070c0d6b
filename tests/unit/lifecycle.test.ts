import {
  allowedActions,
  HOLDING_STATES,
  isEditable,
  nextState,
  ORDER_ACTIONS,
  ORDER_STATES,
  type OrderAction,
  type OrderState,
} from '../../src/plugins/orders/shared/domain/lifecycle';

// Written out by hand, not derived from TRANSITIONS, so that any change to the module shows here.
const EXPECTED: Record<OrderState, Partial<Record<OrderAction, OrderState>>> = {
  draft: { finalize: 'finalized' },
  finalized: { edit: 'draft', fulfil: 'fulfilled', fail: 'failed' },
  fulfilled: { succeed: 'successful', fail: 'failed' },
  successful: { fail: 'failed' },
  failed: { succeed: 'successful' },
};

test('states and actions', () => {
  expect(ORDER_STATES).toEqual(['draft', 'finalized', 'fulfilled', 'successful', 'failed']);
  expect(ORDER_ACTIONS).toEqual(['finalize', 'edit', 'fulfil', 'succeed', 'fail']);
});

describe.each(ORDER_STATES)('from %s', (state) => {
  test.each(ORDER_ACTIONS)('%s', (action) => {
    expect(nextState(state, action)).toBe(EXPECTED[state][action] ?? null);
  });

  test('allowedActions', () => {
    expect(allowedActions(state)).toEqual(Object.keys(EXPECTED[state]));
  });
});

test('inherited object keys lead nowhere', () => {
  for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    expect(nextState('finalized', key as OrderAction)).toBeNull();
  }
});

test('only a draft is editable', () => {
  expect(ORDER_STATES.filter(isEditable)).toEqual(['draft']);
});

test('finalized, fulfilled and successful orders hold stock', () => {
  expect(HOLDING_STATES).toEqual(['finalized', 'fulfilled', 'successful']);
});
