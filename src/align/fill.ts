/**
 * Word-level alignment of the stretch between two anchors: edit distance
 * (substitution and gap cost 1, match 0) with a traceback. Gaps between
 * anchors are short (at most maxGap words a side), so the table stays small.
 * Appends columns to `colA`/`colB`: word indexes, or -1 for a gap.
 */
export function fillGap(
  a: Uint32Array,
  a0: number,
  a1: number,
  b: Uint32Array,
  b0: number,
  b1: number,
  colA: number[],
  colB: number[],
): void {
  const m = a1 - a0;
  const n = b1 - b0;
  if (m === 0 || n === 0) {
    for (let i = a0; i < a1; i++) push(colA, colB, i, -1);
    for (let j = b0; j < b1; j++) push(colA, colB, -1, j);
    return;
  }
  if (m === n && m <= 2) {
    for (let t = 0; t < m; t++) push(colA, colB, a0 + t, b0 + t);
    return;
  }
  const width = n + 1;
  const cost = new Uint16Array((m + 1) * width);
  for (let j = 0; j <= n; j++) cost[j] = j;
  for (let i = 1; i <= m; i++) {
    cost[i * width] = i;
    const ai = a[a0 + i - 1];
    for (let j = 1; j <= n; j++) {
      const diagonal = (cost[(i - 1) * width + j - 1] as number) + (ai === b[b0 + j - 1] ? 0 : 1);
      const up = (cost[(i - 1) * width + j] as number) + 1;
      const left = (cost[i * width + j - 1] as number) + 1;
      cost[i * width + j] = Math.min(diagonal, up, left);
    }
  }
  const start = colA.length;
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const here = cost[i * width + j] as number;
    if (i > 0 && j > 0) {
      const same = a[a0 + i - 1] === b[b0 + j - 1];
      if (here === (cost[(i - 1) * width + j - 1] as number) + (same ? 0 : 1)) {
        push(colA, colB, a0 + i - 1, b0 + j - 1);
        i--;
        j--;
        continue;
      }
    }
    if (i > 0 && here === (cost[(i - 1) * width + j] as number) + 1) {
      push(colA, colB, a0 + i - 1, -1);
      i--;
    } else {
      push(colA, colB, -1, b0 + j - 1);
      j--;
    }
  }
  reverseFrom(colA, start);
  reverseFrom(colB, start);
}

function push(colA: number[], colB: number[], i: number, j: number): void {
  colA.push(i);
  colB.push(j);
}

function reverseFrom(array: number[], start: number): void {
  for (let x = start, y = array.length - 1; x < y; x++, y--) {
    const t = array[x] as number;
    array[x] = array[y] as number;
    array[y] = t;
  }
}

/**
 * How far an alignment extends past (a0, b0) in direction `step` (+1 or -1)
 * without gaps: the length with the best score (+1 same word, -1 other),
 * stopping once the score falls `xDrop` below the best.
 */
export function extend(a: Uint32Array, a0: number, b: Uint32Array, b0: number, step: 1 | -1, xDrop: number): number {
  let score = 0;
  let best = 0;
  let bestLength = 0;
  for (let t = 1; ; t++) {
    const i = a0 + step * t;
    const j = b0 + step * t;
    if (i < 0 || j < 0 || i >= a.length || j >= b.length) break;
    score += a[i] === b[j] ? 1 : -1;
    if (score > best) {
      best = score;
      bestLength = t;
    } else if (score < best - xDrop) break;
  }
  return bestLength;
}
