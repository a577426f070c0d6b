/**
 * The one place where a request the user asked for ends in a notification: what it tells the
 * user, in their language, and what it answers the form that asked, for every way a refusal can
 * come (RTK Query's error of the admin's base query, or an error thrown by the fetch client).
 */
import { createIntl } from 'react-intl';
import { apiErrorOf } from '../../src/plugins/orders/admin/src/api/errors';
import hu from '../../src/plugins/orders/admin/src/translations/hu.json';
import { apiErrorText, fieldErrorsOf } from '../../src/plugins/orders/admin/src/ui/errors';
import { submitWith, type Notice } from '../../src/plugins/orders/admin/src/ui/submit';
import { prefixKeys } from '../../src/plugins/orders/admin/src/ui/translations';
import type { ErrorJson } from '../../src/plugins/orders/shared/contracts/errors';

const inHungarian = createIntl({ locale: 'hu', messages: prefixKeys(hu) });

const told = () => {
  const notices: Notice[] = [];
  return {
    notices,
    teller: { notify: (notice: Notice) => notices.push(notice), errorText: (error: ErrorJson) => apiErrorText(inHungarian, error) },
  };
};

/** Strapi's error JSON as the base query answers it: `{error}` beside no data. */
const refused = (status: number, details: ErrorJson['details'], name = 'ApplicationError') =>
  Promise.resolve({ error: { status, name, message: 'the server’s English', details } });

describe('a request that goes through', () => {
  test('answers its data and tells the success, when there is one to tell', async () => {
    const { notices, teller } = told();
    const outcome = await submitWith(Promise.resolve({ data: { number: '2026-000042' } }), teller, {
      done: ({ number }) => `Order ${number} created`,
    });
    expect(outcome).toEqual({ data: { number: '2026-000042' } });
    expect(notices).toEqual([{ type: 'success', message: 'Order 2026-000042 created' }]);
  });

  test('tells nothing without a success text', async () => {
    const { notices, teller } = told();
    expect(await submitWith(Promise.resolve({ data: 1 }), teller)).toEqual({ data: 1 });
    expect(notices).toEqual([]);
  });
});

describe('a refusal', () => {
  test('is told in words from its code, and answered for the form', async () => {
    const { notices, teller } = told();
    const outcome = await submitWith(
      refused(409, { code: 'actionNotAllowed', number: '2026-000042', state: 'finalized', action: 'finalize', allowedActions: ['edit'] }),
      teller,
      { done: () => 'never told' }
    );
    expect(notices).toEqual([
      {
        type: 'danger',
        message:
          'A(z) 2026-000042 megrendelés állapota: Véglegesített. A(z) „Véglegesítés” művelet nem engedélyezett. Engedélyezett műveletek: Szerkesztés.',
      },
    ]);
    expect(outcome.data).toBeUndefined();
    expect(outcome.error).toMatchObject({ status: 409, details: { code: 'actionNotAllowed', state: 'finalized' } });
  });

  test('of bad input answers the field errors, for each field to show its own', async () => {
    const { notices, teller } = told();
    const { error } = await submitWith(
      refused(400, { errors: [{ path: ['sku'], message: 'SKU X is taken', code: 'skuTaken', values: { sku: 'X' } }] }, 'ValidationError'),
      teller
    );
    expect(fieldErrorsOf(inHungarian, error!)).toEqual({ sku: 'A(z) X cikkszámot már egy másik cikk használja' });
    expect(notices).toEqual([{ type: 'danger', message: 'Nem fogadható el: Cikkszám: A(z) X cikkszámot már egy másik cikk használja' }]);
  });

  test('with no answer at all (the network) says the server cannot be reached', async () => {
    const { notices, teller } = told();
    // RTK Query's serialised error of a fetch that never got an answer.
    const { error } = await submitWith(Promise.resolve({ error: { name: 'TypeError', message: 'Failed to fetch' } }), teller);
    expect(error).toEqual({ status: 0, name: 'Error', message: 'Failed to fetch', details: {} });
    expect(notices[0].message).toMatch(/^A szerver nem érhető el/);
  });

  test('without Strapi’s error JSON keeps the status: a server failure in words', async () => {
    const { notices, teller } = told();
    const unknown = { name: 'UnknownError', message: 'Unknown Server Error', details: undefined, status: 502 };
    const { error } = await submitWith(Promise.resolve({ error: unknown }), teller);
    expect(error).toMatchObject({ status: 502, details: {} });
    expect(notices).toEqual([{ type: 'danger', message: 'Hiba történt' }]);
  });

  test('thrown by the fetch client (a file download) is told as the caller words it', async () => {
    const { notices, teller } = told();
    const thrown = Object.assign(new Error('Server Error'), { name: 'FetchError', status: 500 });
    const { error } = await submitWith(Promise.reject(thrown), teller, { failed: (problem) => `HTTP ${problem.status}` });
    expect(error).toEqual({ status: 500, name: 'Error', message: 'Server Error', details: {} });
    expect(notices).toEqual([{ type: 'danger', message: 'HTTP 500' }]);
  });

  test('of a lazy query counts even beside data the cache still holds', async () => {
    const { notices, teller } = told();
    const outcome = await submitWith(
      Promise.resolve({ data: { data: [] }, error: { status: 403, name: 'PolicyError', message: 'Policy Failed', details: {} } }),
      teller
    );
    expect(outcome.data).toBeUndefined();
    expect(notices).toEqual([{ type: 'danger', message: 'A szerepköröd ezt nem engedi.' }]);
  });
});

describe('apiErrorOf', () => {
  test('reads the refusal the fetch client kept from the answer', () => {
    const refusal = { status: 409, name: 'ApplicationError', message: 'Not enough stock', details: { code: 'stockShortage' as const } };
    const thrown = Object.assign(new Error('Not enough stock'), { status: 409, response: { data: { error: refusal } } });
    expect(apiErrorOf(thrown)).toEqual(refusal);
  });

  test('gives a refusal without details empty ones', () => {
    expect(apiErrorOf({ status: 404, name: 'NotFoundError', message: 'Not Found', details: {} }).details).toEqual({});
    expect(apiErrorOf({ response: { data: { error: { status: 404, name: 'NotFoundError', message: 'Not Found' } } } })).toEqual({
      status: 404,
      name: 'NotFoundError',
      message: 'Not Found',
      details: {},
    });
  });
});
