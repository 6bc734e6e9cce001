import type { AlignParams } from '../defaults.js';
import { FLAG_FUNCTION } from '../text/tokenize.js';
import { findAnchors, MAX_WORDS, type AlignProfile } from './anchors.js';
import { chainAnchors } from './chain.js';
import { extend, fillGap } from './fill.js';

export { profile, type AlignProfile } from './anchors.js';

/** A stretch of text shared by two articles, in word indexes (half-open). */
export interface AlignedPassage {
  aBegin: number;
  aEnd: number;
  bBegin: number;
  bEnd: number;
  /** Columns whose two words are identical. */
  matches: number;
  /** Columns of the alignment: identical pairs, substituted pairs, and words on one side only. */
  columns: number;
  /** Identical pairs that are not function words. */
  contentMatches: number;
  /** Substituted pairs, as word indexes [b, a, b, a, …]. */
  substitutions: number[];
  /** Words of `a` aligned with an identical word of `b`. */
  identical: number[];
}

/**
 * Local alignment of article `a` with article `b`: anchors (word n-grams and
 * function-word n-grams unique in both) are chained, the stretches between
 * anchors aligned word by word, each chain extended past its ends and split
 * where one side inserts a whole line. Passages that pass the thresholds of
 * `params` are returned, in order of their position in `a`.
 */
export function align(a: AlignProfile, b: AlignProfile, params: AlignParams): AlignedPassage[] {
  if (a.tokens.count > MAX_WORDS || b.tokens.count > MAX_WORDS) return [];
  const anchors = findAnchors(a, b, params);
  if (anchors.length < params.minMatches) return [];
  const passages: AlignedPassage[] = [];
  let strong = false;
  for (const chain of chainAnchors(anchors, params.maxGap)) {
    if (chain.length < 3) continue;
    for (const passage of buildPassages(a, b, chain, params)) {
      passages.push(passage);
      strong ||= isStrong(passage, params);
    }
  }
  if (!strong) return [];
  return withoutOverlaps(passages);
}

/**
 * Keeps the better of two passages that cover mostly the same words of `a`
 * (a phrase that the source repeats aligns twice); in order of position in `a`.
 */
function withoutOverlaps(passages: AlignedPassage[]): AlignedPassage[] {
  const kept: AlignedPassage[] = [];
  for (const p of [...passages].sort((x, y) => y.matches - x.matches)) {
    const length = p.aEnd - p.aBegin;
    let shared = 0;
    for (const q of kept) shared += Math.max(0, Math.min(p.aEnd, q.aEnd) - Math.max(p.aBegin, q.aBegin));
    if (shared * 2 < length) kept.push(p);
  }
  return kept.sort((x, y) => x.aBegin - y.aBegin);
}

function isStrong(p: AlignedPassage, params: AlignParams): boolean {
  return (
    p.matches >= params.minMatches &&
    p.contentMatches >= params.minContentMatches &&
    3 * p.matches - p.columns >= params.minScore
  );
}

function buildPassages(
  a: AlignProfile,
  b: AlignProfile,
  chain: Array<[number, number]>,
  params: AlignParams,
): AlignedPassage[] {
  const ha = a.tokens.hash;
  const hb = b.tokens.hash;
  const colA: number[] = [];
  const colB: number[] = [];
  const [firstA, firstB] = chain[0] as [number, number];
  const back = extend(ha, firstA, hb, firstB, -1, params.xDrop);
  for (let t = back; t > 0; t--) {
    colA.push(firstA - t);
    colB.push(firstB - t);
  }
  for (let k = 0; k < chain.length; k++) {
    const [i, j] = chain[k] as [number, number];
    if (k > 0) {
      const [pi, pj] = chain[k - 1] as [number, number];
      fillGap(ha, pi + 1, i, hb, pj + 1, j, colA, colB);
    }
    colA.push(i);
    colB.push(j);
  }
  const [lastA, lastB] = chain[chain.length - 1] as [number, number];
  const forward = extend(ha, lastA, hb, lastB, 1, params.xDrop);
  for (let t = 1; t <= forward; t++) {
    colA.push(lastA + t);
    colB.push(lastB + t);
  }
  return splitColumns(a, b, colA, colB, params);
}

/** Cuts the columns where one side runs on alone for `splitRun` words, trims and scores each piece. */
function splitColumns(
  a: AlignProfile,
  b: AlignProfile,
  colA: number[],
  colB: number[],
  params: AlignParams,
): AlignedPassage[] {
  const out: AlignedPassage[] = [];
  let start = 0;
  let run = 0;
  for (let c = 0; c <= colA.length; c++) {
    const gap = c < colA.length && (colA[c] === -1 || colB[c] === -1);
    if (gap) {
      run++;
      continue;
    }
    if (run >= params.splitRun || c === colA.length) {
      const piece = score(a, b, colA, colB, start, c - run, params);
      if (piece) out.push(piece);
      start = c;
    }
    run = 0;
  }
  return out;
}

function score(
  a: AlignProfile,
  b: AlignProfile,
  colA: number[],
  colB: number[],
  from: number,
  to: number,
  params: AlignParams,
): AlignedPassage | null {
  const ha = a.tokens.hash;
  const hb = b.tokens.hash;
  const same = (c: number): boolean => {
    const i = colA[c] as number;
    const j = colB[c] as number;
    return i >= 0 && j >= 0 && ha[i] === hb[j];
  };
  // A passage begins and ends with two identical pairs in a row: a lone
  // match past a gap at its edge is chance, not part of the copy.
  while (from + 1 < to && !(same(from) && same(from + 1))) from++;
  while (to - 1 > from && !(same(to - 1) && same(to - 2))) to--;
  if (to - from < params.weakMinMatches) return null;
  let matches = 0;
  let contentMatches = 0;
  const substitutions: number[] = [];
  const identical: number[] = [];
  for (let c = from; c < to; c++) {
    const i = colA[c] as number;
    const j = colB[c] as number;
    if (i < 0 || j < 0) continue;
    if (ha[i] === hb[j]) {
      matches++;
      identical.push(i);
      if (!((a.tokens.flags[i] as number) & FLAG_FUNCTION)) contentMatches++;
    } else substitutions.push(j, i);
  }
  const columns = to - from;
  if (matches < params.weakMinMatches || matches / columns < params.minSimilarity) return null;
  if (3 * matches - columns < params.weakMinScore) return null;
  return {
    aBegin: colA[from] as number,
    aEnd: (colA[to - 1] as number) + 1,
    bBegin: colB[from] as number,
    bEnd: (colB[to - 1] as number) + 1,
    matches,
    columns,
    contentMatches,
    substitutions,
    identical,
  };
}
