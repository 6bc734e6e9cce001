import { keyA, keyB } from './anchors.js';

/** A run of anchors on one diagonal: (i, j), (i+1, j+1), … */
interface Run {
  i: number;
  j: number;
  length: number;
}

/** Groups sorted anchor keys into diagonal runs, in order of their first anchor. */
function runsOf(keys: Float64Array): Run[] {
  const runs: Run[] = [];
  // Runs that can still grow, by diagonal (i - j), with the i they end at.
  const open = new Map<number, Run>();
  for (const k of keys) {
    const i = keyA(k);
    const j = keyB(k);
    const run = open.get(i - j);
    if (run && run.i + run.length === i) run.length++;
    else {
      const fresh = { i, j, length: 1 };
      runs.push(fresh);
      open.set(i - j, fresh);
    }
  }
  return runs;
}

/**
 * Chains of anchors: sequences increasing on both sides whose consecutive
 * anchors lie at most `maxGap` words apart on either side (passim's anchor
 * chaining). A chain is a candidate passage; paragraphs that were reordered
 * give separate chains. Anchors on one diagonal are chained as a whole run,
 * so a verbatim copy costs one step, not one per word. Best chain first; each
 * anchor belongs to one chain.
 */
export function chainAnchors(keys: Float64Array, maxGap: number): Array<Array<[number, number]>> {
  const runs = runsOf(keys);
  const n = runs.length;
  let longest = 0;
  for (const run of runs) longest = Math.max(longest, run.length);
  const best = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) {
    const rp = runs[p] as Run;
    let score = rp.length;
    let from = -1;
    for (let q = p - 1; q >= 0; q--) {
      const rq = runs[q] as Run;
      if (rp.i - rq.i > maxGap + longest) break;
      const di = rp.i - (rq.i + rq.length - 1);
      const dj = rp.j - (rq.j + rq.length - 1);
      if (di <= 0 || dj <= 0 || di > maxGap || dj > maxGap) continue;
      // Straying from the diagonal costs a little, so parallel runs stay apart.
      const candidate = (best[q] as number) + rp.length - 0.05 * Math.abs(di - dj);
      if (candidate > score) {
        score = candidate;
        from = q;
      }
    }
    best[p] = score;
    pred[p] = from;
  }
  const order = Array.from({ length: n }, (_, p) => p).sort((x, y) => (best[y] as number) - (best[x] as number));
  const used = new Uint8Array(n);
  const chains: Array<Array<[number, number]>> = [];
  for (const end of order) {
    if (used[end]) continue;
    const picked: Run[] = [];
    for (let p = end; p >= 0 && !used[p]; p = pred[p] as number) {
      used[p] = 1;
      picked.push(runs[p] as Run);
    }
    const chain: Array<[number, number]> = [];
    for (let r = picked.length - 1; r >= 0; r--) {
      const run = picked[r] as Run;
      for (let t = 0; t < run.length; t++) chain.push([run.i + t, run.j + t]);
    }
    chains.push(chain);
  }
  return chains;
}
