/**
 * What the lists' free-text search compares: a text with its accents, case and spacing taken
 * away, so that "kovacs" finds "Kovács", "SZABO" finds "Szabó", and a name typed with one space
 * finds one stored with two. Both databases compare these keys with a plain LIKE, so the search
 * forgives the same way on SQLite and PostgreSQL without collations or extensions.
 */

/** Letters that carry no combining mark to strip: NFD leaves them whole. */
const UNDECOMPOSED: Record<string, string> = { ß: 'ss', ł: 'l', ø: 'o', đ: 'd', æ: 'ae', œ: 'oe' };

/** The search key of a text: lowercased, decomposed (NFD) and stripped of combining marks (ő → o, É → e), whitespace collapsed. */
export const searchKey = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßłøđæœ]/g, (letter) => UNDECOMPOSED[letter])
    .replace(/\s+/g, ' ')
    .trim();

/** What a record is found by: texts as written; phone and tax numbers also as bare digits, however they are typed. */
export interface Searchable {
  texts: Array<string | null | undefined>;
  numbers?: Array<string | null | undefined>;
}

/**
 * The key a record is stored with: each of its fields keyed, one a line, so that no search
 * matches across two fields (a search's own key never holds a line break). A phone or a tax
 * number is kept as written and as its digits: "+36 30 123 4567" is found by "301234567" too.
 */
export const recordSearchKey = ({ texts, numbers = [] }: Searchable): string => {
  const digits = numbers.map((number) => number?.replace(/\D/g, ''));
  return [...new Set([...texts, ...numbers, ...digits].flatMap((text) => (text ? [searchKey(text)] : [])).filter(Boolean))].join('\n');
};

/** The LIKE pattern of a search: its key, `\`, `%` and `_` escaped (ESCAPE '\'), anywhere in a record's key; null when nothing is left to find. */
export const searchPattern = (q: string): string | null => {
  const key = searchKey(q);
  return key ? `%${key.replace(/[\\%_]/g, (character) => `\\${character}`)}%` : null;
};
