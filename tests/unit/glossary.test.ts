/**
 * One Hungarian voice (issue 13 §7): every Hungarian text the plugin shows — the admin's
 * translations, the segment names, the words of the order document and the invoice — speaks
 * informally (te) and uses the glossary's word for each concept. The glossary is docs/glossary.md;
 * this test reads its table, so retiring a word there makes every text that still uses it fail here.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import hu from '../../src/plugins/orders/admin/src/translations/hu.json';
import { SEGMENT_NAMES } from '../../src/plugins/orders/shared/domain/segments';
import { wordsOf } from '../../src/plugins/orders/server/src/features/documents/templates/default-template';
import { PARTY_WORDS } from '../../src/plugins/orders/server/src/features/documents/templates/blocks';

interface Row {
  concept: string;
  hungarian: string[];
  retired: string[];
}

/** A cell's words: "a · b · c" or "a, b", with the parenthesised remarks and "(short: …)" left out. */
const wordsOfCell = (cell: string) =>
  cell
    .replace(/\([^)]*\)/g, '')
    .split(/[·,]/)
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);

const glossary: Row[] = readFileSync(join(__dirname, '../../docs/glossary.md'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| concept') && !line.startsWith('| ---'))
  .map((line) => {
    const [concept, , hungarian, retired] = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    return { concept, hungarian: wordsOfCell(hungarian), retired: wordsOfCell(retired) };
  });

const LETTER = 'a-zA-ZáéíóöőúüűÁÉÍÓÖŐÚÜŰ';

/** Every Hungarian text, by where it lives. Placeholders ({sku}) are not words. */
const texts: Array<[string, string]> = [
  ...Object.entries(hu as Record<string, string>).map(([key, text]): [string, string] => [`hu.json ${key}`, text]),
  ...Object.entries(SEGMENT_NAMES).map(([segment, label]): [string, string] => [`segment ${segment}`, label.hu]),
  ...Object.entries({ ...wordsOf('hu'), ...PARTY_WORDS.hu }).map(([key, text]): [string, string] => [`document ${key}`, String(text)]),
].map(([where, text]) => [where, text.replace(/\{[^}]*\}/g, ' ')]);

/**
 * Words that start like a retired word but are another word: "sorszám" (a number) and "sorolt" (listed) are not "sor"
 * (a line), "raktáron", "raktárban" (in the warehouse) are not "Raktár" (the menu), "elérhetőségek" (contact
 * details) is not "elérhető" (available). A hit is fine when its word starts with one of these.
 */
const OTHER_WORDS: Record<string, string[]> = {
  sor: ['sorszám', 'sorrend', 'sorol'],
  raktár: ['raktáron', 'raktárban'],
  elérhető: ['elérhetőség'],
  minta: ['mintá'],
};

/** Where a retired word is the right word after all, each with its reason. */
const EXCEPTIONS: Record<string, string> = {
  'hu.json items.kind.product termék': "a line's kind (goods, beside shipping, fee and coupon), not a stock item",
  'hu.json settings.invoicing.series.pattern minta': 'the number pattern of a series ("SZ-{year}-{n}"), not a template',
};

/**
 * A retired word that is a word of another concept's own term cannot be checked by the text
 * alone: "állapot" is the state's word, "státusz" the custom status's ("egyedi státusz").
 */
const wordsOfTerm = (term: string) => term.split(/[\s-]+/);
const ownWordOfAnother = (row: Row, word: string) =>
  glossary.some((other) => other !== row && other.hungarian.some((term) => wordsOfTerm(term).includes(word)));
const checked = glossary.flatMap((row) => row.retired.filter((word) => !ownWordOfAnother(row, word)).map((word) => ({ row, word })));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The glossary's own terms, longest first, taken out of a text before it is searched: "Vásárlói szegmensek" holds no "vásárló". */
const ownTerms = [...new Set(glossary.flatMap((row) => row.hungarian))].sort((a, b) => b.length - a.length);
const withoutOwnTerms = (text: string) =>
  ownTerms.reduce((rest, term) => rest.replace(new RegExp(`(?<![${LETTER}])${escape(term)}`, 'giu'), ' '), text);

/** The texts as searched for retired words. */
const searched = texts.map(([where, text]): [string, string] => [where, withoutOwnTerms(text)]);

const hitsOf = (text: string, word: string) => {
  const pattern = new RegExp(`(?<![${LETTER}])${escape(word)}[${LETTER}-]*`, 'giu');
  return [...text.matchAll(pattern)].map((match) => match[0].toLowerCase());
};

describe('the glossary', () => {
  it('is read: every row has a concept and a Hungarian word', () => {
    expect(glossary.length).toBeGreaterThan(30);
    for (const row of glossary) {
      expect(row.concept).not.toBe('');
      expect(row.hungarian.length).toBeGreaterThan(0);
    }
    expect(checked.map(({ word }) => word)).toEqual(expect.arrayContaining(['készletelem', 'raktár', 'selejt', 'vásárló']));
  });

  it('no Hungarian text uses a word the glossary retired', () => {
    const offences: string[] = [];
    for (const [where, text] of searched) {
      for (const { row, word } of checked) {
        const wrong = hitsOf(text, word).filter((hit) => !(OTHER_WORDS[word] ?? []).some((other) => hit.startsWith(other)));
        if (wrong.length > 0 && !EXCEPTIONS[`${where} ${word}`]) {
          offences.push(`${where}: "${wrong.join('", "')}" — the glossary says "${row.hungarian.join(' · ')}" for ${row.concept}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it("would catch a retired word, and leaves the glossary's own terms alone", () => {
    const retired = (text: string, word: string) => hitsOf(withoutOwnTerms(text), word);
    expect(retired('Nyisd meg a Raktárt', 'raktár')).toEqual(['raktárt']);
    expect(retired('A vásárlók listája', 'vásárló')).toEqual(['vásárlók']);
    expect(retired('Vásárlói szegmensek', 'vásárló')).toEqual([]);
    expect(retired('Nettó egységár', 'egységár')).toEqual([]);
    expect(retired('Egységár', 'egységár')).toEqual(['egységár']);
  });

  it('every exception still matches a text, so none outlives its reason', () => {
    for (const key of Object.keys(EXCEPTIONS)) {
      const word = key.split(' ').at(-1)!;
      const where = key.slice(0, -word.length - 1);
      const text = searched.find(([candidate]) => candidate === where)?.[1] ?? '';
      expect([key, hitsOf(text, word).length > 0]).toEqual([key, true]);
    }
  });
});

/**
 * The formal (Ön) forms of the requests the admin makes, and the words of address. The informal
 * ones are what the admin says: "add meg", "válaszd ki", "mentsd el", "próbáld újra".
 */
const FORMAL = [
  /\b(Ön|Önnek|Önt|Öné|Önök)\b/u,
  /(?<![a-záéíóöőúü])(kérjük|kérem)(?![a-záéíóöőúü])/iu,
  /(?<![a-záéíóöőúü])(adja|válassza|írja|mentse|töltse|nyissa|javítsa|ellenőrizze|próbálja|állítsa|vegye|törölje|frissítse|keresse|nézze|módosítsa|rögzítse|vételezze|jelölje) (meg|ki|el|be|újra|át|fel|le|vissza)(?![a-záéíóöőúü])/iu,
  /(?<![a-záéíóöőúü])(kattintson|adjon|várjon|lépjen|töltsön|válasszon|írjon|próbáljon|vigyen|használjon|figyeljen)(?![a-záéíóöőúü])/iu,
];

/** Sentences where a formal-looking form is the shop or a rule speaking in the third person, not a request to the user. */
const THIRD_PERSON: Record<string, string> = {};

describe('one voice', () => {
  it('the admin asks informally (te), never formally (Ön)', () => {
    const formal = texts
      .filter(([where, text]) => !THIRD_PERSON[where] && FORMAL.some((pattern) => pattern.test(text)))
      .map(([where, text]) => `${where}: ${text}`);
    expect(formal).toEqual([]);
  });

  it('would catch a formal request', () => {
    for (const text of ['Adja meg a cikkszámot', 'Kérjük, várjon', 'Válassza ki a sablont', 'Kattintson ide'])
      expect([text, FORMAL.some((pattern) => pattern.test(text))]).toEqual([text, true]);
    for (const text of ['Add meg a cikkszámot', 'Válaszd ki a sablont', 'Ezzel írja alá a webshop, amit küld.'])
      expect([text, FORMAL.some((pattern) => pattern.test(text))]).toEqual([text, false]);
  });
});
