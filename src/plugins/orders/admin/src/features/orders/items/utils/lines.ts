/**
 * The itemised view's editing logic, free of React: lines are kept as the user typed them, and
 * checked and priced with the server's own domain modules, so the live totals are the ones the
 * server will compute, to the forint.
 */
import { DecimalFormatError, parseFixed } from '../../../../../../shared/domain/fixed-point';
import { currencyScale, formatMoney as moneyText, parseMoney, STOCK_CURRENCY } from '../../../../../../shared/domain/money';
import { parseQuantity, QUANTITY_SCALE } from '../../../../../../shared/domain/quantity';
import { DISCOUNT_SCALE, lineAmounts, orderTotals, type Amounts, type PricedLine } from '../../../../../../shared/domain/totals';
import { isVatRate, type VatRate } from '../../../../../../shared/domain/vat';
import type { StockItemJson } from '../../../../../../shared/contracts/inventory';
import type { OrderItemJson } from '../../../../../../shared/contracts/orders';

/** An order line being edited: every number still the text the user typed. */
export interface DraftLine {
  /** Stable across reordering, so React keeps each row's inputs (and the focus) in place. */
  key: string;
  stockItem: string | null;
  sku: string | null;
  name: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  vatRate: VatRate;
  note: string;
}

export type LineField = 'name' | 'quantity' | 'unit' | 'unitPrice' | 'discountPercent' | 'vatRate' | 'note';
/** What can be changed on a line already in the table. */
export type EditableField = 'quantity' | 'unitPrice' | 'discountPercent' | 'vatRate' | 'note';

/**
 * Why a field's text is not usable, in the codes the server's field errors use, so that one
 * translation words both (ui/errors.ts).
 */
export type Problem =
  | { code: 'required' }
  | { code: 'notNumber' }
  | { code: 'decimals'; values: { max: number } }
  | { code: 'notPositive' }
  | { code: 'percent' };

export type LineProblems = Partial<Record<LineField, Problem>>;

/** Decimal strings in the order's currency, as the API speaks them. */
export interface AmountTexts {
  net: string;
  vat: string;
  gross: string;
}

export interface CheckedLine {
  /** The line as the totals count it; null while one of its fields does not parse. */
  priced: PricedLine | null;
  amounts: AmountTexts | null;
  problems: LineProblems;
}

/**
 * What the user typed as the API's decimal text: trimmed, spaces dropped ("12 990") and a decimal
 * comma turned into a dot, as Hungarians type 2,5.
 */
export const decimalText = (typed: string): string => typed.replace(/[\s\u00a0\u202f]/g, '').replace(/,/g, '.');

const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

const readDecimal = (typed: string, parse: (text: string) => bigint, maxDecimals: number): bigint | Problem => {
  const text = decimalText(typed);
  if (!text) return { code: 'required' };
  if (!DECIMAL.test(text)) return { code: 'notNumber' };
  try {
    return parse(text);
  } catch (error) {
    // The text is a number, so the only thing parseFixed can object to is its precision.
    if (error instanceof DecimalFormatError) return { code: 'decimals', values: { max: maxDecimals } };
    throw error;
  }
};

const ONE_HUNDRED_PERCENT = 100n * 10n ** BigInt(DISCOUNT_SCALE);

const texts = ({ net, vat, gross }: Amounts, currency: string): AmountTexts => ({
  net: moneyText(net, currency),
  vat: moneyText(vat, currency),
  gross: moneyText(gross, currency),
});

/** Checks a line as the server will, and prices it when every number parses. */
export const checkLine = (line: DraftLine, currency: string): CheckedLine => {
  const problems: LineProblems = {};

  const quantity = readDecimal(line.quantity, parseQuantity, QUANTITY_SCALE);
  if (typeof quantity !== 'bigint') problems.quantity = quantity;
  else if (quantity <= 0n) problems.quantity = { code: 'notPositive' };

  const unitPrice = readDecimal(line.unitPrice, (text) => parseMoney(text, currency), currencyScale(currency));
  if (typeof unitPrice !== 'bigint') problems.unitPrice = unitPrice;

  // An empty discount means none.
  const discount = decimalText(line.discountPercent)
    ? readDecimal(line.discountPercent, (text) => parseFixed(text, DISCOUNT_SCALE), DISCOUNT_SCALE)
    : 0n;
  if (typeof discount !== 'bigint') problems.discountPercent = discount;
  else if (discount < 0n || discount > ONE_HUNDRED_PERCENT) problems.discountPercent = { code: 'percent' };

  if (!line.stockItem && !line.name.trim()) problems.name = { code: 'required' };
  if (!line.unit.trim()) problems.unit = { code: 'required' };

  if (typeof quantity !== 'bigint' || typeof unitPrice !== 'bigint' || typeof discount !== 'bigint' || problems.quantity || problems.discountPercent) {
    return { priced: null, amounts: null, problems };
  }
  const priced: PricedLine = { quantityMilli: quantity, unitPriceMinor: unitPrice, discountBasisPoints: discount, vatRate: line.vatRate };
  return { priced, amounts: texts(lineAmounts(priced), currency), problems };
};

export const hasProblems = (checked: CheckedLine): boolean => Object.keys(checked.problems).length > 0;

export interface TotalsTexts extends AmountTexts {
  byVatRate: Array<AmountTexts & { vatRate: VatRate }>;
  /** Lines left out because a field does not parse yet. */
  leftOut: number;
}

/** The order's totals over the lines that parse, computed once per change. */
export const totalsOf = (checked: CheckedLine[], currency: string): TotalsTexts => {
  const priced = checked.flatMap((line) => (line.priced ? [line.priced] : []));
  const totals = orderTotals(priced);
  return {
    ...texts(totals, currency),
    byVatRate: totals.byVatRate.map((row) => ({ vatRate: row.vatRate, ...texts(row, currency) })),
    leftOut: checked.length - priced.length,
  };
};

/** "27%" for a percentage, the exempt codes (AAM, TAM…) as they are. */
export const vatRateLabel = (rate: string): string => (/^\d+$/.test(rate) ? `${rate}%` : rate);

export const draftLineOf = (item: OrderItemJson): DraftLine => ({
  key: item.documentId,
  stockItem: item.stockItem,
  sku: item.sku,
  name: item.name,
  quantity: item.quantity,
  unit: item.unit,
  unitPrice: item.unitPrice,
  discountPercent: item.discountPercent,
  vatRate: item.vatRate,
  note: item.note ?? '',
});

export const draftLineFromStock = (stock: StockItemJson, currency: string, key: string): DraftLine => ({
  key,
  stockItem: stock.documentId,
  sku: stock.sku,
  name: stock.name,
  quantity: '1',
  unit: stock.unit,
  // Stock items are priced in the shop's currency: in any other the price is the user's to give.
  unitPrice: currency === STOCK_CURRENCY ? stock.unitPrice : '',
  discountPercent: '0',
  vatRate: stock.vatRate,
  note: '',
});

/** A line as PUT /orders/orders/:id takes it. */
export interface LineBody {
  stockItem?: string;
  name: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  vatRate: VatRate;
  unit: string;
  note: string | null;
}

export const lineBody = (line: DraftLine): LineBody => ({
  ...(line.stockItem ? { stockItem: line.stockItem } : {}),
  name: line.name.trim(),
  quantity: decimalText(line.quantity),
  unitPrice: decimalText(line.unitPrice),
  discountPercent: decimalText(line.discountPercent) || '0',
  vatRate: line.vatRate,
  unit: line.unit.trim(),
  note: line.note.trim() || null,
});

/** The server's problems with a line's fields after it refused to save, worded in the admin's language. */
export type ServerProblems = Record<string, Partial<Record<LineField, string>>>;

const FIELD_OF_PATH: Record<string, LineField> = {
  name: 'name',
  quantity: 'quantity',
  unit: 'unit',
  unitPrice: 'unitPrice',
  discountPercent: 'discountPercent',
  vatRate: 'vatRate',
  note: 'note',
  // A missing stock item is a fault of the line as a whole: it shows at its name.
  stockItem: 'name',
  sku: 'name',
};

/**
 * Sorts the field errors of a 400 (paths like ["items", "2", "quantity"], by position in the
 * lines sent) onto the lines they concern; anything else comes back as plain messages.
 */
export const serverProblemsOf = (
  errors: Array<{ path: Array<string | number>; message: string }>,
  sent: DraftLine[]
): { byLine: ServerProblems; other: string[] } => {
  const byLine: ServerProblems = {};
  const other: string[] = [];
  for (const { path, message } of errors) {
    const [root, index, field] = path.map(String);
    const line = root === 'items' && /^\d+$/.test(index ?? '') ? sent[Number(index)] : undefined;
    if (!line) {
      other.push(message);
      continue;
    }
    const at = FIELD_OF_PATH[field ?? ''] ?? 'name';
    byLine[line.key] = { ...byLine[line.key], [at]: message };
  }
  return { byLine, other };
};

export interface LinesState {
  lines: DraftLine[];
  /** True once the user changed anything since the lines were last loaded or saved. */
  dirty: boolean;
  serverProblems: ServerProblems;
}

export type LinesAction =
  | { type: 'reset'; lines: DraftLine[] }
  | { type: 'change'; key: string; field: EditableField; value: string }
  | { type: 'add'; line: DraftLine }
  | { type: 'remove'; key: string }
  | { type: 'move'; key: string; by: -1 | 1 }
  | { type: 'refused'; serverProblems: ServerProblems };

export const initialLines = (lines: DraftLine[]): LinesState => ({ lines, dirty: false, serverProblems: {} });

/** Drops the server's complaint about a field once the user touches it. */
const forget = (problems: ServerProblems, key: string, field: LineField): ServerProblems => {
  if (!problems[key]?.[field]) return problems;
  const { [field]: _forgotten, ...rest } = problems[key];
  return { ...problems, [key]: rest };
};

/**
 * Every change makes a new array but keeps the untouched line objects, so memoised rows and the
 * per-line price cache skip all lines but the one that changed.
 */
export const editLines = (state: LinesState, action: LinesAction): LinesState => {
  switch (action.type) {
    case 'reset':
      return initialLines(action.lines);
    case 'change': {
      if (action.field === 'vatRate' && !isVatRate(action.value)) return state;
      return {
        lines: state.lines.map((line) => (line.key === action.key ? { ...line, [action.field]: action.value } : line)),
        dirty: true,
        serverProblems: forget(state.serverProblems, action.key, action.field),
      };
    }
    case 'add':
      return { ...state, lines: [...state.lines, action.line], dirty: true };
    case 'remove':
      return { ...state, lines: state.lines.filter((line) => line.key !== action.key), dirty: true };
    case 'move': {
      const from = state.lines.findIndex((line) => line.key === action.key);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= state.lines.length) return state;
      const lines = [...state.lines];
      [lines[from], lines[to]] = [lines[to], lines[from]];
      return { ...state, lines, dirty: true };
    }
    case 'refused':
      return { ...state, serverProblems: action.serverProblems };
  }
};
