/**
 * Evaluation of quotation, speaker and citation finding on hand-labelled
 * real articles: `npm run eval:attribution [-- --verbose]`. The labels
 * (eval/attribution/labels.jsonl) follow eval/attribution/GUIDELINES.md and
 * point at pages in ../shared/data, extracted the way `newstrace extract`
 * does; quotations are matched by their words (edge punctuation aside),
 * citations by name. Exits non-zero below the floors in eval/floors.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyseAttribution } from '../src/attribution/index.js';
import { decodePage, extractPage } from '../src/extract/index.js';
import { requireData } from './_data.js';

interface Label {
  source: string;
  site: string;
  quotes: Array<{ text: string; speaker: string | null; role: string | null }>;
  citations: Array<{ name: string; kind: string }>;
  anonymous: Array<{ text: string }>;
}

const verbose = process.argv.includes('--verbose');
const read = (name: string): Label[] =>
  readFileSync(new URL(`./attribution/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);

/** The article text of a labelled page, as `newstrace extract` gives it. */
function textOf(source: string): string {
  const [set, name] = source.split('/') as [string, string];
  const path =
    set === 'readability-test-pages'
      ? join(requireData(set), 'pages', name, 'source.html.gz')
      : join(requireData(set), 'html', set === 'aeb' ? `${name}.html.gz` : `${name}.gz`);
  const page = extractPage(decodePage(gunzipSync(readFileSync(path))).text, { url: set === 'readability-test-pages' ? 'http://fakehost/test/page.html' : null });
  if ('error' in page) throw new Error(`${source}: ${page.error}`);
  return page.text;
}

const norm = (s: string): string => s.replace(/^[\s.,;:!?…]+|[\s.,;:!?…]+$/g, '').replace(/\s+/g, ' ');
const normName = (s: string): string => s.replace(/^the\s+/i, '').toLowerCase();

type Tally = Record<'quoteTp' | 'quoteFp' | 'quoteFn' | 'speakerRight' | 'speakerMatched' | 'citeTp' | 'citeFp' | 'citeFn' | 'kindRight' | 'anonTp' | 'anonFp' | 'anonFn', number>;

function score(labels: Label[]): Tally {
const t: Tally = { quoteTp: 0, quoteFp: 0, quoteFn: 0, speakerRight: 0, speakerMatched: 0, citeTp: 0, citeFp: 0, citeFn: 0, kindRight: 0, anonTp: 0, anonFp: 0, anonFn: 0 };
for (const label of labels) {
  const text = textOf(label.source);
  // (a quotation over several paragraphs is labelled without the marks that reopen them: each paragraph is checked)
  for (const q of label.quotes) {
    for (const part of q.text.split('\n\n')) if (!text.includes(part)) throw new Error(`${label.source}: a labelled quotation is not in the text: ${part.slice(0, 60)}`);
  }
  const found = analyseAttribution(text, { site: label.site });
  const gold = new Map(label.quotes.map((q) => [norm(q.text), q]));
  const seen = new Set<string>();
  for (const q of found.quotes) {
    const g = gold.get(norm(q.text));
    if (!g || seen.has(norm(q.text))) {
      t.quoteFp++;
      if (verbose) process.stdout.write(`  ✗ ${label.source}: quotation said: ${q.text.slice(0, 80)}\n`);
      continue;
    }
    seen.add(norm(q.text));
    t.quoteTp++;
    t.speakerMatched++;
    if ((q.speaker ?? '').toLowerCase() === (g.speaker ?? '').toLowerCase()) t.speakerRight++;
    else if (verbose) process.stdout.write(`  ✗ ${label.source}: speaker ${q.speaker} (want ${g.speaker}) for: ${q.text.slice(0, 60)}\n`);
  }
  for (const [k, g] of gold) {
    if (!seen.has(k)) {
      t.quoteFn++;
      if (verbose) process.stdout.write(`  ✗ ${label.source}: quotation missed: ${g.text.slice(0, 80)}\n`);
    }
  }
  const want = label.citations.map((c) => ({ ...c, used: false }));
  for (const c of found.citations) {
    const match = want.find((w) => !w.used && normName(w.name) === normName(c.name));
    if (match) {
      match.used = true;
      t.citeTp++;
      if (match.kind === c.kind) t.kindRight++;
    } else {
      t.citeFp++;
      if (verbose) process.stdout.write(`  ✗ ${label.source}: citation said: ${c.kind} ${c.name}\n`);
    }
  }
  for (const w of want) {
    if (!w.used) {
      t.citeFn++;
      if (verbose) process.stdout.write(`  ✗ ${label.source}: citation missed: ${w.kind} ${w.name}\n`);
    }
  }
  const anon = label.anonymous.map((a) => ({ text: a.text.toLowerCase(), used: false }));
  for (const a of found.anonymous) {
    const match = anon.find((w) => !w.used && (a.text.toLowerCase().includes(w.text) || w.text.includes(a.text.toLowerCase())));
    if (match) {
      match.used = true;
      t.anonTp++;
    } else t.anonFp++;
  }
  t.anonFn += anon.filter((w) => !w.used).length;
}
return t;
}

const ratio = (a: number, b: number): number => (b ? a / b : 1);
const f1 = (tp: number, fp: number, fn: number): number => ratio(2 * tp, 2 * tp + fp + fn);
const fmt = (x: number): string => x.toFixed(3);
function print(title: string, labels: Label[], t: Tally): void {
  process.stdout.write(`${title}: ${labels.length} hand-labelled articles (${labels.reduce((n, l) => n + l.quotes.length, 0)} quotations, ${labels.reduce((n, l) => n + l.citations.length, 0)} citations)\n`);
  process.stdout.write(`  quotation spans  precision ${fmt(ratio(t.quoteTp, t.quoteTp + t.quoteFp))} recall ${fmt(ratio(t.quoteTp, t.quoteTp + t.quoteFn))} F1 ${fmt(f1(t.quoteTp, t.quoteFp, t.quoteFn))}\n`);
  process.stdout.write(`  speakers right   ${fmt(ratio(t.speakerRight, t.speakerMatched))} of the ${t.speakerMatched} quotations found\n`);
  process.stdout.write(`  citations        precision ${fmt(ratio(t.citeTp, t.citeTp + t.citeFp))} recall ${fmt(ratio(t.citeTp, t.citeTp + t.citeFn))} F1 ${fmt(f1(t.citeTp, t.citeFp, t.citeFn))}; kind right ${fmt(ratio(t.kindRight, t.citeTp))}\n`);
  process.stdout.write(`  anonymous        precision ${fmt(ratio(t.anonTp, t.anonTp + t.anonFp))} recall ${fmt(ratio(t.anonTp, t.anonTp + t.anonFn))}\n`);
}

const labels = read('labels.jsonl');
const t = score(labels);
print('tuning set', labels, t);
// articles never tuned on: reported apart, the fair figures for unseen text
const heldOut = read('heldout.jsonl');
if (verbose) process.stdout.write('held out:\n');
print('held out', heldOut, score(heldOut));

const measured: Record<string, number> = {
  'quotation F1': f1(t.quoteTp, t.quoteFp, t.quoteFn),
  'speakers right': ratio(t.speakerRight, t.speakerMatched),
  'citation F1': f1(t.citeTp, t.citeFp, t.citeFn),
  'anonymous recall': ratio(t.anonTp, t.anonTp + t.anonFn),
};
const floors = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as { attribution?: Record<string, number> }).attribution ?? {};
const below = Object.entries(floors).filter(([name, floor]) => (measured[name] ?? 0) + 1e-9 < floor);
for (const [name, floor] of below) process.stdout.write(`below the floor: ${name} ${fmt(measured[name] ?? 0)} < ${floor}\n`);
if (below.length > 0) process.exit(1);
process.stdout.write('attribution floors met\n');
