/**
 * What the lists sort names by: a key whose plain comparison follows the Hungarian alphabet —
 * "Ágnes" with the a's, before "Andor" and long before "Zoltán"; "Cukor" before "Csaba" (cs is a
 * letter of its own, after c); "Olga" before "Ödön". SQLite compares text by its bytes and
 * PostgreSQL by the database's collation, which neither knows nor shares; so the key is made of
 * digits alone, which every collation orders the same, one byte after the other. Kept in an
 * indexed column beside the name, a sort by it reads the index, deep pages included.
 *
 * The key is the letters' places in the alphabet (case aside), then a separator, then each
 * letter's accent: "a" before "á", "o" before "ó", "ö" before "ő". Spaces come before every letter
 * ("Kis Anna" before "Kisanna"), punctuation next, then digits, then the letters; a letter of
 * another alphabet after "zs", by its code point.
 */

/** The Hungarian alphabet, its two- and three-letter letters included, in order. */
// prettier-ignore
const ALPHABET = [
  'a', 'b', 'c', 'cs', 'd', 'dz', 'dzs', 'e', 'f', 'g', 'gy', 'h', 'i', 'j', 'k', 'l', 'ly', 'm', 'n', 'ny',
  'o', 'ö', 'p', 'q', 'r', 's', 'sz', 't', 'ty', 'u', 'ü', 'v', 'w', 'x', 'y', 'z', 'zs',
];

/** Two digits a letter: 20 for "a" onwards; below them spaces, punctuation and digits. */
const WEIGHT = new Map(ALPHABET.map((letter, index) => [letter, String(20 + index)]));
const SPACE = '01';
const PUNCTUATION = '02';
const digitWeight = (digit: string) => `1${digit}`;
/** A letter the alphabet does not hold: after them all, by its code point (seven digits hold any). */
const otherWeight = (character: string) => `99${String(character.codePointAt(0)).padStart(7, '0')}`;
/** Between the letters and their accents: below every weight, so "Kis" comes before "Kiss". */
const SEPARATOR = '00';

/** The doubled long letters write their first letter once more: "ssz" is sz + sz ("hosszú"), "ggy" gy + gy. */
const DOUBLED: Record<string, [string, string]> = {
  ddzs: ['dzs', 'dzs'],
  ccs: ['cs', 'cs'],
  ddz: ['dz', 'dz'],
  ggy: ['gy', 'gy'],
  lly: ['ly', 'ly'],
  nny: ['ny', 'ny'],
  ssz: ['sz', 'sz'],
  tty: ['ty', 'ty'],
  zzs: ['zs', 'zs'],
};
const LONG_LETTERS = ALPHABET.filter((letter) => letter.length > 1).sort((a, b) => b.length - a.length);

/** The accent of a letter, as one digit: none, the Hungarian long marks (á, ő), or another (ä, č). */
const ACCENT: Record<string, string> = { '\u0301': '1', '\u030B': '1' };
const accentOf = (marks: string) => (!marks ? '0' : marks.split('').every((mark) => ACCENT[mark]) ? '1' : '2');

/** One character as the alphabet reads it: its base letter and its marks; ö and ü keep their dots, being letters of their own (ő, ű their long forms). */
const split = (character: string): { base: string; marks: string } => {
  const [base, ...marks] = character.normalize('NFD');
  const text = marks.join('');
  if ((base === 'o' || base === 'u') && /[\u0308\u030B]/.test(text))
    return { base: base === 'o' ? 'ö' : 'ü', marks: text.replace('\u0308', '') };
  return { base, marks: text };
};

/** The longest key a column of 255 characters holds. */
const MAX_KEY = 255;

/** The sort key of a name (empty for none: it sorts first). */
export const nameSortKey = (text: string | null | undefined): string => {
  const characters = [...(text ?? '').toLowerCase().normalize('NFC').trim().replace(/\s+/g, ' ')].map(split);
  const weights: string[] = [];
  const accents: string[] = [];
  const push = (weight: string, accent: string) => {
    weights.push(weight);
    accents.push(accent);
  };
  for (let i = 0; i < characters.length;) {
    // The letters from here, enough for the longest match (ddzs).
    const rest = characters
      .slice(i, i + 4)
      .map((character) => character.base)
      .join('');
    const doubled = Object.keys(DOUBLED).find((letters) => rest.startsWith(letters));
    const long = doubled ? undefined : LONG_LETTERS.find((letter) => rest.startsWith(letter));
    const { base, marks } = characters[i];
    if (doubled) {
      for (const letter of DOUBLED[doubled]) push(WEIGHT.get(letter)!, '0');
      i += doubled.length;
    } else if (long) {
      push(
        WEIGHT.get(long)!,
        accentOf(
          characters
            .slice(i, i + long.length)
            .map((character) => character.marks)
            .join('')
        )
      );
      i += long.length;
    } else {
      if (WEIGHT.has(base)) push(WEIGHT.get(base)!, accentOf(marks));
      else if (/\d/.test(base)) push(digitWeight(base), '0');
      else if (base === ' ') push(SPACE, '0');
      else if (/\p{L}/u.test(base)) push(otherWeight(base), accentOf(marks));
      // A mark NFC could not put on its letter is part of that letter, not a character of its own.
      else if (!/\p{M}/u.test(base)) push(PUNCTUATION, '0');
      i += 1;
    }
  }
  // As many letters as the column holds with their accents; a name longer than that ties on its end, and its id decides.
  let kept = 0;
  let length = SEPARATOR.length;
  while (kept < weights.length && length + weights[kept].length + 1 <= MAX_KEY) length += weights[kept++].length + 1;
  return weights.length ? `${weights.slice(0, kept).join('')}${SEPARATOR}${accents.slice(0, kept).join('')}` : '';
};
