/** The itemised view's SKU column: as wide as the order's longest SKU, within bounds. */
import { skuColumnChars } from '../../src/plugins/orders/admin/src/features/orders/items/utils/lines';

test('wide enough for the longest SKU, never narrower than its heading nor wider than leaves the name room', () => {
  expect(skuColumnChars([])).toBe(11);
  expect(skuColumnChars([null, 'A-1'])).toBe(11);
  expect(skuColumnChars(['KAVE-1KG', 'KAVE-ETIOP-1K'])).toBe(Math.ceil(13 * 1.2) + 2);
  expect(skuColumnChars(['X'.repeat(64)])).toBe(20);
});
