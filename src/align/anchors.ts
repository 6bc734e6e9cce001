import { functionPositions, ngramHashes, ngramHashesAt } from '../fingerprint/index.js';
import type { Tokens } from '../text/tokenize.js';
import type { AlignParams } from '../defaults.js';

/** An n-gram that occurs more often than this in one text anchors nothing. */
const MAX_REPEATS = 4;

const SHIFT = 2 ** 21;
export const MAX_WORDS = SHIFT - 1;

/**
 * What alignment needs of one text, computed once per text and reused for
 * every pair it takes part in: its word n-grams and function-word n-grams,
 * each as sorted keys hash * 2^21 + position (a merge join then finds the
 * n-grams two texts share without hash maps).
 */
export interface AlignProfile {
  tokens: Tokens;
  grams: Float64Array;
  functionGrams: Float64Array;
  functionPositions: Uint32Array;
}

export function profile(tokens: Tokens, params: AlignParams): AlignProfile {
  const positions = functionPositions(tokens);
  return {
    tokens,
    grams: sortedKeys(ngramHashes(tokens.hash, params.anchorGram)),
    functionGrams: sortedKeys(ngramHashesAt(tokens.hash, positions, params.functionAnchorGram)),
    functionPositions: positions,
  };
}

/**
 * Keys hash * 2^21 + position in ascending order: a stable radix sort of the
 * hashes, a byte at a time (positions come in ascending order and stay so
 * within a hash); several times faster than sorting the keys as numbers.
 */
function sortedKeys(hashes: Uint32Array): Float64Array {
  const n = hashes.length;
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Uint32Array(256);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < n; i++) (counts[((hashes[i] as number) >>> shift) & 255] as number)++;
    for (let b = 0, sum = 0; b < 256; b++) {
      const c = counts[b] as number;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = order[i] as number;
      next[(counts[((hashes[at] as number) >>> shift) & 255] as number)++] = at;
    }
    [order, next] = [next, order];
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = order[i] as number;
    keys[i] = (hashes[at] as number) * SHIFT + at;
  }
  return keys;
}

/**
 * Word pairs (i in a, j in b) that anchor an alignment: every word of an
 * n-gram, or every function word of a function-word n-gram, that both texts
 * share and neither repeats often (chaining picks the consistent pairs of a
 * repeated one). Returned as sorted, unique keys i * 2^21 + j.
 */
export function findAnchors(a: AlignProfile, b: AlignProfile, params: AlignParams): Float64Array {
  let keys = new Float64Array(256);
  let count = 0;
  const push = (k: number): void => {
    if (count === keys.length) {
      const grown = new Float64Array(keys.length * 2);
      grown.set(keys);
      keys = grown;
    }
    keys[count++] = k;
  };
  join(a.grams, b.grams, (i, j) => {
    for (let t = 0; t < params.anchorGram; t++) push(key(i + t, j + t));
  });
  const fa = a.functionPositions;
  const fb = b.functionPositions;
  join(a.functionGrams, b.functionGrams, (i, j) => {
    for (let t = 0; t < params.functionAnchorGram; t++) push(key(fa[i + t] as number, fb[j + t] as number));
  });
  return sortUnique(keys.subarray(0, count), a.tokens.count);
}

/**
 * Pair keys i * 2^21 + j (i < `rows`) in ascending order without repeats:
 * counted into rows by i, then each row (a word or two, as a rule) put in
 * order by insertion. Linear in the keys, where a comparison sort was the
 * largest cost of tracing.
 */
function sortUnique(keys: Float64Array, rows: number): Float64Array {
  const starts = new Uint32Array(rows + 1);
  for (let k = 0; k < keys.length; k++) (starts[keyA(keys[k] as number) + 1] as number)++;
  for (let r = 0; r < rows; r++) starts[r + 1] = (starts[r + 1] as number) + (starts[r] as number);
  const fill = starts.slice(0, rows);
  const sorted = new Float64Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as number;
    sorted[(fill[keyA(key)] as number)++] = key;
  }
  let n = 0;
  for (let r = 0; r < rows; r++) {
    const begin = starts[r] as number;
    const end = starts[r + 1] as number;
    for (let x = begin + 1; x < end; x++) {
      const key = sorted[x] as number;
      let y = x - 1;
      while (y >= begin && (sorted[y] as number) > key) {
        sorted[y + 1] = sorted[y] as number;
        y--;
      }
      sorted[y + 1] = key;
    }
    for (let x = begin; x < end; x++) if (x === begin || sorted[x] !== sorted[x - 1]) sorted[n++] = sorted[x] as number;
  }
  return sorted.subarray(0, n);
}

/** Calls `pair(i, j)` for every position pair of a hash the two sorted key lists share. */
function join(a: Float64Array, b: Float64Array, pair: (i: number, j: number) => void): void {
  let x = 0;
  let y = 0;
  while (x < a.length && y < b.length) {
    const ha = Math.floor((a[x] as number) / SHIFT);
    const hb = Math.floor((b[y] as number) / SHIFT);
    if (ha < hb) x++;
    else if (ha > hb) y++;
    else {
      let xe = x;
      while (xe < a.length && Math.floor((a[xe] as number) / SHIFT) === ha) xe++;
      let ye = y;
      while (ye < b.length && Math.floor((b[ye] as number) / SHIFT) === hb) ye++;
      if (xe - x <= MAX_REPEATS && ye - y <= MAX_REPEATS) {
        for (let p = x; p < xe; p++) {
          for (let q = y; q < ye; q++) pair((a[p] as number) % SHIFT, (b[q] as number) % SHIFT);
        }
      }
      x = xe;
      y = ye;
    }
  }
}

export function key(i: number, j: number): number {
  return i * SHIFT + j;
}
export function keyA(k: number): number {
  return Math.floor(k / SHIFT);
}
export function keyB(k: number): number {
  return k % SHIFT;
}
