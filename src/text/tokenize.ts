import { hashString, mix32 } from './hash.js';
import { CLASS_OF, classify, IGNORABLE, JOINLESS, LOWER_OF, MARK, SEPARATOR, SPACELESS, WORD } from './classes.js';
import { allFunctionWords } from './stopwords.js';
import { findQuotations } from './quotes.js';
import type { Span } from '../types.js';

export const FLAG_FUNCTION = 1;
export const FLAG_QUOTED = 2;

/** The words of a text, as parallel arrays (one allocation per field, not per word). */
export interface Tokens {
  text: string;
  count: number;
  begin: Uint32Array;
  end: Uint32Array;
  /** Hash of the lowercased word. */
  hash: Uint32Array;
  /** FLAG_FUNCTION, FLAG_QUOTED. */
  flags: Uint8Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A fixed set of 32-bit hashes in an open-addressing table: every word of
 * every text is looked up, and a JavaScript Set of numbers above 2^30
 * (stored as heap numbers) is several times slower.
 */
class HashSet32 {
  private constructor(
    private readonly slots: Uint32Array,
    private readonly hasZero: boolean,
  ) {}

  static of(hashes: number[]): HashSet32 {
    let size = 16;
    while (size < hashes.length * 4) size *= 2;
    const slots = new Uint32Array(size);
    for (const h of hashes) {
      if (h === 0) continue;
      let at = h & (size - 1);
      while (slots[at] !== 0 && slots[at] !== h) at = (at + 1) & (size - 1);
      slots[at] = h;
    }
    return new HashSet32(slots, hashes.includes(0));
  }

  has(h: number): boolean {
    if (h === 0) return this.hasZero;
    const mask = this.slots.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at] as number;
      if (slot === h) return true;
      if (slot === 0) return false;
    }
  }
}

/**
 * Hashes of the function words, each hashed as the tokenizer hashes it; a
 * function word that the tokenizer splits into several units (Urdu "اور")
 * cannot be recognised by one unit and is left out.
 */
const FUNCTION_HASHES = HashSet32.of(
  allFunctionWords().flatMap((w) => {
    const units = scan(w);
    return units.count === 1 ? [units.hash[0] as number] : [];
  }),
);

/**
 * Splits `text` into words with their offsets, hashes and flags. A word is a
 * run of letters and digits (with the combining marks that Devanagari,
 * Arabic and others need), or one character of a script written without
 * spaces. Each word is hashed lowercased, in the same pass. Words inside
 * quotation marks are flagged unless `quotations` is false.
 */
export function tokenize(text: string, options: { quotations?: boolean } = {}): Tokens {
  const { count, begin, end, hash } = scan(text);
  const flags = new Uint8Array(count);
  for (let i = 0; i < count; i++) if (FUNCTION_HASHES.has(hash[i] as number)) flags[i] = FLAG_FUNCTION;
  // Indexing needs no quotations; tracing does.
  if (options.quotations !== false) markSpans(begin, count, flags, findQuotations(text), FLAG_QUOTED);
  return { text, count, begin, end, hash, flags };
}

function scan(text: string): { count: number; begin: Uint32Array; end: Uint32Array; hash: Uint32Array } {
  let capacity = Math.max(16, text.length >> 2);
  let begin = new Uint32Array(capacity);
  let end = new Uint32Array(capacity);
  let hash = new Uint32Array(capacity);
  let count = 0;
  let open = -1; // start of the word being read, or -1
  let h = FNV_OFFSET;
  const close = (at: number): void => {
    if (count === capacity) {
      capacity *= 2;
      begin = grow(begin, capacity);
      end = grow(end, capacity);
      hash = grow(hash, capacity);
    }
    begin[count] = open;
    end[count] = at;
    hash[count] = mix32(h);
    count++;
    open = -1;
  };
  const n = text.length;
  let openKind = WORD;
  let afterJoinless = false; // the last letter read never joins the next one
  for (let i = 0; i < n; i++) {
    let code = text.charCodeAt(i);
    let kind: number;
    let astral = false;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      code = text.codePointAt(i) as number;
      kind = classify(String.fromCodePoint(code));
      astral = true;
    } else kind = CLASS_OF[code] as number;
    if (kind === IGNORABLE) continue;
    if (kind === SEPARATOR || (kind === MARK && open < 0)) {
      if (open >= 0) close(i);
      if (astral) i++;
      continue;
    }
    if (kind === MARK) {
      // part of the open word
    } else {
      if (open >= 0 && (kind === SPACELESS || openKind === SPACELESS || afterJoinless)) close(i);
      afterJoinless = kind === JOINLESS;
    }
    if (open < 0) {
      open = i;
      openKind = kind;
      h = FNV_OFFSET;
    }
    if (!astral) {
      h = Math.imul(h ^ (LOWER_OF[code] as number), FNV_PRIME);
    } else {
      const l = String.fromCodePoint(code).toLowerCase();
      for (let k = 0; k < l.length; k++) h = Math.imul(h ^ l.charCodeAt(k), FNV_PRIME);
      i++;
    }
  }
  if (open >= 0) close(n);
  return { count, begin: begin.subarray(0, count), end: end.subarray(0, count), hash: hash.subarray(0, count) };
}

function grow(array: Uint32Array, capacity: number): Uint32Array<ArrayBuffer> {
  const next = new Uint32Array(capacity);
  next.set(array);
  return next;
}

/** Sets `flag` on every word that starts inside one of `spans` (sorted, disjoint). */
function markSpans(begin: Uint32Array, count: number, flags: Uint8Array, spans: Span[], flag: number): void {
  let s = 0;
  for (let i = 0; i < count && s < spans.length; i++) {
    const b = begin[i] as number;
    while (s < spans.length && (spans[s] as Span).end <= b) s++;
    const span = spans[s];
    if (span && span.begin <= b) flags[i] = (flags[i] as number) | flag;
  }
}

/** Index of the first word whose begin is at or after `offset`. */
export function wordAt(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens.begin[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Non-empty lines of a text (paragraphs, in the usual one-per-line layout), trimmed. */
export function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    let stop = text.indexOf('\n', start);
    if (stop < 0) stop = text.length;
    let b = start;
    let e = stop;
    while (b < e && /\s/.test(text[b] as string)) b++;
    while (e > b && /\s/.test(text[e - 1] as string)) e--;
    if (e > b) spans.push({ begin: b, end: e });
    start = stop + 1;
  }
  return spans;
}
