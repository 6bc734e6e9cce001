/**
 * Benchmark: `npm run bench:warc -- [--gib 2] [--ratio 8] [--keep]`.
 * With NEWSTRACE_BENCH_DIR the archives of an earlier run are used again.
 *
 * Whether a WARC archive is read in bounded memory, however large: writes
 * two `.warc.gz` files (one gzip member a record, as crawlers write them;
 * by warcio, the reference WARC library) of the real pages in ../shared/data
 * (aeb, trafilatura-eval, htmldate-eval, readability-test-pages), repeated
 * under new urls, each between a request record and a metadata record: a
 * large one of about `--gib` GiB of pages and a small one `--ratio` times
 * smaller. Then runs the command line on each, in a process of its own as a
 * user would:
 * 1. `newstrace extract --json` (output discarded);
 * 2. `newstrace ingest` into a fresh SQLite file (the default worker count);
 * 3. `newstrace reextract` of that file (every page read again from the archive).
 * For each it prints pages per second and the process's peak memory (max
 * RSS, worker threads included), and the large run's peak over the small
 * run's: near 1 when memory does not grow with the archive. A page written
 * and not read (as an article, a page without one or a failure) is reported.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { requireData } from '../eval/_data.js';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const gib = arg('gib', 2);
const ratio = arg('ratio', 8);
const keep = process.argv.includes('--keep');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const say = (line: string): void => void process.stdout.write(`${line}\n`);

interface SharedPage {
  /** Where the page is in ../shared/data, for its made-up url. */
  name: string;
  html: Buffer;
}

/** Every page of the four extraction sets, uncompressed, each once (htmldate-eval lists some of trafilatura-eval's). */
function sharedPages(): SharedPage[] {
  const pages = new Map<string, SharedPage>();
  const add = (set: string, rel: string): void => {
    const file = resolve(requireData(set), rel);
    const name = relative(resolve(requireData(set), '..'), file).replace(/\.gz$/, '');
    if (!pages.has(file)) pages.set(file, { name, html: gunzipSync(readFileSync(file)) });
  };
  for (const f of readdirSync(join(requireData('aeb'), 'html'))) add('aeb', `html/${f}`);
  for (const f of readdirSync(join(requireData('trafilatura-eval'), 'html'))) add('trafilatura-eval', `html/${f}`);
  const index = JSON.parse(readFileSync(join(requireData('htmldate-eval'), 'index.json'), 'utf8')) as Array<{ path: string }>;
  for (const r of index) add('htmldate-eval', r.path);
  for (const d of readdirSync(join(requireData('readability-test-pages'), 'pages'))) add('readability-test-pages', `pages/${d}/source.html.gz`);
  return [...pages.values()];
}

/** Writes a .warc.gz of `pages` repeated until their bytes reach `target`; returns the number of pages written. */
async function writeWarc(path: string, pages: SharedPage[], target: number): Promise<number> {
  const out = createWriteStream(path);
  const put = async (record: WARCRecord): Promise<void> => {
    const bytes = await WARCSerializer.serialize(record, { gzip: true });
    if (!out.write(bytes)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await put(WARCRecord.createWARCInfo({ filename: path, warcVersion: 'WARC/1.1' }, { software: 'newstrace bench/warc.ts' }));
  let bytes = 0;
  let written = 0;
  for (let round = 0; bytes < target; round++) {
    for (const page of pages) {
      if (bytes >= target) break;
      const url = `https://r${round}.bench.example/${page.name}`;
      const date = new Date(Date.UTC(2024, 0, 1) + written * 1000).toISOString();
      await put(WARCRecord.create({ url, date, type: 'request', warcVersion: 'WARC/1.1', statusline: `GET /${page.name} HTTP/1.1` }, [new Uint8Array()]));
      await put(
        WARCRecord.create(
          { url, date, type: 'response', warcVersion: 'WARC/1.1', statusline: 'HTTP/1.1 200 OK', httpHeaders: { 'Content-Type': 'text/html', 'Content-Length': String(page.html.length) } },
          [page.html],
        ),
      );
      await put(WARCRecord.create({ url, date, type: 'metadata', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'application/warc-fields' } }, [new TextEncoder().encode(`fetchTimeMs: 120\r\n`)]));
      bytes += page.html.length;
      written++;
    }
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return written;
}

interface Measured {
  seconds: number;
  peakMiB: number;
  stderr: string;
  stdout: string;
}

/** Runs the command line with `args` in a process of its own; its peak memory is written by bench/_peak.ts as it exits. */
async function runCli(args: string[], peakFile: string, output: 'ignore' | 'pipe' = 'ignore'): Promise<Measured> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', join(root, 'bench', '_peak.ts'), join(root, 'src', 'cli', 'main.ts'), ...args], {
    cwd: root,
    env: { ...process.env, NEWSTRACE_PEAK_FILE: peakFile },
    stdio: ['ignore', output, 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  // 1: some pages held no article (home pages, lists among the sets), named on stderr
  if (code !== 0 && code !== 1) throw new Error(`newstrace ${args.join(' ')} exited with ${code}:\n${stderr}`);
  const peak = JSON.parse(readFileSync(peakFile, 'utf8')) as { maxRSS: number };
  return { seconds: (performance.now() - started) / 1000, peakMiB: peak.maxRSS / 1024, stderr, stdout };
}

const lastLine = (text: string): string => text.trim().split('\n').pop() ?? '';

async function main(): Promise<void> {
  const dir = process.env['NEWSTRACE_BENCH_DIR'] ?? mkdtempSync(join(tmpdir(), 'newstrace-warc-'));
  const pages = sharedPages();
  const perPass = pages.reduce((sum, p) => sum + p.html.length, 0);
  say(`pages: ${fmt(pages.length)} real pages, ${fmt(perPass / 1048576, 1)} MiB`);
  const sizes = [
    { name: 'small', target: (gib * 1073741824) / ratio },
    { name: 'large', target: gib * 1073741824 },
  ];
  const results: Array<{ name: string; extract: Measured; ingest: Measured; reextract: Measured; pages: number; fileMiB: number }> = [];
  for (const { name, target } of sizes) {
    const path = join(dir, `${name}-${gib}-${ratio}.warc.gz`);
    const countFile = `${path}.pages`;
    let written: number;
    if (existsSync(path) && existsSync(countFile)) written = Number(readFileSync(countFile, 'utf8'));
    else {
      const t = performance.now();
      written = await writeWarc(path, pages, target);
      writeFileSync(countFile, String(written));
      say(`${name}: wrote ${fmt(written)} pages in ${fmt((performance.now() - t) / 1000, 1)} s`);
    }
    const fileMiB = statSync(path).size / 1048576;
    say(`${name}: ${path}: ${fmt(written)} pages, ${fmt(target / 1048576)} MiB of HTML, ${fmt(fileMiB)} MiB compressed`);
    const extract = await runCli(['extract', '--json', path], join(dir, 'peak-extract.json'));
    say(`  extract --json: ${fmt(written / extract.seconds)} pages/s (${fmt(extract.seconds, 1)} s), peak memory ${fmt(extract.peakMiB)} MiB`);
    const summary = lastLine(extract.stderr);
    say(`    ${summary}`);
    // every page written is read: an article, a page without one, or a failure
    const read = [...summary.matchAll(/([\d,]+) (?:articles|pages without|failed)/g)].reduce((n, m) => n + Number((m[1] as string).replaceAll(',', '')), 0);
    if (read !== written) say(`    LOST PAGES: ${fmt(read)} of ${fmt(written)} read`);
    const db = join(dir, `${name}.db`);
    rmSync(db, { force: true });
    rmSync(`${db}-wal`, { force: true });
    rmSync(`${db}-shm`, { force: true });
    const ingest = await runCli(['ingest', '--no-progress', '--db', db, path], join(dir, 'peak-ingest.json'), 'pipe');
    say(`  ingest: ${fmt(written / ingest.seconds)} pages/s (${fmt(ingest.seconds, 1)} s), peak memory ${fmt(ingest.peakMiB)} MiB, database ${fmt(statSync(db).size / 1048576)} MiB`);
    say(`    ${lastLine(ingest.stdout)}`);
    const reextract = await runCli(['reextract', '--no-progress', '--db', db], join(dir, 'peak-reextract.json'), 'pipe');
    say(`  reextract: ${fmt(written / reextract.seconds)} pages/s (${fmt(reextract.seconds, 1)} s), peak memory ${fmt(reextract.peakMiB)} MiB`);
    say(`    ${lastLine(reextract.stdout + reextract.stderr)}`);
    results.push({ name, extract, ingest, reextract, pages: written, fileMiB });
  }
  const [small, large] = results as [(typeof results)[0], (typeof results)[0]];
  say(
    `large over small: ${fmt(large.pages / small.pages, 1)}× the pages; peak memory extract ${fmt(large.extract.peakMiB / small.extract.peakMiB, 2)}×, ingest ${fmt(large.ingest.peakMiB / small.ingest.peakMiB, 2)}×, reextract ${fmt(large.reextract.peakMiB / small.reextract.peakMiB, 2)}×`,
  );
  if (!keep && !process.env['NEWSTRACE_BENCH_DIR']) rmSync(dir, { recursive: true, force: true });
}

await main();
