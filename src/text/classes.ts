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

export const SPACELESS_SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Thai', 'Lao', 'Khmer', 'Myanmar'];

const spaceless = new RegExp(`^[${SPACELESS_SCRIPTS.map((s) => `\\p{sc=${s}}`).join('')}]$`, 'u');
const wordChar = /^[\p{L}\p{N}]$/u;
const mark = /^\p{M}$/u;

/** Class of a character (a code point given as a string). */
export function classify(ch: string): number {
  if (mark.test(ch)) return MARK;
  if (!wordChar.test(ch)) return SEPARATOR;
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
  }
  return { classes, lower };
}

const tables = buildTables();

/** Class of each BMP code unit. */
export const CLASS_OF: Readonly<Uint8Array> = tables.classes;
/** Lowercase of each BMP code unit, where it is one code unit. */
export const LOWER_OF: Readonly<Uint16Array> = tables.lower;
