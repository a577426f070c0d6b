import { createIntl } from 'react-intl';
import type { ErrorJson as ApiError } from '../../src/plugins/orders/shared/contracts/errors';
import { apiErrorText, fieldErrorsOf, fieldProblemText } from '../../src/plugins/orders/admin/src/ui/errors';
import en from '../../src/plugins/orders/admin/src/translations/en.json';
import hu from '../../src/plugins/orders/admin/src/translations/hu.json';
import { checkLine } from '../../src/plugins/orders/admin/src/features/orders/items/utils/check-line';
import { prefixKeys } from '../../src/plugins/orders/admin/src/ui/translations';
import { FIELD_ERROR_CODES, REFUSAL_CODES } from '../../src/plugins/orders/shared/contracts/errors';

const intlOf = (locale: string, messages: Record<string, string>) => createIntl({ locale, messages: prefixKeys(messages) });
const inHungarian = intlOf('hu', hu);
const inEnglish = intlOf('en', en);

const refusal = (status: number, details: ApiError['details'], message = 'the server’s English'): ApiError => ({
  status,
  name: 'Error',
  message,
  details,
});

describe('every code the server can send has words in both languages', () => {
  test.each([...FIELD_ERROR_CODES, ...REFUSAL_CODES])('%s', (code) => {
    expect(en).toHaveProperty([`error.${code}`]);
    expect(hu).toHaveProperty([`error.${code}`]);
  });

  test('English and Hungarian have the same error keys', () => {
    const errorKeys = (messages: Record<string, string>) =>
      Object.keys(messages)
        .filter((key) => key.startsWith('error.'))
        .sort();
    expect(errorKeys(hu)).toEqual(errorKeys(en));
  });

  test('the admin’s own checks use the server’s codes', () => {
    const { problems } = checkLine(
      {
        key: 'a',
        stockItem: null,
        sku: null,
        name: '',
        quantity: '0',
        unit: '',
        unitPrice: 'x',
        discountPercent: '101',
        vatRate: '27',
        note: '',
      },
      'HUF'
    );
    for (const problem of Object.values(problems)) expect(FIELD_ERROR_CODES).toContain(problem.code);
  });
});

describe('a field problem', () => {
  test('is worded from its code and values', () => {
    expect(fieldProblemText(inHungarian, { code: 'required', message: 'is required' })).toBe('Kötelező');
    expect(fieldProblemText(inHungarian, { code: 'notPositive', message: 'must be greater than 0' })).toBe('Nagyobbnak kell lennie 0-nál');
    expect(fieldProblemText(inHungarian, { code: 'decimals', values: { max: 0 } })).toBe('Csak egész szám lehet');
    expect(fieldProblemText(inEnglish, { code: 'decimals', values: { max: 3 } })).toBe('At most 3 decimals');
    expect(fieldProblemText(inHungarian, { code: 'skuTaken', values: { sku: 'KAVE-1KG' } })).toBe(
      'A(z) KAVE-1KG cikkszámot már egy másik cikk használja'
    );
    expect(fieldProblemText(inHungarian, { code: 'notOneOf', values: { allowed: ['orders', 'invoices'] } })).toBe(
      'Csak ezek egyike lehet: orders vagy invoices'
    );
    expect(fieldProblemText(inHungarian, { code: 'tooLarge', values: { limit: '1000000000' } })).toMatch(
      /^Túl nagy \(a határ: 1\s000\s000\s000\)$/
    );
  });

  test('falls back to the server’s message for a code the admin does not know', () => {
    expect(fieldProblemText(inHungarian, { code: 'fromTheFuture', message: 'must be from the future' })).toBe('must be from the future');
    expect(fieldProblemText(inHungarian, { message: 'no code at all' })).toBe('no code at all');
  });

  test('sits at its dotted path; two at one path are joined', () => {
    const error = refusal(400, {
      errors: [
        { path: ['sku'], message: 'SKU X is already used', code: 'skuTaken', values: { sku: 'X' } },
        { path: ['customStatuses', '1', 'color'], message: 'must be a colour', code: 'notColour', values: {} },
        { path: ['customStatuses', '1', 'color'], message: 'is required', code: 'required', values: {} },
      ],
    });
    expect(fieldErrorsOf(inEnglish, error)).toEqual({
      sku: 'SKU X is already used by another stock item',
      'customStatuses.1.color': 'Must be a colour such as #0c75af; Required',
    });
  });
});

describe('a refusal', () => {
  test('of an action names the state and the allowed actions by their labels', () => {
    const error = refusal(409, {
      code: 'actionNotAllowed',
      number: '2026-000042',
      state: 'finalized',
      action: 'finalize',
      allowedActions: ['edit', 'fulfil', 'fail'],
    });
    expect(apiErrorText(inHungarian, error)).toBe(
      'A(z) 2026-000042 megrendelés állapota: Véglegesített. A(z) „Véglegesítés” művelet nem engedélyezett. ' +
        'Engedélyezett műveletek: Szerkesztés, Teljesítés és Sikertelen.'
    );
    expect(apiErrorText(inEnglish, { ...error, details: { ...error.details, state: 'successful', allowedActions: [] } })).toBe(
      'Order 2026-000042 is in the state Successful: “Finalize” is not allowed. Allowed actions: None.'
    );
  });

  test('for a shortage lists every short item with the quantities as the locale writes them', () => {
    const error = refusal(409, {
      code: 'stockShortage',
      shortages: [
        { sku: 'KAVE', requested: '3', available: '1' },
        { sku: 'KABEL', requested: '2.5', available: '0.75' },
      ],
    });
    expect(apiErrorText(inHungarian, error)).toBe(
      'Nincs elég készlet: KAVE (szükséges: 3, szabad készlet: 1) és KABEL (szükséges: 2,5, szabad készlet: 0,75).'
    );
  });

  test('of bad input names each field with its line', () => {
    const error = refusal(400, {
      errors: [
        { path: ['items', '1', 'quantity'], message: 'must be greater than 0', code: 'notPositive', values: {} },
        { path: ['items', '2', 'sku'], message: 'no stock item with SKU NOPE', code: 'unknownSku', values: { sku: 'NOPE' } },
        { path: ['customer'], message: 'give a customer', code: 'required', values: {} },
      ],
    });
    expect(apiErrorText(inHungarian, error)).toBe(
      'Nem fogadható el: 2. tétel, Mennyiség: Nagyobbnak kell lennie 0-nál; ' +
        '3. tétel, Cikkszám: Nincs cikk ezzel a cikkszámmal: NOPE; Ügyfél: Kötelező'
    );
  });

  test('without a known code: a missing right, no answer and a server failure in words; anything else as the server said', () => {
    expect(apiErrorText(inHungarian, refusal(403, {}, 'Policy Failed'))).toBe('A szerepköröd ezt nem engedi.');
    expect(apiErrorText(inHungarian, refusal(0, {}, 'Failed to fetch'))).toMatch(/^A szerver nem érhető el/);
    expect(apiErrorText(inHungarian, refusal(500, {}, 'Internal Server Error'))).toBe('Hiba történt');
    expect(apiErrorText(inHungarian, refusal(409, { code: 'fromTheFuture' as never }, 'A future conflict'))).toBe('A future conflict');
    expect(apiErrorText(inHungarian, refusal(404, {}, 'Not Found'))).toBe('Not Found');
  });
});

describe('a webshop connection’s refusals', () => {
  test('name the kind by its label and the field by its name', () => {
    const refused = refusal(400, {
      errors: [{ path: ['feed'], message: 'is not for a woocommerce connection', code: 'notForKind', values: { kind: 'woocommerce' } }],
    });
    expect(apiErrorText(inHungarian, refused)).toBe('Nem fogadható el: A feed címe: Nem WooCommerce kapcsolathoz való');
    const notPulled = refusal(409, { code: 'syncNotForKind', kind: 'woocommerce' });
    expect(apiErrorText(inEnglish, notPulled)).toBe('A WooCommerce connection is not synced from here: the shop sends its orders itself.');
  });
});
