import { CSV_BOM, csvHeader, csvNumber, csvRow, inertText, toCsv } from '../../src/plugins/orders/shared/domain/csv';

test('quotes what needs quoting, with a BOM and CRLF line ends', () => {
  const csv = toCsv(
    ['sku', 'name'],
    [
      ['A-1', 'Kávé; 1 kg'],
      ['B "2"', 'line\nbreak'],
      ['C', 'plain'],
    ]
  );
  expect(csv).toBe('\uFEFFsku;name\r\nA-1;"Kávé; 1 kg"\r\n"B ""2""";"line\nbreak"\r\nC;plain\r\n');
});

test('the comma separator quotes commas instead', () => {
  expect(toCsv(['a'], [['1,5'], ['2;5']], ',')).toBe('\uFEFFa\r\n"1,5"\r\n2;5\r\n');
});

test('text that a spreadsheet would run as a formula is made inert', () => {
  expect(['=SUM(A1)', '+36', '-x', '@cmd', 'safe'].map(inertText)).toEqual(["'=SUM(A1)", "'+36", "'-x", "'@cmd", 'safe']);
});

test("numbers and column names in the reader's language: Hungarian Excel reads 2,5, English 2.5", () => {
  expect(['2.5', '-0.125', '1000', '12'].map((value) => csvNumber(value, 'hu'))).toEqual(['2,5', '-0,125', '1000', '12']);
  expect(csvNumber('2.5', 'en')).toBe('2.5');
  const columns = [
    { en: 'SKU', hu: 'Cikkszám' },
    { en: 'On hand', hu: 'Készleten' },
  ];
  expect(csvHeader(columns, 'hu')).toEqual(['Cikkszám', 'Készleten']);
  expect(csvHeader(columns, 'en')).toEqual(['SKU', 'On hand']);
});

test('a streamed export writes the same file row by row: the BOM once, each row with its line end', () => {
  const rows = [
    ['A-1', 'Kávé; 1 kg'],
    ['B', 'plain'],
  ];
  expect(CSV_BOM + csvRow(['sku', 'name']) + rows.map((row) => csvRow(row)).join('')).toBe(toCsv(['sku', 'name'], rows));
  expect(csvRow(['1,5'], ',')).toBe('"1,5"\r\n');
});
