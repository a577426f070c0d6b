import { shownPayload } from '../../src/plugins/orders/admin/src/features/inbox/utils/payload';

describe('an inbox payload as the admin shows it', () => {
  test('JSON is indented', () => {
    expect(shownPayload({ text: '{"id":1,"line_items":[{"sku":"A"}]}', base64: null })).toEqual({
      kind: 'json',
      text: '{\n  "id": 1,\n  "line_items": [\n    {\n      "sku": "A"\n    }\n  ]\n}',
    });
  });

  test('XML, and JSON that does not parse, are shown exactly as they came', () => {
    const xml = '<?xml version="1.0"?>\n<Orders><Order><Key>1</Key></Order></Orders>';
    expect(shownPayload({ text: xml, base64: null })).toEqual({ kind: 'text', text: xml });
    expect(shownPayload({ text: '{"id": 1,', base64: null })).toEqual({ kind: 'text', text: '{"id": 1,' });
  });

  test('a body that is not text is shown as its base64; no body at all is said to be empty', () => {
    expect(shownPayload({ text: null, base64: '//79' })).toEqual({ kind: 'base64', text: '//79' });
    expect(shownPayload({ text: null, base64: null }).kind).toBe('empty');
    expect(shownPayload({ text: '', base64: null }).kind).toBe('empty');
  });
});
