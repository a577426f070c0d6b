/** The orders list's selection as the server takes it, and a bulk action's outcome as the admin words it. */
import { createIntl } from 'react-intl';
import {
  bulkCountOf,
  bulkOrdersOf,
  bulkRefusalOf,
  exportQueryOf,
} from '../../src/plugins/orders/admin/src/features/orders/list/utils/bulk';
import { apiErrorText } from '../../src/plugins/orders/admin/src/ui/errors';
import { prefixKeys } from '../../src/plugins/orders/admin/src/ui/translations';
import hu from '../../src/plugins/orders/admin/src/translations/hu.json';

test('the rows ticked are sent by documentId; "all matching" by the filters set, empty ones left out', () => {
  expect(bulkOrdersOf({ ids: ['a', 'b'] })).toEqual(['a', 'b']);
  expect(bulkOrdersOf({ all: true, filters: { state: 'draft', q: undefined, source: '', sort: 'number:asc' } })).toEqual({
    all: true,
    filters: { state: 'draft', sort: 'number:asc' },
  });
});

test('an export of a selection names its ids, in the list’s sort; of all matching, the filters', () => {
  expect(exportQueryOf({ ids: ['a', 'b'] }, 'gross:desc')).toEqual({ ids: 'a,b', sort: 'gross:desc' });
  expect(
    exportQueryOf({ all: true, filters: { customStatus: 'packing', from: undefined, sort: 'createdAt:desc' } }, 'createdAt:desc')
  ).toEqual({
    customStatus: 'packing',
    sort: 'createdAt:desc',
  });
});

test('a refused order is worded from its code and values, as the order alone would be', () => {
  const intl = createIntl({ locale: 'hu', messages: prefixKeys(hu) });
  const refused = {
    documentId: 'x',
    number: '2026-000042',
    outcome: 'refused' as const,
    error: {
      status: 409,
      code: 'stockShortage',
      message: 'Not enough stock',
      details: { code: 'stockShortage' as const, shortages: [{ sku: 'KAVE-1KG', requested: '3', available: '1' }] },
    },
  };
  expect(apiErrorText(intl, bulkRefusalOf(refused))).toContain('KAVE-1KG');
  expect(bulkCountOf([refused, { documentId: 'y', number: '2026-000043', outcome: 'done' }])).toEqual({ done: 1, total: 2 });
});
