/**
 * Renders document definitions to PDF bytes with pdfmake 0.3's Node API. pdfmake is one
 * singleton per thread: its fonts and access policies are set once, here, and nothing else uses
 * it. The app renders in a worker thread (renderer.ts); the benchmark calls this directly.
 *
 * Nothing a definition says can reach outside: the URL and local-file access policies deny
 * everything, so an image or font named by a path or an address is refused. The fonts are the
 * bundled ones (TEMPLATE_FONTS), read from the packages that ship them into pdfmake's virtual
 * file system — never downloaded: Roboto from pdfmake's own, DejaVu Sans and Serif from
 * dejavu-fonts-ttf. Each has every Hungarian letter (ő ű Ő Ű).
 *
 * A family's files are read the first time a document uses it, and kept for the thread's life:
 * Roboto's four are 0.6 MB, DejaVu Sans's 2.7 MB, DejaVu Serif's 1.4 MB — a thread that renders
 * only the default template holds Roboto's alone.
 */
import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import pdfmake from 'pdfmake';
import { DEFAULT_FONT, TEMPLATE_FONTS, type TemplateFont } from '../../../../shared/domain/template-rules';

type Style = 'normal' | 'bold' | 'italics' | 'bolditalics';

/** Where a family's files are: a package, its folder of them, the file of each style. */
interface FontFamily {
  package: string;
  folder: string;
  files: Record<Style, string>;
}

const FAMILIES: Record<TemplateFont, FontFamily> = {
  Roboto: {
    package: 'pdfmake',
    folder: 'fonts/Roboto',
    files: {
      normal: 'Roboto-Regular.ttf',
      bold: 'Roboto-Medium.ttf',
      italics: 'Roboto-Italic.ttf',
      bolditalics: 'Roboto-MediumItalic.ttf',
    },
  },
  'DejaVu Sans': {
    package: 'dejavu-fonts-ttf',
    folder: 'ttf',
    files: {
      normal: 'DejaVuSans.ttf',
      bold: 'DejaVuSans-Bold.ttf',
      italics: 'DejaVuSans-Oblique.ttf',
      bolditalics: 'DejaVuSans-BoldOblique.ttf',
    },
  },
  'DejaVu Serif': {
    package: 'dejavu-fonts-ttf',
    folder: 'ttf',
    files: {
      normal: 'DejaVuSerif.ttf',
      bold: 'DejaVuSerif-Bold.ttf',
      italics: 'DejaVuSerif-Italic.ttf',
      bolditalics: 'DejaVuSerif-BoldItalic.ttf',
    },
  },
};

/** A file's name in pdfmake's virtual file system. */
const virtualName = (file: string) => `orders-fonts/${file}`;

let ready = false;
const loaded = new Set<TemplateFont>();

/** Names every family to pdfmake (by its virtual files) and denies all access, once per thread. */
const prepare = () => {
  if (ready) return;
  pdfmake.setFonts(
    Object.fromEntries(
      TEMPLATE_FONTS.map((family) => [
        family,
        Object.fromEntries(Object.entries(FAMILIES[family].files).map(([style, file]) => [style, virtualName(file)])),
      ])
    ) as Record<TemplateFont, Record<Style, string>>
  );
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
};

/** Reads a family's four files from its package into the virtual file system, unless they are there. */
const load = (family: TemplateFont) => {
  if (loaded.has(family)) return;
  const { package: name, folder, files } = FAMILIES[family];
  const directory = join(dirname(require.resolve(`${name}/package.json`)), folder);
  for (const file of Object.values(files)) pdfmake.virtualfs.writeFileSync(virtualName(file), readFileSync(join(directory, file)));
  loaded.add(family);
};

/**
 * The PDF of a document definition that uses `fonts` (the default one unless told). pdfmake
 * changes the definition it is given: pass a fresh one.
 */
export const renderPdf = async (definition: object, fonts: readonly TemplateFont[] = [DEFAULT_FONT]): Promise<Buffer> => {
  prepare();
  fonts.forEach(load);
  return pdfmake.createPdf(definition).getBuffer();
};
