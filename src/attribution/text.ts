/** Characters, words and sentences of a text, as the attribution rules read them. */

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
export const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** Whether the character code `c` (of `ch`) is a letter or a digit; ASCII without a pattern. */
function isAlnum(c: number, ch: string): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER_OR_DIGIT.test(ch);
}

/** Words of a text: hyphenated words count once; in scripts written without spaces, two characters make a word. */
export const countWords = (s: string): number => {
  let spaced = 0;
  let unspaced = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (c >= 0x0e00 && UNSPACED.test(ch)) {
      unspaced++;
      inWord = false;
    } else if (isAlnum(c, ch)) {
      if (!inWord) spaced++;
      inWord = true;
    } else if (inWord && (c === 45 || c === 39 || c === 0x2019) && i + 1 < s.length && isAlnum(s.charCodeAt(i + 1), s[i + 1] as string) && !UNSPACED.test(s[i + 1] as string)) {
      // a hyphen or an apostrophe between letters joins them into one word
    } else inWord = false;
  }
  return spaced + Math.ceil(unspaced / 2);
};

/** The capitalised words of a text (a capital not after a letter, then letters, apostrophes and hyphens): starts and ends. */
interface Capitals {
  start: number[];
  end: number[];
}
let capitalsOf: { text: string; caps: Capitals } | null = null;

/** The capitalised words of `text`, read once for the text last asked about. */
export function capitals(text: string): Capitals {
  if (capitalsOf?.text === text) return capitalsOf.caps;
  const start: number[] = [];
  const end: number[] = [];
  const n = text.length;
  const letter = (i: number): boolean => {
    const c = text.charCodeAt(i);
    return c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : LETTER.test(text[i] as string);
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const upper = c < 128 ? c >= 65 && c <= 90 : c >= 0xc0 && UPPER.test(text[i] as string);
    if (!upper || (i > 0 && letter(i - 1))) continue;
    let j = i + 1;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (!(d === 39 || d === 45 || d === 0x2019 || letter(j))) break;
    }
    start.push(i);
    end.push(j);
    i = j - 1;
  }
  const caps = { start, end };
  capitalsOf = { text, caps };
  return caps;
}
export interface Span {
  begin: number;
  end: number;
}

/** Paragraphs of a text (separated by blank lines), with their offsets. */
export function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) out.push({ begin: m.index, end: m.index + m[0].length });
  return out;
}

/** Words that end with a full stop without ending a sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:[\p{Lu}]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|No|Nos|Inc|Ltd|Co|Corp|vs|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|[\p{Lu}]\.[\p{Lu}])$/u;

/** Where the last sentence of `s` begins (after a full stop that is not an abbreviation's). */
export function lastSentenceStart(s: string): number {
  for (let i = s.length - 2; i > 0; i--) {
    const c = s[i] as string;
    // a sentence that ends inside its closing quotation mark: 'supporter.” Emery retweeted'
    if ((c === '.' || c === '!' || c === '?') && /["”’»]/.test(s[i + 1] ?? '') && /\s/.test(s[i + 2] ?? '')) return i + 3;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(s[i + 1] as string) && (c !== '.' || !ABBREVIATION.test(s.slice(Math.max(0, i - 6), i)))) return i + 2;
  }
  return -1;
}

/** Where the first sentence of `s` ends (-1: it runs on). */
export function firstSentenceEnd(s: string): number {
  for (const m of s.matchAll(/[.!?](?=\s|$)/g)) if (m[0] !== '.' || !ABBREVIATION.test(s.slice(Math.max(0, m.index - 6), m.index))) return m.index;
  return -1;
}
