/**
 * Evaluation on generated copies: `npm run eval:copies [-- --seeds dev|final|all] [--verbose]`.
 * Builds a corpus per seed from real article bodies (eval/generate.ts), ingests
 * it into a fresh SQLite store, traces every article and scores the traces
 * against the truth the generator recorded. Exits non-zero below the floors
 * in eval/floors.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, openStore, traceAll, type Trace } from '../src/index.js';
import { aebBodies, paramsFromArgs } from './_data.js';
import { generate, type GeneratedArticle } from './generate.js';

const SEEDS = { dev: [1, 2, 3], final: [101, 102] } as const;

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  pairs: number;
  goodPairs: number;
  parents: number;
  goodParents: number;
  verdicts: number;
  goodVerdicts: number;
}

const args = process.argv.slice(2);
const which = args.includes('--seeds') ? (args[args.indexOf('--seeds') + 1] as string) : 'all';
const params = paramsFromArgs();
const verbose = args.includes('--verbose');
const seeds = which === 'dev' ? SEEDS.dev : which === 'final' ? SEEDS.final : [...SEEDS.dev, ...SEEDS.final];

export async function evaluateSeed(seed: number, tally: Tally, byKind: Map<string, Tally>): Promise<void> {
  const { originals, fillers } = aebBodies();
  const corpus = generate({ seed, originals, fillers, stories: 45 });
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-eval-'));
  try {
    const input = join(dir, 'corpus.jsonl');
    writeFileSync(input, corpus.map(({ truth: _t, ...a }) => JSON.stringify(a)).join('\n'));
    const store = await openStore({ path: join(dir, 'eval.db'), fingerprint: params.fingerprint });
    const summary = await ingest(store, [input]);
    if (summary.failed) throw new Error(`seed ${seed}: ${summary.failed} articles failed to ingest`);
    const truth = new Map(corpus.map((a) => [a.url, a]));
    for await (const trace of traceAll(store, { params })) score(trace, truth, tally, byKind);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function family(a: GeneratedArticle): Set<string> {
  return new Set(a.truth.roots.concat(a.truth.root ?? []));
}

function score(trace: Trace, truth: Map<string, GeneratedArticle>, tally: Tally, byKind: Map<string, Tally>): void {
  const article = truth.get(trace.url) as GeneratedArticle;
  const kind = byKind.get(article.truth.kind) ?? newTally();
  byKind.set(article.truth.kind, kind);
  const derived = article.truth.parent !== null;
  const found = trace.sources.length > 0;
  for (const t of [tally, kind]) {
    if (derived && found) t.tp++;
    else if (found) t.fp++;
    else if (derived) t.fn++;
    // A source is right when it belongs to one of the stories the article took text from.
    const mine = family(article);
    for (const source of trace.sources) {
      t.pairs++;
      const other = truth.get(source.url) as GeneratedArticle;
      if ([...family(other)].some((root) => mine.has(root))) t.goodPairs++;
      else if (verbose && t === tally) process.stdout.write(`  ✗ pair ${trace.url} <- ${source.url} coverage ${source.coverage}\n`);
    }
    if (derived) {
      t.parents++;
      if (trace.parent === article.truth.parent) t.goodParents++;
    }
    t.verdicts++;
    if (trace.verdict === article.truth.verdict) t.goodVerdicts++;
  }
  const wrong = (derived !== found) || (derived && trace.parent !== article.truth.parent) || trace.verdict !== article.truth.verdict;
  if (verbose && wrong) {
    process.stdout.write(
      `  ✗ ${article.truth.kind} ${trace.url}: verdict ${trace.verdict} (want ${article.truth.verdict}) coverage ${trace.coverage} parent ${trace.parent} (want ${article.truth.parent}) sources ${trace.sources.map((s) => `${s.url}@${s.coverage}`).join(' ')}\n`,
    );
  }
}

function newTally(): Tally {
  return { tp: 0, fp: 0, fn: 0, pairs: 0, goodPairs: 0, parents: 0, goodParents: 0, verdicts: 0, goodVerdicts: 0 };
}

export function metrics(t: Tally): Record<string, number> {
  const ratio = (a: number, b: number): number => (b ? a / b : 1);
  return {
    copyPrecision: ratio(t.tp, t.tp + t.fp),
    copyRecall: ratio(t.tp, t.tp + t.fn),
    pairPrecision: ratio(t.goodPairs, t.pairs),
    parentAccuracy: ratio(t.goodParents, t.parents),
    verdictAccuracy: ratio(t.goodVerdicts, t.verdicts),
  };
}

const fmt = (x: number): string => x.toFixed(3);

async function main(): Promise<void> {
  const tally = newTally();
  const byKind = new Map<string, Tally>();
  const started = performance.now();
  for (const seed of seeds) await evaluateSeed(seed, tally, byKind);
  const m = metrics(tally);
  process.stdout.write(`generated copies, seeds ${seeds.join(',')} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  process.stdout.write(`${'kind'.padEnd(14)} articles  found  parent  verdict\n`);
  for (const [kind, t] of [...byKind].sort()) {
    const k = metrics(t);
    process.stdout.write(
      `${kind.padEnd(14)} ${String(t.verdicts).padStart(8)}  ${String(t.tp + t.fp).padStart(5)}  ${t.parents ? fmt(k.parentAccuracy!) : '    -'}   ${fmt(k.verdictAccuracy!)}\n`,
    );
  }
  for (const [name, value] of Object.entries(m)) process.stdout.write(`${name.padEnd(16)} ${fmt(value)}\n`);
  const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')).generated as Record<string, number>;
  const below = Object.entries(floors).filter(([name, floor]) => (m[name] ?? 0) + 1e-9 < floor);
  for (const [name, floor] of below) process.stdout.write(`BELOW FLOOR: ${name} ${fmt(m[name] ?? 0)} < ${fmt(floor)}\n`);
  process.exitCode = below.length ? 1 : 0;
}

await main();
