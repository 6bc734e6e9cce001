import { keyA, keyB } from './anchors.js';

/**
 * Chains of anchors: sequences increasing on both sides whose consecutive
 * anchors lie at most `maxGap` words apart on either side (passim's anchor
 * chaining). A chain is a candidate passage; paragraphs that were reordered
 * give separate chains. Best chain first; each anchor belongs to one chain.
 */
export function chainAnchors(keys: Float64Array, maxGap: number): Array<Array<[number, number]>> {
  const n = keys.length;
  const ai = new Int32Array(n);
  const bj = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    ai[p] = keyA(keys[p] as number);
    bj[p] = keyB(keys[p] as number);
  }
  const best = new Float64Array(n);
  const pred = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) {
    let score = 1;
    let from = -1;
    const pi = ai[p] as number;
    const pj = bj[p] as number;
    for (let q = p - 1; q >= 0; q--) {
      const di = pi - (ai[q] as number);
      if (di > maxGap) break;
      const dj = pj - (bj[q] as number);
      if (di <= 0 || dj <= 0 || dj > maxGap) continue;
      // Straying from the diagonal costs a little, so parallel runs stay apart.
      const candidate = (best[q] as number) + 1 - 0.05 * Math.abs(di - dj);
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
    const chain: Array<[number, number]> = [];
    for (let p = end; p >= 0 && !used[p]; p = pred[p] as number) {
      used[p] = 1;
      chain.push([ai[p] as number, bj[p] as number]);
    }
    chain.reverse();
    chains.push(chain);
  }
  return chains;
}
