/**
 * Benchmark: `npm run bench:attribution [-- --rounds 20]`. Reads the real
 * article bodies of the Article Extraction Benchmark and measures, in turns
 * in this process, `analyseAttribution` and the tokenizer over the same
 * texts: texts per second for each and their ratio.
 */
import { analyseAttribution } from '../src/attribution/index.js';
import { tokenize } from '../src/text/tokenize.js';
import { aebBodies } from '../eval/_data.js';

const at = process.argv.indexOf('--rounds');
const rounds = at >= 0 ? Number(process.argv[at + 1]) : 20;
const { originals, fillers } = aebBodies();
const texts = [...originals, ...fillers];
let attribution = 0;
let tokenizing = 0;
let found = 0;
// a warm-up round of each, then rounds in turn so that noise on a shared machine falls on both alike
for (const x of texts) analyseAttribution(x);
for (const x of texts) tokenize(x);
for (let r = 0; r < rounds; r++) {
  let t = performance.now();
  for (const x of texts) found += analyseAttribution(x).quotes.length;
  attribution += performance.now() - t;
  t = performance.now();
  for (const x of texts) tokenize(x);
  tokenizing += performance.now() - t;
}
const perSecond = (ms: number): number => (texts.length * rounds) / (ms / 1000);
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
process.stdout.write(`${texts.length} real article bodies × ${rounds} rounds (${fmt(found / rounds)} quotations a round)\n`);
process.stdout.write(`analyseAttribution  ${fmt(perSecond(attribution))} texts/s\n`);
process.stdout.write(`tokenize            ${fmt(perSecond(tokenizing))} texts/s\n`);
process.stdout.write(`ratio               attribution takes ${(attribution / tokenizing).toFixed(1)}× the tokenizer's time\n`);
