import { functionPositions, ngramHashes, ngramHashesAt } from '../fingerprint/index.js';
import type { Tokens } from '../text/tokenize.js';
import type { AlignParams } from '../defaults.js';

const REPEATED = -1;

/**
 * What alignment needs of one text, computed once per text and reused for
 * every pair it takes part in: its word n-grams and function-word n-grams,
 * each mapped to its only position (or REPEATED).
 */
export interface AlignProfile {
  tokens: Tokens;
  grams: Map<number, number>;
  functionGrams: Map<number, number>;
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

function positionsOf(hashes: Uint32Array): Map<number, number> {
  const map = new Map<number, number>();
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i] as number;
    map.set(h, map.has(h) ? REPEATED : i);
  }
  return map;
}

/**
 * Word pairs (i in a, j in b) that anchor an alignment: every word of an
 * n-gram, or every function word of a function-word n-gram, that occurs once
 * in each text. Returned as sorted, unique keys i * 2^21 + j.
 */
export function findAnchors(a: AlignProfile, b: AlignProfile, params: AlignParams): number[] {
  const keys: number[] = [];
  for (const [hash, j] of b.grams) {
    if (j === REPEATED) continue;
    const i = a.grams.get(hash);
    if (i === undefined || i === REPEATED) continue;
    for (let t = 0; t < params.anchorGram; t++) keys.push(key(i + t, j + t));
  }
  for (const [hash, j] of b.functionGrams) {
    if (j === REPEATED) continue;
    const i = a.functionGrams.get(hash);
    if (i === undefined || i === REPEATED) continue;
    for (let t = 0; t < params.functionAnchorGram; t++) {
      keys.push(key(a.functionPositions[i + t] as number, b.functionPositions[j + t] as number));
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
