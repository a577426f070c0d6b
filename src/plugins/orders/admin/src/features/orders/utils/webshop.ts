/**
 * A webshop's order in the admin's words: which connection it came from, what kind of shop that
 * is, what each of its flags means and what each kind of line is called. Pure, so that the list,
 * the datasheet and the itemised view say the same and a unit test can read it.
 */
import type { IntlShape } from 'react-intl';
import { LINE_KINDS, type LineKind } from '../../../../../shared/contracts/normalized-order';
import { ORDER_FLAGS, type OrderConnectionJson, type OrderFlag } from '../../../../../shared/contracts/orders';
import { CONNECTION_KINDS, type ConnectionKind } from '../../../../../shared/domain/status-map';
import { getTranslation } from '../../../ui/translations';

type FormatMessage = IntlShape['formatMessage'];

/** A webshop's order follows its shop: its lines and state change there, never in the admin. */
export const isWebshopOrder = (order: { connection: OrderConnectionJson | null }): boolean => order.connection !== null;

const isKind = (kind: string): kind is ConnectionKind => (CONNECTION_KINDS as readonly string[]).includes(kind);

/** WooCommerce, Shoprenter, UNAS, XML: the words of Settings → Webshops; a kind we do not know, as it is. */
export const connectionKindLabel = (kind: string, formatMessage: FormatMessage): string =>
  isKind(kind) ? formatMessage({ id: getTranslation(`webshops.kind.${kind}`), defaultMessage: kind }) : kind;

/** The connection's name, and that it is gone once deleted: "Bolt (deleted)". */
export const connectionName = (connection: OrderConnectionJson, formatMessage: FormatMessage): string =>
  connection.deleted
    ? formatMessage({ id: getTranslation('webshop.connection.deletedName'), defaultMessage: '{name} (deleted)' }, { name: connection.name })
    : connection.name;

/** The English of each flag and of what to do about it; the translations hold the Hungarian. */
export const FLAG_TEXTS: Record<OrderFlag, { label: string; explain: string }> = {
  oversold: { label: 'Oversold', explain: 'Stock went below zero for this order.' },
  unknownSku: {
    label: 'Unknown SKU',
    explain: 'A line’s SKU is not in the inventory: create the item, then replay the delivery from the inbox.',
  },
  totalMismatch: {
    label: 'Total mismatch',
    explain: 'The shop’s total is not the sum of its lines: the order shows the shop’s total, check the lines in the shop.',
  },
  unmappedStatus: {
    label: 'Unmapped status',
    explain: 'The shop’s status is not in the connection’s status map: add it there, and the next delivery moves the order.',
  },
};

/** The flags the admin knows, once each, in the contract's order; a flag from a newer server is left out. */
export const knownFlags = (flags: readonly string[]): OrderFlag[] => ORDER_FLAGS.filter((flag) => flags.includes(flag));

/** A flag's short name, for a badge or a tooltip. */
export const flagLabel = (flag: OrderFlag, formatMessage: FormatMessage): string =>
  formatMessage({ id: getTranslation(`webshop.flag.${flag}`), defaultMessage: FLAG_TEXTS[flag].label });

/** What a flag means and what to do about it. */
export const flagExplanation = (flag: OrderFlag, formatMessage: FormatMessage): string =>
  formatMessage({ id: getTranslation(`webshop.flag.${flag}.explain`), defaultMessage: FLAG_TEXTS[flag].explain });

const LINE_KIND_TEXTS: Record<LineKind, string> = { product: 'Product', shipping: 'Shipping', fee: 'Fee', coupon: 'Coupon' };

const isLineKind = (kind: string): kind is LineKind => (LINE_KINDS as readonly string[]).includes(kind);

/**
 * The small label beside a line's name: Shipping, Fee, Coupon. A product line, the usual kind,
 * has none; a kind from a newer server shows as it is.
 */
export const lineKindLabel = (kind: string, formatMessage: FormatMessage): string | null => {
  if (kind === 'product' || kind === '') return null;
  return isLineKind(kind) ? formatMessage({ id: getTranslation(`items.kind.${kind}`), defaultMessage: LINE_KIND_TEXTS[kind] }) : kind;
};

/** Every line kind's label, worded once for the whole sheet rather than once per row. */
export const lineKindLabels = (formatMessage: FormatMessage): Record<string, string> =>
  Object.fromEntries(LINE_KINDS.map((kind) => [kind, lineKindLabel(kind, formatMessage) ?? '']).filter(([, label]) => label !== ''));

/** One choice of the orders list's connection filter. */
export interface ConnectionOption {
  value: string;
  label: string;
}

/**
 * The connection filter's choices, by name. A connection in the URL that the list does not hold
 * (deleted since, or a hand-edited link) stays choosable under its documentId, so that the filter
 * never looks empty while it filters.
 */
export const connectionOptions = (
  connections: ReadonlyArray<{ documentId: string; name: string }>,
  current: string | undefined
): ConnectionOption[] => {
  const options = connections
    .map(({ documentId, name }) => ({ value: documentId, label: name }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.value.localeCompare(b.value));
  return current && !options.some(({ value }) => value === current) ? [...options, { value: current, label: current }] : options;
};

/** A line the shop sent with a SKU the inventory does not know (yet): it holds no stock until replayed. */
export const isUnknownSku = (line: { stockItem: string | null; sku: string | null; kind: string }): boolean =>
  line.kind === 'product' && line.stockItem === null && line.sku !== null;
