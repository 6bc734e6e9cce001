/**
 * Evaluation on real journalistic reuse: `npm run eval:counter [-- --verbose]`.
 * COUNTER (Sharjeel, Nawab & Rayson 2016; CC BY-NC-SA 4.0, evaluation only):
 * 600 Urdu news-agency texts and the newspaper stories written from them,
 * labelled wholly (WD), partially (PD) or non derived (ND) by the corpus
 * authors. All 1,200 texts go into one store with their real dates (date
 * precision). A newspaper story counts as found derived when its own agency
 * text is among its sources and explains at least the partial-copy share of
 * it (params.verdict.partialCopy), the threshold at which `trace` stops
 * calling an article original; a story that shares only a passage or two with
 * its agency text (a name and title, a stock phrase) is counted apart, as
 * "sharing passages". Exits non-zero below the floor in eval/floors.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ingest, openStore, traceUrl } from '../src/index.js';
import { paramsFromArgs, requireData } from './_data.js';

interface Side {
  newspaper: string;
  newsdate: string;
  headline: string;
  body: string;
}
interface Pair {
  id: string;
  label: 'WD' | 'PD' | 'ND';
  source: Side;
  derived: Side;
}

const params = paramsFromArgs();
const verbose = process.argv.includes('--verbose');

/** dd.mm.yy → yyyy-mm-dd; a date the corpus gives malformed is left out (unknown). */
const isoDate = (d: string): string | undefined => {
  const m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{2})$/.exec(d);
  if (!m) return undefined;
  const iso = `20${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return new Date(`${iso}T00:00:00Z`).toISOString().startsWith(iso) ? iso : undefined;
};

const record = (url: string, side: Side): string =>
  JSON.stringify({ url, site: side.newspaper, title: side.headline, published: isoDate(side.newsdate), text: side.body, language: 'ur' });

async function main(): Promise<void> {
  const pairs = gunzipSync(readFileSync(join(requireData('counter-urdu'), 'pairs.jsonl.gz')))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Pair);
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-counter-'));
  try {
    const input = join(dir, 'counter.jsonl');
    const lines: string[] = [];
    for (const p of pairs) {
      lines.push(record(`https://agency.example/${p.id}`, p.source), record(`https://newspaper.example/${p.id}`, p.derived));
    }
    writeFileSync(input, lines.join('\n'));
    const store = await openStore({ path: join(dir, 'counter.db'), fingerprint: params.fingerprint });
    const started = performance.now();
    const summary = await ingest(store, [input], { onError: (e) => process.stdout.write(`  (${e.describe()})\n`) });
    if (summary.failed) throw new Error(`${summary.failed} texts failed to ingest`);
    const found = { WD: 0, PD: 0, ND: 0 };
    const sharing = { WD: 0, PD: 0, ND: 0 };
    const total = { WD: 0, PD: 0, ND: 0 };
    let undecided = 0;
    for (const p of pairs) {
      const trace = await traceUrl(store, `https://newspaper.example/${p.id}`, { params });
      const agency = `https://agency.example/${p.id}`;
      const source = trace.sources.find((s) => s.url === agency);
      const hit = source !== undefined && source.coverage >= params.verdict.partialCopy;
      if (source) sharing[p.label]++;
      if (trace.related.some((r) => r.url === agency && r.relation === 'undecided')) undecided++;
      total[p.label]++;
      if (hit) found[p.label]++;
      if (verbose && hit !== (p.label !== 'ND')) {
        const shown = source ?? trace.related.find((r) => r.url === agency);
        process.stdout.write(`  ✗ ${p.id} ${p.label}: ${hit ? 'found' : 'missed'} (coverage ${shown?.coverage ?? 0}, ${trace.verdict})\n`);
      }
    }
    await store.close();
    const tp = found.WD + found.PD;
    const fn = total.WD + total.PD - tp;
    const fp = found.ND;
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
    process.stdout.write(`COUNTER (Urdu), ${pairs.length} pairs, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    for (const label of ['WD', 'PD', 'ND'] as const) {
      const share = (n: number): string => `${((100 * n) / total[label]).toFixed(1)}%`;
      process.stdout.write(
        `${label}: found derived ${found[label]} of ${total[label]} (${share(found[label])}); sharing passages ${sharing[label]} (${share(sharing[label])})\n`,
      );
    }
    process.stdout.write(`pairs whose dates could not be ordered: ${undecided}\n`);
    process.stdout.write(`derived-vs-not precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1.toFixed(4)}\n`);
    const floor = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as { counter: { derivedF1: number } }).counter.derivedF1;
    if (f1 + 1e-9 < floor) {
      process.stdout.write(`BELOW FLOOR: derivedF1 ${f1.toFixed(4)} < ${floor.toFixed(4)}\n`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
