import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { align, profile } from '../src/align/index.js';
import { DEFAULTS } from '../src/defaults.js';
import { fingerprint } from '../src/fingerprint/index.js';
import { winnow } from '../src/fingerprint/winnow.js';
import { rng } from '../eval/generate.js';
import { tokenize } from '../src/text/tokenize.js';
import { bodies, paragraphs, spinEvery } from './_helpers.js';

const params = DEFAULTS.align;
const passagesOf = (a: string, b: string) => align(profile(tokenize(a), params), profile(tokenize(b), params), params);

describe('winnow', () => {
  it('selects a shared fingerprint from any shared run of a whole window', () => {
    const random = rng(7);
    for (let round = 0; round < 50; round++) {
      const w = 2 + Math.floor(random() * 8);
      const shared = Uint32Array.from({ length: w }, () => Math.floor(random() * 2 ** 32));
      const noise = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 2 ** 32));
      const a = Uint32Array.from([...noise(30), ...shared, ...noise(30)]);
      const b = Uint32Array.from([...noise(11), ...shared, ...noise(40)]);
      const pick = (h: Uint32Array): Set<number> => {
        const out = new Set<number>();
        winnow(h, w, (i) => out.add(h[i] as number));
        return out;
      };
      const fa = pick(a);
      assert.ok([...pick(b)].some((h) => fa.has(h)), `window ${w}, round ${round}`);
    }
  });

  it('keeps about 2/(w+1) of the hashes', () => {
    const random = rng(3);
    const h = Uint32Array.from({ length: 20000 }, () => Math.floor(random() * 2 ** 32));
    let kept = 0;
    winnow(h, 9, () => kept++);
    assert.ok(Math.abs(kept / h.length - 0.2) < 0.02, `density ${kept / h.length}`);
  });
});

describe('fingerprint', () => {
  it('shares features between an article and a spun copy through its function words', () => {
    const body = bodies[0]!.articleBody;
    const original = new Set(fingerprint(tokenize(body), DEFAULTS.fingerprint));
    const spun = fingerprint(tokenize(spinEvery(body, 1)), { ...DEFAULTS.fingerprint });
    const shared = [...spun].filter((f) => original.has(f)).length;
    assert.ok(shared >= 10, `shared ${shared}`);
    const wordsOnly = { ...DEFAULTS.fingerprint, functionGram: 0 };
    const originalWords = new Set(fingerprint(tokenize(body), wordsOnly));
    const spunWords = fingerprint(tokenize(spinEvery(body, 1)), wordsOnly);
    assert.ok([...spunWords].filter((f) => originalWords.has(f)).length < shared / 2);
  });
});

describe('align', () => {
  it('finds two copied paragraphs inside another article, with exact offsets on both sides', () => {
    const source = bodies[0]!.articleBody;
    const taken = paragraphs(source).slice(2, 4).join('\n\n');
    const host = paragraphs(bodies[1]!.articleBody);
    const copy = [...host.slice(0, 2), taken, ...host.slice(2)].join('\n\n');
    const found = passagesOf(copy, source);
    assert.equal(found.length, 1);
    const p = found[0]!;
    const ta = tokenize(copy);
    const tb = tokenize(source);
    // Passages run from the first to the last shared word.
    const tt = tokenize(taken);
    const wordsOfTaken = taken.slice(tt.begin[0], tt.end[tt.count - 1]);
    assert.equal(copy.slice(ta.begin[p.aBegin], ta.end[p.aEnd - 1]), wordsOfTaken);
    assert.equal(source.slice(tb.begin[p.bBegin], tb.end[p.bEnd - 1]), wordsOfTaken);
    assert.equal(p.matches, p.columns);
  });

  it('aligns a copy with half of its words spun, recording the substitutions', () => {
    const source = bodies[2]!.articleBody;
    const copy = spinEvery(source, 1);
    const ta = tokenize(copy);
    const found = passagesOf(copy, source);
    const covered = found.reduce((n, p) => n + p.aEnd - p.aBegin, 0);
    assert.ok(covered / ta.count > 0.8, `covered ${covered / ta.count}`);
    const similarity = found.reduce((n, p) => n + p.matches, 0) / found.reduce((n, p) => n + p.columns, 0);
    assert.ok(similarity > 0.3 && similarity < 0.7, `similarity ${similarity}`);
    assert.ok(found.some((p) => p.substitutions.length > 20));
  });

  it('gives reordered paragraphs as separate passages', () => {
    const source = bodies[3]!.articleBody;
    const ps = paragraphs(source);
    const copy = [ps[4], ps[1], ps[3]].join('\n\n');
    const found = passagesOf(copy, source);
    assert.ok(found.length >= 2, `passages ${found.length}`);
    const order = found.map((p) => p.bBegin);
    assert.notDeepEqual(order, [...order].sort((x, y) => x - y));
  });

  it('finds nothing between unrelated articles', () => {
    for (let i = 0; i < bodies.length; i++) {
      for (let j = i + 1; j < bodies.length; j++) {
        assert.deepEqual(passagesOf(bodies[i]!.articleBody, bodies[j]!.articleBody), [], `${i} ~ ${j}`);
      }
    }
  });
});
