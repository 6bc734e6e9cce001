/**
 * Evaluation of what `trace` says about how a copy was changed:
 * `npm run eval:forensics [-- --seeds dev|final|all] [--verbose]`.
 * Builds the forensic corpus per seed (eval/generate-forensics.ts) from real
 * article bodies, ingests it into a fresh SQLite store, traces every article
 * and scores: name substitutions against the parent (word pairs, kind
 * `name`), boilerplate lines by kind, the derivation tree's edges (parents),
 * and copy detection. Exits non-zero below the floors in eval/floors.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, openStore, traceAll, type Trace } from '../src/index.js';
import { aebBodies } from './_data.js';
import { contentVocabulary } from './generate.js';
import { generateForensics, type ForensicArticle } from './generate-forensics.js';

const SEEDS = { dev: [1, 2, 3], final: [101, 102] } as const;
const KINDS = ['site-template', 'call-to-action', 'credit-line', 'author-bio'] as const;

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const counts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

const tally = {
  names: counts(),
  boilerplate: Object.fromEntries(KINDS.map((k) => [k, counts()])) as Record<(typeof KINDS)[number], Counts>,
  copies: counts(),
  edges: 0,
  goodEdges: 0,
  /** Boilerplate said of lines that come from the real article bodies, whose kind the generator does not know. */
  unlabelled: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<(typeof KINDS)[number], number>,
};

const args = process.argv.slice(2);
const which = args.includes('--seeds') ? (args[args.indexOf('--seeds') + 1] as string) : 'all';
const verbose = args.includes('--verbose');
const seeds = which === 'dev' ? SEEDS.dev : which === 'final' ? SEEDS.final : [...SEEDS.dev, ...SEEDS.final];

function score(trace: Trace, article: ForensicArticle, realText: string): void {
  const truth = article.truth;
  const copied = truth.parent !== null;
  const found = trace.sources.length > 0;
  if (copied && found) tally.copies.tp++;
  else if (found) {
    tally.copies.fp++;
    if (verbose) process.stdout.write(`  ✗ copy said ${trace.url}: sources ${trace.sources.map((x) => `${x.url}@${x.coverage}`).join(' ')}\n`);
  }
  else if (copied) tally.copies.fn++;
  if (copied) {
    tally.edges++;
    if (trace.parent === truth.parent) tally.goodEdges++;
    else if (verbose) process.stdout.write(`  ✗ edge ${trace.url}: parent ${trace.parent} (want ${truth.parent})\n`);
    // names replaced against the parent, word by word
    const fromParent = trace.sources.find((s) => s.url === truth.parent);
    const said = new Set((fromParent?.substitutions ?? []).filter((x) => x.kind === 'name').map((x) => `${x.from}>${x.to}`));
    const want = new Set(truth.names.map(([from, to]) => `${from}>${to}`));
    for (const pair of said) {
      if (want.has(pair)) tally.names.tp++;
      else {
        tally.names.fp++;
        if (verbose) process.stdout.write(`  ✗ name said ${pair} in ${trace.url}\n`);
      }
    }
    for (const pair of want) {
      if (!said.has(pair)) {
        tally.names.fn++;
        if (verbose) process.stdout.write(`  ✗ name missed ${pair} in ${trace.url}\n`);
      }
    }
  }
  for (const kind of KINDS) {
    const saidAll = trace.boilerplate.filter((b) => b.kind === kind).map((b) => b.text);
    // lines of the real article bodies are not labelled (some are real calls to action or credits): counted apart
    const said = new Set(saidAll.filter((text) => !realText.includes(text)));
    tally.unlabelled[kind] += saidAll.length - said.size;
    if (verbose) for (const text of saidAll) if (!said.has(text)) process.stdout.write(`  · ${kind} in the real text of ${trace.url}: ${text.slice(0, 100)}\n`);
    const want = new Set(truth.boilerplate.filter((b) => b.kind === kind).map((b) => b.text));
    const c = tally.boilerplate[kind];
    for (const text of said) {
      if (want.has(text)) c.tp++;
      else {
        c.fp++;
        if (verbose) process.stdout.write(`  ✗ ${kind} said in ${trace.url}: ${text.slice(0, 100)}\n`);
      }
    }
    for (const text of want) {
      if (!said.has(text)) {
        c.fn++;
        if (verbose) process.stdout.write(`  ✗ ${kind} missed in ${trace.url}: ${text.slice(0, 100)}\n`);
      }
    }
  }
}

async function evaluateSeed(seed: number): Promise<void> {
  const { originals, fillers } = aebBodies();
  const corpus = generateForensics(seed, originals, contentVocabulary(originals.concat(fillers)), 40);
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-forensics-'));
  try {
    const input = join(dir, 'corpus.jsonl');
    writeFileSync(input, corpus.map(({ truth: _t, ...a }) => JSON.stringify(a)).join('\n'));
    const store = await openStore({ path: join(dir, 'eval.db') });
    const summary = await ingest(store, [input]);
    if (summary.failed) throw new Error(`seed ${seed}: ${summary.failed} articles failed to ingest`);
    const truth = new Map(corpus.map((a) => [a.url, a]));
    const realText = originals.join('\n');
    for await (const trace of traceAll(store)) score(trace, truth.get(trace.url) as ForensicArticle, realText);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ratio = (a: number, b: number): number => (b ? a / b : 1);
const precision = (c: Counts): number => ratio(c.tp, c.tp + c.fp);
const recall = (c: Counts): number => ratio(c.tp, c.tp + c.fn);

async function main(): Promise<void> {
  const started = performance.now();
  for (const seed of seeds) await evaluateSeed(seed);
  const m: Record<string, number> = {
    namePrecision: precision(tally.names),
    nameRecall: recall(tally.names),
    ...Object.fromEntries(KINDS.flatMap((k) => [[`${k} precision`, precision(tally.boilerplate[k])], [`${k} recall`, recall(tally.boilerplate[k])]])),
    edgeAccuracy: ratio(tally.goodEdges, tally.edges),
    copyPrecision: precision(tally.copies),
    copyRecall: recall(tally.copies),
  };
  process.stdout.write(`forensics of generated copies, seeds ${seeds.join(',')} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  process.stdout.write(`  name pairs: ${tally.names.tp} found, ${tally.names.fp} wrong, ${tally.names.fn} missed; edges: ${tally.goodEdges} of ${tally.edges} right\n`);
  for (const [name, value] of Object.entries(m)) process.stdout.write(`${name.padEnd(26)} ${value.toFixed(3)}\n`);
  process.stdout.write(
    `  not scored: lines of the real bodies said to be ${KINDS.map((k) => `${k} ${tally.unlabelled[k]}`).join(', ')} (--verbose lists them)\n`,
  );
  const floors = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as { forensics?: Record<string, number> }).forensics ?? {};
  const below = Object.entries(floors).filter(([name, floor]) => (m[name] ?? 0) + 1e-9 < floor);
  for (const [name, floor] of below) process.stdout.write(`BELOW FLOOR: ${name} ${(m[name] ?? 0).toFixed(3)} < ${floor.toFixed(3)}\n`);
  process.exitCode = below.length ? 1 : 0;
}

await main();
