/** What the tests read of a PDF: its text, page by page, as pdfjs-dist extracts it. */
import { execFile, spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
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

const ARTEFACTS = join(__dirname, '..', '..', 'test-results', 'documents');

/**
 * Saves the PDF's first page as test-results/documents/<name>.png, for a person to look at, where
 * poppler's pdftoppm is installed (`apt-get install poppler-utils`); elsewhere it saves the PDF
 * alone. Answers the PNG's path, or null.
 */
export const saveFirstPage = async (bytes: Buffer, name: string): Promise<string | null> => {
  mkdirSync(ARTEFACTS, { recursive: true });
  const pdf = join(ARTEFACTS, `${name}.pdf`);
  writeFileSync(pdf, bytes);
  if (spawnSync('pdftoppm', ['-v']).error) return null;
  await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(ARTEFACTS, name)]);
  return join(ARTEFACTS, `${name}.png`);
};
