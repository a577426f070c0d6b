/** What the tests read of a PDF: its text, page by page, as pdfjs-dist extracts it. */
import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';

const run = promisify(execFile);

/** The text of each page, no-break spaces as spaces and runs of spaces as one. */
export const pdfPages = async (bytes: Buffer): Promise<string[]> => {
  const directory = mkdtempSync(join(tmpdir(), 'orders-pdf-'));
  try {
    const file = join(directory, 'document.pdf');
    writeFileSync(file, bytes);
    const { stdout } = await run(process.execPath, [join(__dirname, 'pdf-text.mjs'), file], { maxBuffer: 64 * 1024 * 1024 });
    return (JSON.parse(stdout) as string[]).map((page) => page.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' '));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

/** A binary answer of supertest, as a Buffer. */
export const binary = (response: { body: unknown }) => response.body as Buffer;
