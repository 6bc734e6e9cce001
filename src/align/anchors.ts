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

function sortedKeys(hashes: Uint32Array): Float64Array {
  const keys = new Float64Array(hashes.length);
  for (let i = 0; i < hashes.length; i++) keys[i] = (hashes[i] as number) * SHIFT + i;
  return keys.sort();
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
  const sorted = keys.subarray(0, count).sort();
  let n = 0;
  for (let k = 0; k < count; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[n++] = sorted[k] as number;
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
