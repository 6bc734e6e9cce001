import { functionPositions, ngramHashes, ngramHashesAt } from '../fingerprint/index.js';
import type { Tokens } from '../text/tokenize.js';
import type { AlignParams } from '../defaults.js';

/** An n-gram that occurs more often than this in one text anchors nothing. */
const MAX_REPEATS = 4;

/**
 * What alignment needs of one text, computed once per text and reused for
 * every pair it takes part in: its word n-grams and function-word n-grams,
 * each mapped to its positions (an empty list once it is too common).
 */
export interface AlignProfile {
  tokens: Tokens;
  grams: Map<number, number[]>;
  functionGrams: Map<number, number[]>;
  functionPositions: Uint32Array;
}

export function profile(tokens: Tokens, params: AlignParams): AlignProfile {
  const positions = functionPositions(tokens);
  return {
    tokens,
    grams: positionsOf(ngramHashes(tokens.hash, params.anchorGram)),
    functionGrams: positionsOf(ngramHashesAt(tokens.hash, positions, params.functionAnchorGram)),
    functionPositions: positions,
  };
}

function positionsOf(hashes: Uint32Array): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i] as number;
    const list = map.get(h);
    if (!list) map.set(h, [i]);
    else if (list.length > 0) {
      if (list.length < MAX_REPEATS) list.push(i);
      else list.length = 0;
    }
  }
  return map;
}

/**
 * Word pairs (i in a, j in b) that anchor an alignment: every word of an
 * n-gram, or every function word of a function-word n-gram, that both texts
 * share and neither repeats often (chaining picks the consistent pairs of a
 * repeated one). Returned as sorted, unique keys i * 2^21 + j.
 */
export function findAnchors(a: AlignProfile, b: AlignProfile, params: AlignParams): number[] {
  const keys: number[] = [];
  for (const [hash, js] of b.grams) {
    const is = a.grams.get(hash);
    if (!is) continue;
    for (const i of is) for (const j of js) for (let t = 0; t < params.anchorGram; t++) keys.push(key(i + t, j + t));
  }
  const fa = a.functionPositions;
  const fb = b.functionPositions;
  for (const [hash, js] of b.functionGrams) {
    const is = a.functionGrams.get(hash);
    if (!is) continue;
    for (const i of is) {
      for (const j of js) {
        for (let t = 0; t < params.functionAnchorGram; t++) keys.push(key(fa[i + t] as number, fb[j + t] as number));
      }
    }
  }
  keys.sort((x, y) => x - y);
  let n = 0;
  for (let k = 0; k < keys.length; k++) if (k === 0 || keys[k] !== keys[k - 1]) keys[n++] = keys[k] as number;
  keys.length = n;
  return keys;
}

const SHIFT = 2 ** 21;
export const MAX_WORDS = SHIFT - 1;

export function key(i: number, j: number): number {
  return i * SHIFT + j;
}
export function keyA(k: number): number {
  return Math.floor(k / SHIFT);
}
export function keyB(k: number): number {
  return k % SHIFT;
}
