/**
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): from every window of `w`
 * consecutive hashes keep the smallest (the rightmost one on ties). Any run
 * shared by two texts that spans a whole window yields a shared fingerprint,
 * at a density of about 2 / (w + 1) of the hashes.
 *
 * Calls `keep(index)` once per selected position, in increasing order.
 */
export function winnow(hashes: Uint32Array, w: number, keep: (index: number) => void): void {
  const n = hashes.length;
  if (n === 0) return;
  if (n <= w) {
    keep(argminRightmost(hashes, 0, n));
    return;
  }
  let min = argminRightmost(hashes, 0, w);
  keep(min);
  for (let start = 1; start + w <= n; start++) {
    const last = start + w - 1;
    if (min < start) {
      min = argminRightmost(hashes, start, last + 1);
      keep(min);
    } else if ((hashes[last] as number) <= (hashes[min] as number)) {
      min = last;
      keep(min);
    }
  }
}

function argminRightmost(hashes: Uint32Array, from: number, to: number): number {
  let best = from;
  for (let i = from + 1; i < to; i++) if ((hashes[i] as number) <= (hashes[best] as number)) best = i;
  return best;
}
