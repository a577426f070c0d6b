/**
 * Renders document definitions to PDF bytes with pdfmake 0.3's Node API. pdfmake is one
 * singleton per thread: its fonts and access policies are set once, here, and nothing else uses
 * it. The app renders in a worker thread (renderer.ts); the benchmark calls this directly.
 *
 * Nothing a definition says can reach outside: the URL and local-file access policies deny
 * everything, so an image or font named by a path or an address is refused, and the fonts are
 * pdfmake's own Roboto files, read from its package into its virtual file system at start —
 * never downloaded. Roboto has every Hungarian letter (ő ű Ő Ű).
 */
import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import pdfmake from 'pdfmake';

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/** The fonts a definition may name. */
export const FONTS = ['Roboto'] as const;

let ready = false;

/** Loads the fonts and denies all access once per process, before the first render. */
const prepare = () => {
  if (ready) return;
  const directory = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const roboto = Object.fromEntries(
    Object.entries(FONT_FILES).map(([style, file]) => {
      const name = `orders-fonts/${file}`;
      pdfmake.virtualfs.writeFileSync(name, readFileSync(join(directory, file)));
      return [style, name];
    })
  ) as Record<keyof typeof FONT_FILES, string>;
  pdfmake.setFonts({ Roboto: roboto });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
};

/** The PDF of a document definition. pdfmake changes the definition it is given: pass a fresh one. */
export const renderPdf = async (definition: object): Promise<Buffer> => {
  prepare();
  return pdfmake.createPdf(definition).getBuffer();
};
