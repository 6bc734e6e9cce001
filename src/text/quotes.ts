import type { Span } from '../types.js';

/**
 * Closing marks for each opening quotation mark. German „…“ and Danish »…«
 * share marks with other styles, so an opening mark may have several closers.
 */
const CLOSERS: ReadonlyMap<string, string> = new Map([
  ['“', '”"'],
  ['„', '“”"'],
  ['«', '»'],
  ['»', '«'],
  ['‚', '‘’'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['"', '"'],
]);

const LETTER = /[\p{L}\p{N}]/u;

function isOpening(text: string, i: number): boolean {
  const mark = text[i] as string;
  if (!CLOSERS.has(mark)) return false;
  const before = i > 0 ? (text[i - 1] as string) : ' ';
  // A straight or single mark opens only after a space or bracket ("…" vs it's).
  if (mark === '"' || mark === '‘' || mark === '‚') return !LETTER.test(before);
  return true;
}

function isClosing(text: string, i: number, opener: string): boolean {
  const mark = text[i] as string;
  if (!(CLOSERS.get(opener) ?? '').includes(mark)) return false;
  if (mark === '’') {
    // ’ is also the apostrophe: it closes only before a non-letter.
    const after = i + 1 < text.length ? (text[i + 1] as string) : ' ';
    return !LETTER.test(after);
  }
  return true;
}

/**
 * Spans of text inside quotation marks, marks excluded. A quotation runs
 * within one paragraph, or over several when each new paragraph reopens it
 * (the newspaper convention); a mark that is never closed quotes nothing.
 */
export function findQuotations(text: string): Span[] {
  const spans: Span[] = [];
  let opener: string | null = null;
  let begin = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    // Most characters are neither a quotation mark nor a line break.
    if (code !== 10 && !(code === 34 || code === 0xab || code === 0xbb || (code >= 0x2018 && code <= 0x201e) || (code >= 0x300c && code <= 0x300f))) {
      continue;
    }
    const ch = text[i] as string;
    if (code === 10) {
      if (opener !== null) {
        let j = i;
        while (j < n && /\s/.test(text[j] as string)) j++;
        if (j < n && text[j] === opener) {
          i = j; // the reopening mark continues the same quotation
          continue;
        }
        opener = null; // unclosed at paragraph end: not a quotation
      }
      continue;
    }
    if (opener === null) {
      if (isOpening(text, i)) {
        opener = ch;
        begin = i + 1;
      }
    } else if (isClosing(text, i, opener)) {
      if (i > begin) spans.push({ begin, end: i });
      opener = null;
    }
  }
  return spans;
}
