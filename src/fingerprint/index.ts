import { hashSequence, hashSequenceAt } from '../text/hash.js';
import { FLAG_FUNCTION, type Tokens } from '../text/tokenize.js';
import type { FingerprintParams } from '../defaults.js';
import { winnow } from './winnow.js';

/** Seeds that keep the two kinds of feature in separate hash spaces. */
const SEED_WORDS = 0x9e3779b1;
const SEED_FUNCTION = 0x85ebca77;

/**
 * The features an article is indexed under: winnowed word n-grams (verbatim
 * and lightly edited reuse) and winnowed n-grams over its function words
 * alone (reuse whose content words were spun). Unique, sorted ascending.
 */
export function fingerprint(tokens: Tokens, params: FingerprintParams): Uint32Array {
  const words = ngramHashes(tokens.hash, params.wordGram, SEED_WORDS);
  const grams =
    params.functionGram > 0 ? ngramHashesAt(tokens.hash, functionPositions(tokens), params.functionGram, SEED_FUNCTION) : new Uint32Array(0);
  // each position is kept at most once, so the n-grams bound the features
  const selected = new Uint32Array(words.length + grams.length);
  let count = 0;
  winnow(words, windowFor(words.length, params.wordWindow, params.minFeatures), (i) => (selected[count++] = words[i] as number));
  winnow(grams, windowFor(grams.length, params.functionWindow, params.minFeatures / 2), (i) => (selected[count++] = grams[i] as number));
  const sorted = selected.subarray(0, count).sort();
  let unique = 0;
  for (let i = 0; i < count; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i] as number;
  return sorted.slice(0, unique);
}

/**
 * The winnowing window for a text of `n` n-grams: `w`, or smaller for a short
 * text so that it still yields about `min` features. Sound across texts of
 * different lengths: the minimum of a wide window is also the minimum of
 * every narrower window around it, so a short text's features include those
 * a long text selects from the same words.
 */
export function windowFor(n: number, w: number, min: number): number {
  if (min <= 0) return w;
  return Math.max(2, Math.min(w, Math.floor((2 * n) / min) - 1));
}

/** Hash of every run of `n` words, at the index of its first word. */
export function ngramHashes(hashes: Uint32Array, n: number, seed: number = SEED_WORDS): Uint32Array {
  const count = Math.max(0, hashes.length - n + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = hashSequence(hashes, i, n, seed);
  return out;
}

/** Hash of every run of `n` of the words at `positions`. */
export function ngramHashesAt(
  hashes: Uint32Array,
  positions: Uint32Array,
  n: number,
  seed: number = SEED_FUNCTION,
): Uint32Array {
  const count = Math.max(0, positions.length - n + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = hashSequenceAt(hashes, positions, i, n, seed);
  return out;
}

/** Indexes of the function words of a text. */
export function functionPositions(tokens: Tokens): Uint32Array {
  let n = 0;
  for (let i = 0; i < tokens.count; i++) if ((tokens.flags[i] as number) & FLAG_FUNCTION) n++;
  const out = new Uint32Array(n);
  n = 0;
  for (let i = 0; i < tokens.count; i++) if ((tokens.flags[i] as number) & FLAG_FUNCTION) out[n++] = i;
  return out;
}
