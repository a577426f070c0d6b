/**
 * Prints the text of a PDF, page by page, as a JSON list of strings: `node pdf-text.mjs file.pdf`.
 * Run as a process of its own because pdfjs-dist is an ES module, which Jest's CommonJS tests
 * cannot import; pdfjs-dist needs no system package.
 */
import { readFileSync } from 'fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const pdf = await getDocument({ data, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
/**
 * A page's text as it reads: pieces on one line joined as they stand — touching pieces ("ÁFA-"
 * "kulcs") without a space, cells apart with one —, lines top to bottom.
 */
const textOf = (items) => {
  let text = '';
  let last = null;
  for (const item of items) {
    const [x, y] = [item.transform[4], item.transform[5]];
    if (last && Math.abs(y - last.y) > 1) text += '\n';
    else if (last && x - last.end > 1 && !/\s$/.test(text) && item.str.trim()) text += ' ';
    text += item.str;
    last = { y, end: x + item.width };
  }
  return text;
};

const pages = [];
for (let number = 1; number <= pdf.numPages; number += 1) {
  const { items } = await (await pdf.getPage(number)).getTextContent();
  pages.push(textOf(items.filter((item) => item.str !== '' || item.hasEOL)));
}
process.stdout.write(JSON.stringify(pages));
