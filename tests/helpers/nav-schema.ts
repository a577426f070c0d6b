/** NAV's InvoiceData 3.0 schemas (tests/fixtures/nav, MIT, see NOTICE) and a validator over them, in WebAssembly. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

export const NAV_FIXTURES = join(__dirname, '..', 'fixtures', 'nav');
export const readNavFixture = (name: string) => readFileSync(join(NAV_FIXTURES, name), 'utf8');

// NAV's imports carry no schemaLocation: the wrapper binds each namespace to its file, loaded from memory.
const SCHEMA: XMLFileInfo = { fileName: 'invoiceData-all.xsd', contents: readNavFixture('invoiceData-all.xsd') };
const PRELOAD: XMLFileInfo[] = ['common.xsd', 'invoiceBase.xsd', 'invoiceData.xsd'].map((fileName) => ({
  fileName,
  contents: readNavFixture(fileName),
}));

/** The schema's errors for an XML (or several, in one run), [] when valid. */
export const schemaErrors = async (xml: string | string[], fileName = 'invoice.xml'): Promise<string[]> => {
  const files = (Array.isArray(xml) ? xml : [xml]).map((contents, i) => ({ fileName: `${i}-${fileName}`, contents }));
  const result = await validateXML({ xml: files, schema: SCHEMA, preload: PRELOAD });
  return result.errors.map((error) => error.message);
};
