/**
 * The indexing techniques measured against each other: `npm run eval:index`.
 * On the generated corpora of eval/generate.ts (development seeds), each
 * technique indexes every article; then each copy asks the index for
 * candidates, and we count how often its true parent is among them (recall),
 * how many other articles come along (noise), and how many postings an
 * article costs (index size and ingest speed). Alignment and verdicts are
 * left out: this compares only the first stage.
 *
 * Techniques: winnowed word 4-grams (MOSS, passim's n-gram index); the same
 * plus winnowed function-word 8-grams (newstrace); MinHash LSH over word
 * 4-gram shingles (datasketch, text-dedup; 128 permutations, 32 bands of 4).
 */
import { DEFAULTS, type FingerprintParams } from '../src/defaults.js';
import { fingerprint, ngramHashes } from '../src/fingerprint/index.js';
import { tokenize } from '../src/text/tokenize.js';
import { aebBodies } from './_data.js';
import { generate, rng, type GeneratedArticle } from './generate.js';

interface Technique {
  name: string;
  features: (text: string) => Uint32Array;
  /** Shared features a candidate needs, given the query's feature count. */
  minShared: number | ((queryFeatures: number) => number);
}

const winnowed = (params: FingerprintParams) => (text: string) => fingerprint(tokenize(text), params);

/** MinHash signature banded into LSH keys: one feature per band. */
function minhashBands(permutations: number, bands: number): (text: string) => Uint32Array {
  const random = rng(12345);
  const a = Uint32Array.from({ length: permutations }, () => (Math.floor(random() * 2 ** 32) | 1) >>> 0);
  const b = Uint32Array.from({ length: permutations }, () => Math.floor(random() * 2 ** 32) >>> 0);
  const rows = permutations / bands;
  return (text: string) => {
    const shingles = ngramHashes(tokenize(text).hash, 4);
    const signature = new Uint32Array(permutations).fill(0xffffffff);
    for (const s of shingles) {
      for (let p = 0; p < permutations; p++) {
        const h = (Math.imul(a[p] as number, s) + (b[p] as number)) >>> 0;
        if (h < (signature[p] as number)) signature[p] = h;
      }
    }
    const keys = new Uint32Array(bands);
    for (let band = 0; band < bands; band++) {
      let h = 0x811c9dc5 ^ band;
      for (let r = 0; r < rows; r++) h = Math.imul(h ^ (signature[band * rows + r] as number), 0x01000193);
      keys[band] = h >>> 0;
    }
    return keys;
  };
}

const WORDS_ONLY: FingerprintParams = { wordGram: 4, wordWindow: 10, functionGram: 0, functionWindow: 0, minFeatures: 0 };

const TECHNIQUES: Technique[] = [
  { name: 'winnowed word 4-grams (w=10)', features: winnowed({ ...WORDS_ONLY, wordWindow: 10 }), minShared: 3 },
  { name: 'winnowed word 4-grams (w=4)', features: winnowed({ ...WORDS_ONLY, wordWindow: 4 }), minShared: 3 },
  {
    name: 'word w=10 + function-word 8-grams w=8',
    features: winnowed({ wordGram: 4, wordWindow: 10, functionGram: 8, functionWindow: 8, minFeatures: 0 }),
    minShared: 3,
  },
  {
    name: 'newstrace defaults',
    features: winnowed(DEFAULTS.fingerprint),
    minShared: (n) => (n < DEFAULTS.candidates.shortFeatures ? DEFAULTS.candidates.minSharedFeaturesShort : DEFAULTS.candidates.minSharedFeatures),
  },
  { name: 'MinHash LSH 128 perm, 32x4 bands', features: minhashBands(128, 32), minShared: 1 },
];

function evaluate(technique: Technique, corpus: GeneratedArticle[]) {
  const index = new Map<number, number[]>();
  const features = corpus.map((a) => technique.features(a.text));
  let postings = 0;
  features.forEach((fs, doc) => {
    for (const f of fs) {
      const list = index.get(f);
      if (list) list.push(doc);
      else index.set(f, [doc]);
      postings++;
    }
  });
  const byKind = new Map<string, { found: number; total: number }>();
  let noise = 0;
  let queries = 0;
  const position = new Map(corpus.map((a, k) => [a.url, k]));
  corpus.forEach((article, doc) => {
    if (!article.truth.parent) return;
    const shared = new Map<number, number>();
    for (const f of features[doc] as Uint32Array) for (const other of index.get(f) ?? []) if (other !== doc) shared.set(other, (shared.get(other) ?? 0) + 1);
    const least = typeof technique.minShared === 'number' ? technique.minShared : technique.minShared((features[doc] as Uint32Array).length);
    const candidates = new Set([...shared].filter(([, n]) => n >= least).map(([d]) => d));
    const parent = position.get(article.truth.parent) as number;
    const tally = byKind.get(article.truth.kind) ?? { found: 0, total: 0 };
    byKind.set(article.truth.kind, tally);
    tally.total++;
    if (candidates.has(parent)) tally.found++;
    const family = new Set(corpus.map((a, k) => (a.truth.root === article.truth.root || article.truth.roots.includes(a.truth.root ?? '') ? k : -1)));
    for (const c of candidates) if (!family.has(c)) noise++;
    queries++;
  });
  return { byKind, postingsPerArticle: postings / corpus.length, noisePerQuery: noise / queries };
}

const { originals, fillers } = aebBodies();
const corpora = [1, 2, 3].map((seed) => generate({ seed, originals, fillers, stories: 45 }).filter((a) => a.truth.kind !== 'syndicated'));
const kinds = ['verbatim', 'renamed', 'reordered', 'merged', 'copy-of-copy', 'excerpt', 'spun', 'spun-excerpt', 'rewritten'];
process.stdout.write(`candidate recall of the true parent, by kind of copy (development seeds 1-3)\n`);
process.stdout.write(`${'technique'.padEnd(38)} ${kinds.map((k) => k.slice(0, 9).padStart(9)).join(' ')}   postings/article  unrelated candidates/query\n`);
for (const technique of TECHNIQUES) {
  const total = new Map<string, { found: number; total: number }>();
  let postings = 0;
  let noise = 0;
  for (const corpus of corpora) {
    const r = evaluate(technique, corpus);
    postings += r.postingsPerArticle / corpora.length;
    noise += r.noisePerQuery / corpora.length;
    for (const [kind, t] of r.byKind) {
      const sum = total.get(kind) ?? { found: 0, total: 0 };
      sum.found += t.found;
      sum.total += t.total;
      total.set(kind, sum);
    }
  }
  const cells = kinds.map((k) => {
    const t = total.get(k);
    return (t ? (t.found / t.total).toFixed(2) : '-').padStart(9);
  });
  process.stdout.write(`${technique.name.padEnd(38)} ${cells.join(' ')}   ${postings.toFixed(0).padStart(16)}  ${noise.toFixed(2).padStart(26)}\n`);
}
