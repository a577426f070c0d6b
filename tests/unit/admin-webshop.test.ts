import { createIntl } from 'react-intl';
import { LINE_KINDS } from '../../src/plugins/orders/shared/contracts/normalized-order';
import { ORDER_FLAGS, type OrderConnectionJson } from '../../src/plugins/orders/shared/contracts/orders';
import { CONNECTION_KINDS } from '../../src/plugins/orders/shared/domain/status-map';
import en from '../../src/plugins/orders/admin/src/translations/en.json';
import hu from '../../src/plugins/orders/admin/src/translations/hu.json';
import { orderSourceText, sourceLabel, SOURCES } from '../../src/plugins/orders/admin/src/features/orders/utils/source';
import {
  connectionKindLabel,
  connectionName,
  connectionOptions,
  FLAG_TEXTS,
  flagExplanation,
  flagLabel,
  isUnknownSku,
  isWebshopOrder,
  knownFlags,
  lineKindLabel,
  lineKindLabels,
} from '../../src/plugins/orders/admin/src/features/orders/utils/webshop';
import { vatRateLabel } from '../../src/plugins/orders/admin/src/ui/format';
import { prefixKeys } from '../../src/plugins/orders/admin/src/ui/translations';

// A missing key is an error here, not a fallback to the English default.
const intlOf = (locale: string, messages: Record<string, string>) =>
  createIntl({
    locale,
    messages: prefixKeys(messages),
    onError: (error) => {
      throw error;
    },
  });
const { formatMessage: inHungarian } = intlOf('hu', hu);
const { formatMessage: inEnglish } = intlOf('en', en);

const connection = (fields: Partial<OrderConnectionJson> = {}): OrderConnectionJson => ({
  documentId: 'c1',
  name: 'Bolt.hu',
  kind: 'woocommerce',
  deleted: false,
  ...fields,
});

describe('translations', () => {
  test('English and Hungarian have the same keys, every one', () => {
    expect(Object.keys(hu).sort()).toEqual(Object.keys(en).sort());
  });

  test('each flag, line kind and shop kind has words in both languages, the English as the code says it', () => {
    for (const flag of ORDER_FLAGS) {
      expect(en).toHaveProperty([`webshop.flag.${flag}`], FLAG_TEXTS[flag].label);
      expect(en).toHaveProperty([`webshop.flag.${flag}.explain`], FLAG_TEXTS[flag].explain);
      expect(hu).toHaveProperty([`webshop.flag.${flag}`]);
      expect(hu).toHaveProperty([`webshop.flag.${flag}.explain`]);
    }
    for (const kind of LINE_KINDS) {
      expect(en).toHaveProperty([`items.kind.${kind}`]);
      expect(hu).toHaveProperty([`items.kind.${kind}`]);
    }
    for (const kind of CONNECTION_KINDS) {
      expect(en).toHaveProperty([`webshops.kind.${kind}`]);
      expect(hu).toHaveProperty([`webshops.kind.${kind}`]);
    }
  });
});

describe('a webshop order', () => {
  test('is one with a connection', () => {
    expect(isWebshopOrder({ connection: connection() })).toBe(true);
    expect(isWebshopOrder({ connection: null })).toBe(false);
  });

  test('its source is its connection’s name, said gone once deleted; a manual order’s, its source', () => {
    expect(orderSourceText({ source: 'woocommerce', connection: connection() }, inHungarian)).toBe('Bolt.hu');
    expect(orderSourceText({ source: 'woocommerce', connection: connection({ deleted: true }) }, inHungarian)).toBe('Bolt.hu (törölve)');
    expect(connectionName(connection({ deleted: true }), inEnglish)).toBe('Bolt.hu (deleted)');
    expect(orderSourceText({ source: 'manual', connection: null }, inHungarian)).toBe('Kézi');
  });

  test('the source filter offers every kind of shop, by its name', () => {
    expect(SOURCES).toEqual(['manual', 'woocommerce', 'shoprenter', 'unas', 'xml']);
    expect(SOURCES.map((source) => sourceLabel(source, inHungarian))).toEqual(['Kézi', 'WooCommerce', 'Shoprenter', 'UNAS', 'XML']);
    expect(sourceLabel('magento', inEnglish)).toBe('magento');
  });

  test('kinds: WooCommerce, Shoprenter, UNAS, XML; an unknown kind as it is', () => {
    expect(CONNECTION_KINDS.map((kind) => connectionKindLabel(kind, inEnglish))).toEqual(['WooCommerce', 'Shoprenter', 'UNAS', 'XML']);
    expect(connectionKindLabel('shopify', inHungarian)).toBe('shopify');
  });
});

describe('flags', () => {
  test('known ones only, once each, in the contract’s order', () => {
    expect(knownFlags(['unmappedStatus', 'oversold', 'oversold', 'somethingNew'])).toEqual(['oversold', 'unmappedStatus']);
    expect(knownFlags([])).toEqual([]);
  });

  test('each is named and explained in the admin’s language', () => {
    expect(flagLabel('oversold', inHungarian)).toBe('Túlértékesítve');
    expect(flagExplanation('oversold', inEnglish)).toBe('Stock went below zero for this order.');
    expect(flagExplanation('unknownSku', inHungarian)).toMatch(/hozd létre a cikket/);
  });
});

describe('lines', () => {
  test('shipping, fee and coupon are labelled; a product is not', () => {
    expect(lineKindLabel('product', inHungarian)).toBeNull();
    expect(['shipping', 'fee', 'coupon'].map((kind) => lineKindLabel(kind, inHungarian))).toEqual(['Szállítás', 'Díj', 'Kupon']);
    expect(lineKindLabel('gift-wrap', inEnglish)).toBe('gift-wrap');
    expect(lineKindLabels(inEnglish)).toEqual({ shipping: 'Shipping', fee: 'Fee', coupon: 'Coupon' });
  });

  test('a product line with a SKU but no stock item is one the inventory does not know', () => {
    expect(isUnknownSku({ kind: 'product', stockItem: null, sku: 'TEA-1' })).toBe(true);
    expect(isUnknownSku({ kind: 'product', stockItem: 's1', sku: 'TEA-1' })).toBe(false);
    expect(isUnknownSku({ kind: 'shipping', stockItem: null, sku: 'flat_rate' })).toBe(false);
    expect(isUnknownSku({ kind: 'product', stockItem: null, sku: null })).toBe(false);
  });

  test('a shop’s VAT rate may have decimals', () => {
    expect(vatRateLabel('5.5')).toBe('5.5%');
    expect(vatRateLabel('20')).toBe('20%');
    expect(vatRateLabel('AAM')).toBe('AAM');
  });
});

describe('the connection filter', () => {
  const list = [
    { documentId: 'b', name: 'UNAS bolt' },
    { documentId: 'a', name: 'Árnika' },
    { documentId: 'c', name: 'Bolt.hu' },
  ];

  test('offers the connections by name', () => {
    expect(connectionOptions(list, undefined).map(({ label }) => label)).toEqual(['Árnika', 'Bolt.hu', 'UNAS bolt']);
  });

  test('keeps a connection of the URL that the list does not hold', () => {
    expect(connectionOptions(list, 'gone').at(-1)).toEqual({ value: 'gone', label: 'gone' });
    expect(connectionOptions(list, 'a')).toHaveLength(3);
  });
});
