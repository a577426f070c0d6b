/** What every spreadsheet export takes: the separator Excel splits on, and the reader's language. */
import { z } from 'zod';
import { CSV_LANGUAGES } from '../domain/csv';

export const csvQuery = {
  separator: z.enum([';', ',']).default(';'),
  /** Column names and the decimal mark (2,5 or 2.5); Hungarian unless the reader's admin is in English. */
  language: z.enum(CSV_LANGUAGES).default('hu'),
};
