/**
 * Benchmark: `npm run bench -- [--size 20000] [--copies 0.3] [--queries 300] [--workers N] [--no-trace-all] [--keep] [--reuse]`.
 * With NEWSTRACE_BENCH_DIR the corpus (and with --reuse the database) of an earlier run is used again.
 * Generates a corpus (bench/corpus.ts), then measures in this process:
 * 1. a reference pass: reading, parsing and tokenizing the corpus (the least any ingest must do);
 * 2. ingest into a fresh SQLite store: articles/s, and the ratio to the reference;
 * 3. database size per article;
 * 4. trace --all (as JSON lines, like the command): articles/s, and the time it implies for 100,000 articles;
 * 5. tracing new articles (not stored) against the index: p50 and p95 latency, over a mix of
 *    unrelated articles, verbatim copies of stored ones and copies with a fifth of their words spun;
 * 6. peak memory (max RSS) of the whole run.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, openStore, renderAll, traceArticle } from '../src/index.js';
import { tokenize } from '../src/text/tokenize.js';
import { aebBodies, paramsFromArgs } from '../eval/_data.js';
import { rng, spin } from '../eval/generate.js';
import { BigramModel, writeCorpus } from './corpus.js';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const size = arg('size', 20000);
const copies = arg('copies', 0.3);
const queries = arg('queries', 300);
const reuse = process.argv.includes('--reuse');
const workers = arg('workers', availableParallelism());
const keep = process.argv.includes('--keep');
const params = paramsFromArgs();

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const say = (line: string): void => void process.stdout.write(`${line}\n`);
/** The process's peak resident memory so far, to tell which step reached it. */
const peak = (): string => `max RSS so far ${fmt(process.resourceUsage().maxRSS / 1024)} MiB`;

async function main(): Promise<void> {
  const dir = process.env['NEWSTRACE_BENCH_DIR'] ?? mkdtempSync(join(tmpdir(), 'newstrace-bench-'));
  const { originals, fillers } = aebBodies();
  const bodies = originals.concat(fillers);
  const corpus = join(dir, `corpus-${size}.jsonl`);
  let t = performance.now();
  if (!existsSync(corpus)) {
    const stats = await writeCorpus(corpus, { size, copies, seed: 1, bodies });
    say(`corpus: ${fmt(stats.articles)} articles (${fmt(stats.copies)} copies), ${fmt(stats.bytes / stats.articles / 1024, 1)} KB each, made in ${fmt((performance.now() - t) / 1000, 1)} s`);
  }

  const dbPath = join(dir, `bench-${size}.db`);
  if (!(reuse && existsSync(dbPath))) await measureIngest(corpus, dbPath);
  const reopened = await openStore({ path: dbPath });

  // 4. trace --all.
  if (process.argv.includes('--no-trace-all')) say('trace --all: skipped (--no-trace-all)');
  else {
    t = performance.now();
    let traced = 0;
    let copiesFound = 0;
    // as `newstrace trace --all --json` does: JSON lines rendered on the workers
    for await (const line of renderAll(reopened, 'json', { params, workers })) {
      traced++;
      if (!line.includes('"verdict":"original"')) copiesFound++;
    }
    const traceSeconds = (performance.now() - t) / 1000;
    const traceRate = traced / traceSeconds;
    say(`trace --all (${workers} threads): ${fmt(traceRate)} articles/s (${fmt(traced)} in ${fmt(traceSeconds, 1)} s, ${fmt(copiesFound)} copies or partial copies); 100,000 articles would take ${fmt(100000 / traceRate, 0)} s; ${peak()}`);
  }

  // 5. Tracing new articles against the index.
  const random = rng(99);
  const model = new BigramModel(bodies);
  const vocabulary = [...new Set(bodies.join(' ').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 3))];
  const sample = await reopened.getMany(Array.from({ length: queries }, () => 1 + Math.floor(random() * size)));
  const kinds = ['unrelated', 'verbatim copy', 'spun copy (a fifth of the words)'];
  const latencies: number[][] = kinds.map(() => []);
  for (let q = 0; q < queries; q++) {
    const stored = (sample[q % sample.length] as { text: string }).text;
    const kind = q % 3;
    const text = kind === 0 ? model.article(random) : kind === 1 ? stored : spin(stored, 0.2, vocabulary, random);
    const article = { url: `https://query.example/${q}`, site: 'query.example', title: null, published: '2030-01-01', author: null, language: null, text, firstSeen: '2030-01-01T00:00:00Z', meta: {} };
    const q0 = performance.now();
    await traceArticle(reopened, article, { params });
    (latencies[kind] as number[]).push(performance.now() - q0);
  }
  const pct = (list: number[], p: number): number => {
    const sorted = [...list].sort((x, y) => x - y);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
  };
  const all = latencies.flat();
  say(`trace one new article against ${fmt(size)}: p50 ${fmt(pct(all, 0.5), 1)} ms, p95 ${fmt(pct(all, 0.95), 1)} ms, max ${fmt(pct(all, 1), 1)} ms (${queries} queries)`);
  kinds.forEach((kind, k) => {
    const list = latencies[k] as number[];
    say(`  ${kind}: p50 ${fmt(pct(list, 0.5), 1)} ms, p95 ${fmt(pct(list, 0.95), 1)} ms (${list.length})`);
  });
  await reopened.close();

  // 6. Memory.
  say(`peak memory (max RSS): ${fmt(process.resourceUsage().maxRSS / 1024)} MiB`);
  if (!keep && !process.env['NEWSTRACE_BENCH_DIR']) rmSync(dir, { recursive: true, force: true });
}

/** 1–3: the reference pass, ingest into a fresh store, and its size on disk. */
async function measureIngest(corpus: string, dbPath: string): Promise<void> {
  // 1. Reference: read, parse and tokenize every article.
  let t = performance.now();
  let words = 0;
  for await (const line of createInterface({ input: createReadStream(corpus) })) words += tokenize((JSON.parse(line) as { text: string }).text).count;
  const reference = size / ((performance.now() - t) / 1000);
  say(`reference (read + parse + tokenize): ${fmt(reference)} articles/s, ${fmt(words / size)} words per article; ${peak()}`);

  // 2. Ingest.
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const store = await openStore({ path: dbPath, fingerprint: params.fingerprint });
  t = performance.now();
  const summary = await ingest(store, [corpus]);
  const ingestSeconds = (performance.now() - t) / 1000;
  const ingestRate = summary.stored / ingestSeconds;
  say(`ingest: ${fmt(ingestRate)} articles/s (${fmt(summary.stored)} in ${fmt(ingestSeconds, 1)} s; ${fmt(ingestRate / reference, 2)}× the reference; ${peak()})`);
  await store.close();

  // 3. Size on disk (after the WAL is folded in).
  const bytes = statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);
  say(`database: ${fmt(bytes / 1048576, 1)} MiB, ${fmt(bytes / size / 1024, 2)} KiB per article`);
}

await main();
