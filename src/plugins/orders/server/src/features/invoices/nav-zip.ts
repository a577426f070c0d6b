/**
 * The NAV XML of a range of invoices as one ZIP download: one InvoiceData file per invoice, named
 * after its number, for a reporting client or an accountant to take in at once.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { safeFileName } from './serializer';

export interface NavFile {
  name: string;
  xml: string;
}

/** "2026-E/00001" → "2026-E_00001.xml". */
export const navFileName = (invoiceNumber: string): string => `${safeFileName(invoiceNumber)}.xml`;

/**
 * The files zipped, UTF-8, deflated. Two files of one name would silently become one, so that is
 * refused. `modified` is every entry's date: the moment of the download unless a caller fixes it.
 */
export const navZip = (files: NavFile[], modified: Date = new Date()): Buffer => {
  const entries: Zippable = {};
  for (const { name, xml } of files) {
    if (Object.hasOwn(entries, name)) throw new Error(`two files are named ${name}`);
    entries[name] = strToU8(xml);
  }
  return Buffer.from(zipSync(entries, { level: 6, mtime: modified }));
};
