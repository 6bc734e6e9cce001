/**
 * Character classes for the tokenizer, as a table over the Basic Multilingual
 * Plane built once from Unicode properties: a table lookup per character is
 * several times faster than a Unicode regular expression.
 */

export const SEPARATOR = 0;
/** A letter or digit of a script written with spaces. */
export const WORD = 1;
/** A letter of a script written without spaces (Han, Kana, Thai…): a word by itself. */
export const SPACELESS = 2;
/** A combining mark: part of the word before it. */
export const MARK = 3;
/**
 * A letter of the Arabic script that never joins the letter after it (alef,
 * dal, reh, waw, yeh barree…). Writers of Urdu and Persian often leave out
 * the space after such a letter, since the text looks the same either way
 * ("کردیا" / "کر دیا"), so a word unit ends after it whether or not a space
 * follows: both spellings give the same units.
 */
export const JOINLESS = 4;

/**
 * An invisible character inside a word, skipped as if it were not there:
 * the soft hyphen (U+00AD), the zero-width space (U+200B), the zero-width
 * joiner (U+200D, inside words of Indic scripts), the word joiner (U+2060)
 * and a byte-order mark in mid-text (U+FEFF). Copied text sometimes carries
 * them, sometimes on purpose so that its words match nothing; "Mit\u00adtel"
 * is one word, "Mittel". (The zero-width non-joiner, U+200C, stays a
 * separator: Persian writers use it and a space alike between a word's parts.)
 */
export const IGNORABLE = 5;
const IGNORABLE_CHARS = new Set([0x00ad, 0x200b, 0x200d, 0x2060, 0xfeff]);

/** Arabic-script letters that join only the letter before them, and hamza. */
const JOINLESS_LETTERS = '\u0621-\u0625\u0627\u0629\u062F-\u0632\u0648\u0671-\u0673\u0675-\u0677\u0688-\u0699\u06C0\u06C3-\u06CB\u06CD\u06CF\u06D2\u06D3\u06D5\u06EE\u06EF\u0759-\u075B\u076B\u076C\u0771\u0773\u0774\u0778\u0779';
const joinless = new RegExp(`^[${JOINLESS_LETTERS}]$`, 'u');

/**
 * Letter variants that different keyboards type for the same Arabic-script
 * letter (Arabic yeh, kaf and heh for the Urdu and Persian ones), folded
 * like case so that both spellings hash alike.
 */
const FOLD: Record<number, number> = { 0x064a: 0x06cc, 0x0649: 0x06cc, 0x0643: 0x06a9, 0x0647: 0x06c1 };

export const SPACELESS_SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Thai', 'Lao', 'Khmer', 'Myanmar'];

const spaceless = new RegExp(`^[${SPACELESS_SCRIPTS.map((s) => `\\p{sc=${s}}`).join('')}]$`, 'u');
const wordChar = /^[\p{L}\p{N}]$/u;
const mark = /^\p{M}$/u;

/** Class of a character (a code point given as a string). */
export function classify(ch: string): number {
  if (IGNORABLE_CHARS.has(ch.codePointAt(0) as number)) return IGNORABLE;
  if (mark.test(ch)) return MARK;
  if (!wordChar.test(ch)) return SEPARATOR;
  if (joinless.test(ch)) return JOINLESS;
  return spaceless.test(ch) ? SPACELESS : WORD;
}

function buildTables(): { classes: Uint8Array; lower: Uint16Array } {
  const classes = new Uint8Array(65536);
  const lower = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    lower[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: handled by code point
    const ch = String.fromCharCode(c);
    classes[c] = classify(ch);
    const l = ch.toLowerCase();
    if (l.length === 1) lower[c] = l.charCodeAt(0);
    const folded = FOLD[c];
    if (folded !== undefined) lower[c] = folded;
  }
  return { classes, lower };
}

const tables = buildTables();

/** Class of each BMP code unit. */
export const CLASS_OF: Readonly<Uint8Array> = tables.classes;
/** Lowercase of each BMP code unit, where it is one code unit. */
export const LOWER_OF: Readonly<Uint16Array> = tables.lower;
