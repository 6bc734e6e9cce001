/**
 * Extraction quality on real pages, against Readability.js in the same run:
 * `npm run bench:extract [-- --worst 10] [--only aeb,traf,dates,readability] [--no-reference] [--rounds 3]`;
 * `npm run eval:extract` (newstrace alone, failing below the floors in eval/floors.json).
 * With `--ceiling`, also the share of gold titles within reach of any rule
 * that picks a title from what the page holds (see titleWithinReach).
 *
 * Datasets (../shared/data, see its README): aeb (body F1 over 4-token
 * shingles of \w+ tokens, per-page normalised, as its evaluate.py), trafilatura-eval
 * (segments that must / must not be in the text; titles; authors), htmldate-eval
 * (publication date, same day), readability-test-pages (titles). Each is
 * split by a hash of the page's id into a development part (tuned on) and
 * a held-out part (two pages in seven), reported apart. Speed is pages per
 * second of extraction alone (decoding and parsing included, reading the
 * files not), on this one thread: each extractor goes over a whole dataset
 * in its turn, turns alternate, garbage is collected between them (node
 * --expose-gc), and each extractor's fastest turn counts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { collapse, textContent } from '../src/extract/dom.js';
import { decodePage, extractPage, isNoArticle, type ExtractedArticle } from '../src/extract/index.js';
import { declared } from '../src/extract/metadata.js';
import { parseHtml } from '../src/extract/parse.js';
import { requireData } from './_data.js';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const withReference = !flag('no-reference');
const gate = flag('gate');
const worst = Number(option('worst') ?? 0);
const ceiling = flag('ceiling');
const only = new Set((option('only') ?? 'aeb,traf,dates,readability').split(','));

/** Two pages in seven are held out from tuning. */
const heldOut = (id: string): boolean => createHash('sha1').update(id).digest()[0]! % 7 < 2;

interface Page {
  id: string;
  bytes: Buffer;
  url: string | null;
}

interface Output {
  text: string;
  title: string | null;
  author: string | null;
  published: string | null;
}

type Extractor = (page: Page) => Output;

const ours: Extractor = (page) => {
  const result = extractPage(decodePage(page.bytes).parts, { url: page.url });
  // a page without an article still has the date and title it declares
  if (isNoArticle(result)) return { text: '', title: result.title, author: result.author, published: result.published };
  const r = result as ExtractedArticle;
  return { text: r.text, title: r.title, author: r.author, published: r.published };
};

async function readabilityExtractor(): Promise<Extractor> {
  const { Readability } = await import('@mozilla/readability');
  const { parseHTML } = await import('linkedom');
  return (page) => {
    try {
      const { document } = parseHTML(decodePage(page.bytes).text);
      const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
      return {
        text: article?.textContent ?? '',
        title: article?.title ?? null,
        author: article?.byline ?? null,
        published: article?.publishedTime ?? null,
      };
    } catch {
      return { text: '', title: null, author: null, published: null }; // a crash counts as empty output
    }
  };
}

// ---- metrics ----

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - 3); i++) {
    const s = tokens.slice(i, i + 4).join(' ');
    if (s) out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

/** aeb's per-page (tp, fp, fn), normalised to sum 1. */
function shingleMatch(truth: string, predicted: string): [number, number, number] {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(key) ?? 0;
    const b = p.get(key) ?? 0;
    tp += Math.min(a, b);
    fp += Math.max(0, b - a);
    fn += Math.max(0, a - b);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

/** aeb's F1: the harmonic mean of the mean precision and the mean recall over pages. */
function aebF1(triples: Array<[number, number, number]>): { f1: number; precision: number; recall: number } {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const [tp, fp, fn] of triples) {
    if (tp + fp > 0) ps.push(fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
    if (tp + fn > 0) rs.push(fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
  }
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(ps);
  const recall = mean(rs);
  return { f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0, precision, recall };
}

/** Text compared with white space collapsed and without soft hyphens (U+00AD: invisible, and some gold snippets and titles were copied with them). */
const norm = (s: string): string => s.replaceAll('\u00ad', '').replace(/\s+/g, ' ').trim();
/** Titles compared without case, surrounding quotes and punctuation, and with one apostrophe and one double quote. */
const normTitle = (s: string | null): string =>
  norm(s ?? '')
    .toLowerCase()
    .replace(/[‘’‚′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/^[\s"'“”‘’«»„-]+|[\s"'“”‘’«»„.:-]+$/g, '');

/**
 * The people a byline names, compared as a set: without case, "By"/"Von"
 * before them and punctuation around them, a list split at commas,
 * semicolons and "and"/"und"/"y"/"et"/"&" (the gold gives some lists as
 * arrays, some as "A und B").
 */
const authorSet = (s: string | string[] | null | undefined): string =>
  [s ?? []]
    .flat()
    .join('; ')
    .toLowerCase()
    .split(/\s*(?:[,;&]|\band\b|\bund\b|\by\b|\bet\b)\s*/)
    .map((name) => name.replace(/^\s*(by|von)\s+/, '').replace(/^[\s.,:;|~-]+|[\s.,:;|~-]+$/g, '').replace(/\s+/g, ' '))
    .filter(Boolean)
    .sort()
    .join('; ');

/** The calendar day of a date as the page would print it: the date part of ISO text. */
/** Separators between the parts of a title ("Headline | Site", "Section - Headline", "Kicker: Headline"). */
const TITLE_PARTS = /(\s+[|–—\-»·/:•]\s+|\s*[|»·•│]\s*|:\s+)/;

/**
 * Whether `gold` is a title some rule choosing among what the page holds
 * could give: the title `got`, a title the page declares (any meta element
 * or JSON-LD headline or name, `<title>`), the text of an `<h1>`, `<h2>`
 * or `<h3>`, or any run of consecutive parts of one of these split at
 * separators. A bound on title accuracy for extractors that choose rather
 * than write titles: a gold title worded like none of these is out of reach.
 */
function titleWithinReach(page: Page, gold: string, got: string | null): boolean {
  const want = normTitle(gold);
  if (normTitle(got) === want) return true;
  const d = declared(parseHtml(decodePage(page.bytes).parts));
  const texts = [d.titleTag, ...[...d.meta].filter(([k]) => /title|headline/.test(k)).map(([, v]) => v)];
  for (const o of d.ld) for (const k of ['headline', 'name', 'alternativeHeadline']) if (typeof o[k] === 'string') texts.push(o[k] as string);
  for (const h of d.headings) texts.push(h.text);
  for (const e of d.allHeadings) texts.push(collapse(textContent(e)));
  for (const t of texts) {
    if (!t) continue;
    // parts and the separators between them, alternating: a run of parts keeps its own separators
    const pieces = t.split(TITLE_PARTS);
    const parts = (pieces.length + 1) / 2;
    for (let i = 0; i < parts; i++) for (let j = i + 1; j <= parts; j++) if (normTitle(pieces.slice(2 * i, 2 * j - 1).join('')) === want) return true;
  }
  return false;
}

const day = (iso: string | null): string | null => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null);

// ---- datasets ----

const gz = (path: string): Buffer => gunzipSync(readFileSync(path));

interface Dataset {
  name: string;
  pages: Page[];
  score(outputs: Output[], pages: Page[], verbose: boolean): Record<string, number>;
}

function aeb(): Dataset {
  const dir = requireData('aeb');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  const pages = Object.keys(truth)
    .sort()
    .map((id) => ({ id, bytes: gz(join(dir, 'html', `${id}.html.gz`)), url: truth[id]!.url }));
  return {
    name: 'aeb',
    pages,
    score(outputs, ps, verbose) {
      const triples = outputs.map((o, i) => shingleMatch(truth[ps[i]!.id]!.articleBody, o.text));
      if (verbose) report(ps, triples.map(([tp, fp, fn]) => ({ score: tp, detail: `fp ${fp.toFixed(3)} fn ${fn.toFixed(3)}` })));
      const m = aebF1(triples);
      return { 'body F1': m.f1, precision: m.precision, recall: m.recall };
    },
  };
}

interface TrafEntry {
  file: string;
  with: string[];
  without: string[];
  title?: string;
  author?: string | string[];
}

function traf(): Dataset {
  const dir = requireData('trafilatura-eval');
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<string, TrafEntry>;
  const keys = Object.keys(data).sort();
  const pages = keys.map((url) => ({ id: url, bytes: gz(join(dir, 'html', `${data[url]!.file}.gz`)), url: url.startsWith('hard::') ? null : url }));
  return {
    name: 'trafilatura-eval',
    pages,
    score(outputs, ps, verbose) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let titled = 0;
      let titles = 0;
      let reachable = 0;
      let authored = 0;
      let authors = 0;
      const perPage: Array<{ score: number; detail: string }> = [];
      outputs.forEach((o, i) => {
        const e = data[ps[i]!.id]!;
        const text = norm(o.text);
        const missing = e.with.filter((s) => !text.includes(norm(s)));
        const extra = e.without.filter((s) => text.includes(norm(s)));
        tp += e.with.length - missing.length;
        fn += missing.length;
        fp += extra.length;
        if (e.title) {
          titled++;
          if (normTitle(o.title) === normTitle(e.title)) titles++;
          if (ceiling && titleWithinReach(ps[i]!, e.title, o.title)) reachable++;
        }
        // pages whose gold names no author are not scored: the gold leaves out many bylines the pages show
        if (authorSet(e.author)) {
          authored++;
          if (authorSet(o.author) === authorSet(e.author)) authors++;
        }
        perPage.push({ score: -(missing.length + extra.length), detail: `missing ${JSON.stringify(missing.map((s) => s.slice(0, 60)))} extra ${JSON.stringify(extra.map((s) => s.slice(0, 60)))}` });
      });
      if (verbose) report(ps, perPage);
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      return {
        F1: (2 * tp) / (2 * tp + fp + fn),
        precision,
        recall,
        'title right': titles / Math.max(1, titled),
        ...(ceiling ? { 'title within reach': reachable / Math.max(1, titled) } : {}),
        'author right': authors / Math.max(1, authored),
      };
    },
  };
}

function dates(): Dataset {
  const dir = requireData('htmldate-eval');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Array<{ url: string; date: string | null; path: string }>;
  const rows = index.filter((r) => r.date);
  const gold = new Map(rows.map((r) => [r.url, r.date as string]));
  const pages = rows.map((r) => ({ id: r.url, bytes: gz(join(dir, r.path)), url: r.url }));
  return {
    name: 'htmldate-eval',
    pages,
    score: (outputs, ps, verbose) => ({
      'date right': shareRight(outputs, ps, verbose, (o, p) => [day(o.published) === gold.get(p.id), `got ${o.published} want ${gold.get(p.id)}`]),
    }),
  };
}

function readabilityPages(): Dataset {
  const dir = requireData('readability-test-pages');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Array<{ name: string; title: string | null }>;
  const rows = manifest.filter((r) => r.title);
  const gold = new Map(rows.map((r) => [r.name, r.title as string]));
  const pages = rows.map((r) => ({ id: r.name, bytes: gz(join(dir, 'pages', r.name, 'source.html.gz')), url: 'http://fakehost/test/page.html' }));
  return {
    name: 'readability-test-pages',
    pages,
    score: (outputs, ps, verbose) => ({
      'title right': shareRight(outputs, ps, verbose, (o, p) => [
        normTitle(o.title) === normTitle(gold.get(p.id) ?? ''),
        `got ${JSON.stringify(o.title)} want ${JSON.stringify(gold.get(p.id))}`,
      ]),
      ...(ceiling ? { 'title within reach': shareRight(outputs, ps, false, (o, p) => [titleWithinReach(p, gold.get(p.id) ?? '', o.title), '']) } : {}),
    }),
  };
}

/** The share of pages that `check` finds right; the wrong ones listed with `--worst`. */
function shareRight(outputs: Output[], pages: Page[], verbose: boolean, check: (o: Output, p: Page) => [boolean, string]): number {
  const perPage = outputs.map((o, i) => {
    const [ok, detail] = check(o, pages[i]!);
    return { score: ok ? 1 : 0, detail };
  });
  if (verbose) report(pages, perPage);
  return perPage.filter((p) => p.score === 1).length / Math.max(1, outputs.length);
}

function report(pages: Page[], perPage: Array<{ score: number; detail: string }>): void {
  const order = perPage.map((p, i) => ({ ...p, id: pages[i]!.id })).sort((a, b) => a.score - b.score);
  for (const p of order.slice(0, worst)) process.stdout.write(`    ${p.score.toFixed(3)} ${p.id.slice(0, 70)}  ${p.detail.slice(0, 300)}\n`);
}

// ---- run ----

/** Pages each extractor runs on before it is timed, so that neither is timed while the JIT compiles it. */
const WARM_UP_PAGES = 20;

/** Times each extractor goes over a dataset when there are two to compare (the fastest is kept). */
const ROUNDS = Number(option('rounds') ?? 3);

interface Run {
  outputs: Output[];
  seconds: number;
}

/** Collects garbage, when node runs with --expose-gc, so that no extractor pays for the one timed before it. */
const collect = (globalThis as { gc?: () => void }).gc ?? ((): void => {});

/**
 * Runs the extractors over the pages, each over all of them in turn and
 * then again (ABAB…, so that a slow spell of a shared machine falls on both
 * alike), with the garbage collected between turns. Each extractor's time is
 * its fastest turn; its outputs are its first turn's.
 */
function run(extractors: Extractor[], pages: Page[]): Run[] {
  for (const extract of extractors) for (const page of pages.slice(0, WARM_UP_PAGES)) extract(page);
  const runs: Run[] = extractors.map(() => ({ outputs: [], seconds: Infinity }));
  const rounds = extractors.length > 1 ? Math.max(1, ROUNDS) : 1;
  for (let round = 0; round < rounds; round++) {
    extractors.forEach((extract, k) => {
      const outputs: Output[] = [];
      collect();
      const started = performance.now();
      for (const page of pages) outputs.push(extract(page));
      const seconds = (performance.now() - started) / 1000;
      const r = runs[k] as Run;
      r.seconds = Math.min(r.seconds, seconds);
      if (round === 0) r.outputs = outputs;
    });
  }
  return runs;
}

const fmt = (x: number): string => x.toFixed(Number(option('digits') ?? 3));

async function main(): Promise<void> {
  const reference = withReference ? await readabilityExtractor() : null;
  const datasets = [
    only.has('aeb') ? aeb() : null,
    only.has('traf') ? traf() : null,
    only.has('dates') ? dates() : null,
    only.has('readability') ? readabilityPages() : null,
  ].filter((d): d is Dataset => d !== null);
  const floors = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as { extract?: Record<string, number> }).extract ?? {};
  const failures: string[] = [];
  let ourSeconds = 0;
  let refSeconds = 0;
  for (const dataset of datasets) {
    const parts = { development: dataset.pages.filter((p) => !heldOut(p.id)), 'held out': dataset.pages.filter((p) => heldOut(p.id)) };
    process.stdout.write(`${dataset.name} (${dataset.pages.length} pages: ${parts.development.length} development, ${parts['held out'].length} held out)\n`);
    const [mine, theirs = null] = run(reference ? [ours, reference] : [ours], dataset.pages) as [Run, Run?];
    ourSeconds += mine.seconds;
    if (theirs) refSeconds += theirs.seconds;
    for (const [part, pages] of Object.entries(parts)) {
      const pick = (outputs: Output[]): Output[] => pages.map((p) => outputs[dataset.pages.indexOf(p)]!);
      if (worst > 0 && part === 'development') process.stdout.write(`  worst development pages (newstrace):\n`);
      const a = dataset.score(pick(mine.outputs), pages, worst > 0 && part === 'development');
      const b = theirs ? dataset.score(pick(theirs.outputs), pages, false) : null;
      const line = Object.entries(a)
        .map(([k, v]) => `${k} ${fmt(v)}${b ? ` (Readability.js ${fmt(b[k]!)})` : ''}`)
        .join(', ');
      process.stdout.write(`  ${part.padEnd(11)} ${line}\n`);
    }
    const all = dataset.score(mine.outputs, dataset.pages, false);
    const refAll = theirs ? dataset.score(theirs.outputs, dataset.pages, false) : null;
    process.stdout.write(
      `  ${'all'.padEnd(11)} ${Object.entries(all)
        .map(([k, v]) => `${k} ${fmt(v)}${refAll ? ` (Readability.js ${fmt(refAll[k]!)})` : ''}`)
        .join(', ')}\n`,
    );
    process.stdout.write(
      `  speed: newstrace ${(dataset.pages.length / mine.seconds).toFixed(0)} pages/s` +
        (theirs ? `, Readability.js ${(dataset.pages.length / theirs.seconds).toFixed(1)} pages/s (${(theirs.seconds / mine.seconds).toFixed(1)}×)` : '') +
        '\n',
    );
    for (const [metric, value] of Object.entries(all)) {
      const floor = floors[`${dataset.name} ${metric}`];
      if (floor !== undefined && value < floor) failures.push(`${dataset.name} ${metric} ${fmt(value)} is below its floor ${floor}`);
    }
  }
  if (reference) process.stdout.write(`overall speed: newstrace ${(refSeconds / ourSeconds).toFixed(1)}× Readability.js (${ourSeconds.toFixed(1)} s against ${refSeconds.toFixed(1)} s)\n`);
  if (gate) {
    for (const f of failures) process.stderr.write(`FAIL ${f}\n`);
    if (failures.length) process.exit(1);
    process.stdout.write('extraction floors met\n');
  }
}

await main();
