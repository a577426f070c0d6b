import { checkLine, totalsOf } from '../../src/plugins/orders/admin/src/features/orders/items/utils/check-line';
import { draftLineFromStock, lineBody, type DraftLine } from '../../src/plugins/orders/admin/src/features/orders/items/utils/lines';
import { editLines, initialLines, serverProblemsOf } from '../../src/plugins/orders/admin/src/features/orders/items/utils/lines-state';
import { decimalText, vatRateLabel } from '../../src/plugins/orders/admin/src/ui/format';
import type { StockItemJson } from '../../src/plugins/orders/shared/contracts/inventory';

const line = (fields: Partial<DraftLine> = {}): DraftLine => ({
  key: 'a',
  stockItem: null,
  sku: null,
  name: 'Szállítási díj',
  quantity: '1',
  unit: 'db',
  unitPrice: '1490',
  discountPercent: '0',
  vatRate: '27',
  note: '',
  ...fields,
});

describe('decimalText', () => {
  test('takes the decimal comma Hungarians type, and spaces between thousands', () => {
    expect(decimalText(' 2,5 ')).toBe('2.5');
    expect(decimalText('12 990')).toBe('12990');
    expect(decimalText('12\u00a0990,50')).toBe('12990.50');
  });
});

describe('checkLine', () => {
  test('a fraction of a unit the settings count whole is refused at the quantity; kg and unlisted units keep decimals', () => {
    const units = [
      { unit: 'db', whole: true },
      { unit: 'kg', whole: false },
    ];
    expect(checkLine(line({ quantity: '2,5', unit: 'db' }), 'HUF', units).problems.quantity).toEqual({
      code: 'notWhole',
      values: { unit: 'db' },
    });
    expect(checkLine(line({ quantity: '2,5', unit: ' Db ' }), 'HUF', units).problems.quantity).toEqual({
      code: 'notWhole',
      values: { unit: 'Db' },
    });
    expect(checkLine(line({ quantity: '3', unit: 'db' }), 'HUF', units).problems).toEqual({});
    expect(checkLine(line({ quantity: '2,5', unit: 'kg' }), 'HUF', units).problems).toEqual({});
    expect(checkLine(line({ quantity: '2,5', unit: 'láda' }), 'HUF', units).problems).toEqual({});
    // Without the settings (a role that may not read them) the server refuses it at save instead.
    expect(checkLine(line({ quantity: '2,5', unit: 'db' }), 'HUF').problems).toEqual({});
  });

  test('prices a line as the server does: 2,5 × 1999 Ft − 10 % at 27 %', () => {
    const checked = checkLine(line({ quantity: '2,5', unitPrice: '1999', discountPercent: '10' }), 'HUF');
    expect(checked.problems).toEqual({});
    expect(checked.amounts).toEqual({ net: '4498', vat: '1214', gross: '5712' });
  });

  test('prices euro lines in cents', () => {
    const checked = checkLine(line({ quantity: '3', unitPrice: '12.99', discountPercent: '12.5', vatRate: '18' }), 'EUR');
    expect(checked.amounts).toEqual({ net: '34.10', vat: '6.14', gross: '40.24' });
  });

  test('names the problem of each field that does not parse, and leaves the line unpriced', () => {
    const checked = checkLine(line({ quantity: 'két', unitPrice: '12.5', discountPercent: '120' }), 'HUF');
    expect(checked.problems).toEqual({
      quantity: { code: 'notNumber' },
      unitPrice: { code: 'decimals', values: { max: 0 } },
      discountPercent: { code: 'percent' },
    });
    expect(checked.priced).toBeNull();
    expect(checked.amounts).toBeNull();
  });

  test('quantities: required, positive, at most three decimals', () => {
    expect(checkLine(line({ quantity: '' }), 'HUF').problems.quantity).toEqual({ code: 'required' });
    expect(checkLine(line({ quantity: '0' }), 'HUF').problems.quantity).toEqual({ code: 'notPositive' });
    expect(checkLine(line({ quantity: '1.2345' }), 'HUF').problems.quantity).toEqual({ code: 'decimals', values: { max: 3 } });
  });

  test('an empty discount means none; a negative price (a credit) is allowed', () => {
    const checked = checkLine(line({ discountPercent: ' ', unitPrice: '-1000' }), 'HUF');
    expect(checked.problems).toEqual({});
    expect(checked.amounts).toEqual({ net: '-1000', vat: '-270', gross: '-1270' });
  });

  test('a free line needs a name and a unit; a stock line takes its name from the stock item', () => {
    expect(checkLine(line({ name: ' ', unit: '' }), 'HUF').problems).toEqual({ name: { code: 'required' }, unit: { code: 'required' } });
    expect(checkLine(line({ name: '', stockItem: 'x' }), 'HUF').problems).toEqual({});
  });
});

describe('totalsOf', () => {
  test('sums the lines that parse, per VAT rate, and counts those left out', () => {
    const totals = totalsOf(
      [
        checkLine(line({ quantity: '2', unitPrice: '8990' }), 'HUF'),
        checkLine(line({ unitPrice: '1000', vatRate: '5' }), 'HUF'),
        checkLine(line({ quantity: 'x' }), 'HUF'),
      ],
      'HUF'
    );
    expect(totals).toEqual({
      net: '18980',
      vat: '4905',
      gross: '23885',
      byVatRate: [
        { vatRate: '27', net: '17980', vat: '4855', gross: '22835' },
        { vatRate: '5', net: '1000', vat: '50', gross: '1050' },
      ],
      leftOut: 1,
    });
  });
});

describe('vatRateLabel', () => {
  test('percentages with a sign, exempt codes as they are', () => {
    expect(vatRateLabel('27')).toBe('27%');
    expect(vatRateLabel('0')).toBe('0%');
    expect(vatRateLabel('AAM')).toBe('AAM');
  });
});

describe('lines from stock and to the API', () => {
  const stock = {
    documentId: 'kave',
    sku: 'KAVE-1KG',
    name: 'Pörkölt kávé 1 kg',
    unit: 'db',
    unitPrice: '8990',
    vatRate: '27',
  } as StockItemJson;

  test('a stock item gives its name, unit, price and VAT; its forint price only to forint orders', () => {
    expect(draftLineFromStock(stock, 'HUF', 'n1')).toMatchObject({
      key: 'n1',
      stockItem: 'kave',
      quantity: '1',
      unitPrice: '8990',
      vatRate: '27',
    });
    expect(draftLineFromStock(stock, 'EUR', 'n1').unitPrice).toBe('');
  });

  test('sends the decimals as typed, with a dot, and no stockItem for a free line', () => {
    expect(lineBody(line({ quantity: ' 2,5 ', discountPercent: '', note: '  ' }))).toEqual({
      name: 'Szállítási díj',
      quantity: '2.5',
      unitPrice: '1490',
      discountPercent: '0',
      vatRate: '27',
      unit: 'db',
      note: null,
    });
    expect(lineBody(line({ stockItem: 'kave' })).stockItem).toBe('kave');
  });
});

describe('serverProblemsOf', () => {
  test('puts each field error on the line it names, by position in the lines sent', () => {
    const sent = [line({ key: 'a' }), line({ key: 'b' })];
    expect(
      serverProblemsOf(
        [
          { path: ['items', '1', 'quantity'], message: 'must be greater than 0' },
          { path: ['items', '1', 'stockItem'], message: 'no stock item x' },
          { path: ['customer'], message: 'is required' },
        ],
        sent
      )
    ).toEqual({ byLine: { b: { quantity: 'must be greater than 0', name: 'no stock item x' } }, other: ['is required'] });
  });
});

describe('editLines', () => {
  const start = initialLines([line({ key: 'a' }), line({ key: 'b' }), line({ key: 'c' })]);

  test('a change makes a new line and keeps the others as they were', () => {
    const next = editLines(start, { type: 'change', key: 'b', field: 'quantity', value: '3' });
    expect(next.dirty).toBe(true);
    expect(next.lines[1].quantity).toBe('3');
    expect(next.lines[0]).toBe(start.lines[0]);
    expect(next.lines[2]).toBe(start.lines[2]);
  });

  test('ignores a VAT rate that is not one', () => {
    expect(editLines(start, { type: 'change', key: 'a', field: 'vatRate', value: '25' })).toBe(start);
  });

  test('moves a line up and down, not past either end', () => {
    const keys = (state: typeof start) => state.lines.map((l) => l.key).join('');
    expect(keys(editLines(start, { type: 'move', key: 'b', by: -1 }))).toBe('bac');
    expect(keys(editLines(start, { type: 'move', key: 'b', by: 1 }))).toBe('acb');
    expect(editLines(start, { type: 'move', key: 'a', by: -1 })).toBe(start);
  });

  test('adds and removes lines', () => {
    const added = editLines(start, { type: 'add', line: line({ key: 'd' }) });
    expect(added.lines.map((l) => l.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(editLines(added, { type: 'remove', key: 'a' }).lines.map((l) => l.key)).toEqual(['b', 'c', 'd']);
  });

  test("forgets the server's complaint about a field once the user changes it", () => {
    const refused = editLines(start, { type: 'refused', serverProblems: { a: { quantity: 'must be greater than 0', note: 'too long' } } });
    const next = editLines(refused, { type: 'change', key: 'a', field: 'quantity', value: '1' });
    expect(next.serverProblems).toEqual({ a: { note: 'too long' } });
  });
});
