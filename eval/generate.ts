/**
 * Generates an evaluation corpus the way content farms make copies, from
 * real article bodies: verbatim copies with lines added, spun copies (up to
 * half the words replaced), renamed copies (a name or outlet swapped),
 * excerpts (two paragraphs inside another article), merges of two sources,
 * copies of copies, reordered and cut copies, copies whose date cannot be
 * ordered, independent articles that share only a quotation, and unrelated
 * articles. Every generated article carries its truth.
 *
 * Written before the detector was tuned; `seed` makes it reproducible.
 */
import { tokenize, FLAG_FUNCTION } from '../src/text/tokenize.js';

export type CaseKind =
  | 'original'
  | 'verbatim'
  | 'spun'
  | 'renamed'
  | 'excerpt'
  | 'merged'
  | 'copy-of-copy'
  | 'reordered'
  | 'undecided'
  | 'quote-only'
  | 'rewritten'
  | 'spun-excerpt'
  | 'syndicated'
  | 'unrelated';

export interface Truth {
  kind: CaseKind;
  /** Url of the original story (the root of its family), or null for independent articles. */
  root: string | null;
  /** Roots of every story this article takes text from. */
  roots: string[];
  /** The article it was copied from directly (null: not a copy, or its source cannot be ordered). */
  parent: string | null;
  verdict: 'original' | 'copy' | 'partial-copy';
}

export interface GeneratedArticle {
  url: string;
  site: string;
  title: string;
  published: string;
  text: string;
  truth: Truth;
}

/** Small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CALLS_TO_ACTION = [
  'Follow us on Telegram to get the latest news first.',
  'Subscribe to our channel and never miss a story.',
  'Download our app for breaking news alerts.',
  'Share this article with your friends on social media.',
];

const INTROS = [
  'Here is what we know so far about this developing story.',
  'In a development that has drawn wide attention this week, new details have emerged.',
  'Readers have been asking about this, and here is the full picture.',
];

export interface GenerateOptions {
  seed: number;
  /** Article bodies to build from (real text, paragraphs separated by blank lines). */
  originals: string[];
  /** Other real bodies, for the text that copies add and for independent articles. */
  fillers: string[];
  /** Stories per corpus. */
  stories: number;
}

const words = (text: string): number => tokenize(text).count;
const paragraphsOf = (text: string): string[] => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

export function generate(options: GenerateOptions): GeneratedArticle[] {
  const random = rng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const vocabulary = contentVocabulary(options.originals.concat(options.fillers));
  const out: GeneratedArticle[] = [];
  const independent = withoutSharedText(options.originals.concat(options.fillers));
  const originals = shuffle(options.originals.filter((t) => independent.has(t)).filter((t) => words(t) >= 250 && paragraphsOf(t).length >= 4), random);
  const fillers = shuffle(options.fillers.filter((t) => independent.has(t)).filter((t) => words(t) >= 150 && paragraphsOf(t).length >= 3), random);
  let fillerAt = 0;
  const nextFiller = (): string => fillers[fillerAt++ % fillers.length] as string;
  const kinds: CaseKind[] = [
    'verbatim', 'spun', 'renamed', 'excerpt', 'merged', 'copy-of-copy', 'reordered', 'undecided', 'quote-only',
    'rewritten', 'spun-excerpt', 'syndicated',
  ];
  const farms = ['dailybuzz.example', 'newsflash24.example', 'truthwire.example'];
  const base = Date.UTC(2024, 2, 1, 6, 0) + options.seed * 86_400_000 * 40;
  // Merges take their second source from originals that no other story uses.
  const stories = Math.min(options.stories, Math.floor((originals.length * 9) / 10));
  const spare = originals.slice(stories);

  for (let s = 0; s < stories; s++) {
    const kind = kinds[s % kinds.length] as CaseKind;
    const body = originals[s] as string;
    const t0 = base + s * 3 * 86_400_000 + Math.floor(random() * 6) * 3_600_000;
    const site = `outlet${s % 7}.example`;
    const origin: GeneratedArticle = {
      url: `https://${site}/${options.seed}/story-${s}`,
      site,
      title: `Story ${s}`,
      published: kind === 'undecided' ? iso(t0).slice(0, 10) : iso(t0),
      text: body,
      truth: { kind: 'original', root: null, roots: [], parent: null, verdict: 'original' },
    };
    origin.truth.root = origin.url;
    out.push(origin);
    const farm = pick(farms);
    const later = (hours: number): string => iso(t0 + hours * 3_600_000);
    const copy = (suffix: string, text: string, hours: number, truth: Omit<Truth, 'root'>, onSite = farm): GeneratedArticle => ({
      url: `https://${onSite}/${options.seed}/${suffix}-${s}`,
      site: onSite,
      title: `Copy of story ${s}`,
      published: later(hours),
      text,
      truth: { root: origin.url, ...truth },
    });
    const copyTruth = (parent: string, text: string, copied: number): Omit<Truth, 'root'> => ({
      kind,
      roots: [origin.url],
      parent,
      verdict: verdictFor(copied / words(text)),
    });
    switch (kind) {
      case 'verbatim': {
        const text = [pick(INTROS), body, pick(CALLS_TO_ACTION), `Source: ${site}`].join('\n\n');
        out.push(copy('verbatim', text, 2 + random() * 10, copyTruth(origin.url, text, words(body))));
        break;
      }
      case 'spun': {
        const text = spin(body, 0.3 + random() * 0.2, vocabulary, random);
        out.push(copy('spun', text, 1 + random() * 20, copyTruth(origin.url, text, words(text))));
        break;
      }
      case 'renamed': {
        const text = rename(body, random) + `\n\n${pick(CALLS_TO_ACTION)}`;
        out.push(copy('renamed', text, 3, copyTruth(origin.url, text, words(body))));
        break;
      }
      case 'excerpt': {
        const taken = excerpt(body, random);
        const host = paragraphsOf(nextFiller());
        // Keep the copied share between 20% and 45%: a partial copy.
        const hostWords = Math.round(words(taken) * (1.4 + random() * 2));
        const kept: string[] = [];
        let n = 0;
        for (const p of host) {
          if (n >= hostWords) break;
          kept.push(p);
          n += words(p);
        }
        const at = 1 + Math.floor(random() * Math.max(1, kept.length - 1));
        kept.splice(at, 0, taken);
        const text = kept.join('\n\n');
        out.push(copy('excerpt', text, 5, copyTruth(origin.url, text, words(taken))));
        break;
      }
      case 'merged': {
        const other = spare[Math.floor(s / kinds.length) % spare.length] as string;
        const t1 = t0 - 7_200_000;
        const second: GeneratedArticle = {
          url: `https://outlet-b.example/${options.seed}/story-${s}`,
          site: 'outlet-b.example',
          title: `Second story ${s}`,
          published: iso(t1),
          text: other,
          truth: { kind: 'original', root: null, roots: [], parent: null, verdict: 'original' },
        };
        second.truth.root = second.url;
        out.push(second);
        const p1 = paragraphsOf(body);
        const p2 = paragraphsOf(other);
        const first = p1.slice(0, Math.ceil(p1.length * 0.6));
        const rest = p2.slice(0, Math.max(2, Math.floor(p2.length * 0.3)));
        const text = [...first, ...rest].join('\n\n');
        const larger = words(first.join('\n\n')) >= words(rest.join('\n\n')) ? origin.url : second.url;
        out.push(
          copy('merged', text, 4, {
            kind,
            roots: [origin.url, second.url],
            parent: larger,
            verdict: verdictFor(1),
          }),
        );
        break;
      }
      case 'copy-of-copy': {
        const first = spin(body, 0.15, vocabulary, random) + `\n\n${pick(CALLS_TO_ACTION)}`;
        const c1 = copy('first', first, 2, copyTruth(origin.url, first, words(first)));
        const secondFarm = farms[(farms.indexOf(farm) + 1) % farms.length] as string;
        const second = `${pick(INTROS)}\n\n${first}`;
        const c2 = copy('second', second, 6, copyTruth(c1.url, second, words(first)), secondFarm);
        const third = spin(second, 0.1, vocabulary, random);
        const thirdFarm = farms[(farms.indexOf(farm) + 2) % farms.length] as string;
        const c3 = copy('third', third, 9, copyTruth(c2.url, third, words(third)), thirdFarm);
        out.push(c1, c2, c3);
        break;
      }
      case 'reordered': {
        const ps = paragraphsOf(body);
        const keep = shuffle(ps, random).slice(0, Math.max(3, ps.length - 2));
        const text = [...keep, pick(CALLS_TO_ACTION)].join('\n\n');
        out.push(copy('reordered', text, 8, copyTruth(origin.url, text, words(keep.join(' ')))));
        break;
      }
      case 'undecided': {
        // Published the same day, date only on one side: the order cannot be decided.
        const text = `${body}\n\n${pick(CALLS_TO_ACTION)}`;
        out.push(copy('sameday', text, 5, { kind, roots: [origin.url], parent: null, verdict: 'original' }));
        break;
      }
      case 'rewritten': {
        // Everything at once: half the words spun, a name swapped, paragraphs reordered and cut, lines added.
        const ps = shuffle(paragraphsOf(rename(spin(body, 0.5, vocabulary, random), random)), random);
        const keep = ps.slice(0, Math.max(3, ps.length - 1));
        const text = [pick(INTROS), ...keep, pick(CALLS_TO_ACTION)].join('\n\n');
        out.push(copy('rewritten', text, 12, copyTruth(origin.url, text, words(keep.join('\n\n')))));
        break;
      }
      case 'spun-excerpt': {
        const taken = spin(excerpt(body, random), 0.4, vocabulary, random);
        const host = paragraphsOf(nextFiller()).slice(0, 3);
        host.splice(1, 0, taken);
        const text = host.join('\n\n');
        out.push(copy('spun-excerpt', text, 7, copyTruth(origin.url, text, words(taken))));
        break;
      }
      case 'syndicated': {
        // A story reprinted by many sites, each with a small change of its own;
        // a last site copies one of the reprints.
        const reprints: GeneratedArticle[] = [];
        for (let k = 0; k < 40; k++) {
          const text = spin(body, 0.03, vocabulary, random);
          reprints.push(copy(`reprint${k}`, text, 1 + k * 0.5, copyTruth(origin.url, text, words(text)), `reprint${k}.example`));
        }
        const model = reprints[Math.floor(random() * reprints.length)] as GeneratedArticle;
        const text = `${model.text}\n\n${pick(CALLS_TO_ACTION)}`;
        out.push(...reprints, copy('downstream', text, 30, copyTruth(model.url, text, words(model.text))));
        break;
      }
      case 'quote-only': {
        const quote = longestQuotation(body);
        const host = paragraphsOf(nextFiller()).slice(0, 6);
        if (quote) host.splice(1, 0, `In a statement released on the same day, the spokesperson said: “${quote}”`);
        const text = host.join('\n\n');
        out.push({
          url: `https://independent${s % 3}.example/${options.seed}/report-${s}`,
          site: `independent${s % 3}.example`,
          title: `Independent report ${s}`,
          published: later(3),
          text,
          truth: { kind: quote ? 'quote-only' : 'unrelated', root: null, roots: [], parent: null, verdict: 'original' },
        });
        break;
      }
      default:
        break;
    }
  }
  // Independent articles on unrelated stories.
  for (let k = 0; k < Math.ceil(stories / 3); k++) {
    out.push({
      url: `https://independent-news.example/${options.seed}/unrelated-${k}`,
      site: 'independent-news.example',
      title: `Unrelated ${k}`,
      published: iso(base + k * 86_400_000),
      text: nextFiller(),
      truth: { kind: 'unrelated', root: null, roots: [], parent: null, verdict: 'original' },
    });
  }
  return out;
}

/**
 * The texts that share no run of 8 words with another text of the pool.
 * Real articles on the same news sometimes reuse a press release; their
 * relation is unknown, so they cannot be used as independent material.
 */
export function withoutSharedText(texts: string[]): Set<string> {
  const owner = new Map<string, number>();
  const shared = new Set<number>();
  texts.forEach((text, k) => {
    const w = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (let i = 0; i + 8 <= w.length; i++) {
      const gram = w.slice(i, i + 8).join(' ');
      const first = owner.get(gram);
      if (first === undefined) owner.set(gram, k);
      else if (first !== k) {
        shared.add(first);
        shared.add(k);
      }
    }
  });
  return new Set(texts.filter((_, k) => !shared.has(k)));
}

function verdictFor(coverage: number): Truth['verdict'] {
  return coverage >= 0.5 ? 'copy' : coverage >= 0.15 ? 'partial-copy' : 'original';
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16) + 'Z';
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Content words of the texts (not function words), for spinning. */
export function contentVocabulary(texts: string[]): string[] {
  const seen = new Set<string>();
  for (const text of texts.slice(0, 60)) {
    const t = tokenize(text);
    for (let i = 0; i < t.count; i++) {
      if ((t.flags[i] as number) & FLAG_FUNCTION) continue;
      const w = text.slice(t.begin[i], t.end[i]).toLowerCase();
      if (/^\p{L}{4,}$/u.test(w)) seen.add(w);
    }
  }
  return [...seen];
}

/**
 * Replaces content words until about `rate` of all words are changed, the way
 * a spinner swaps words for synonyms and leaves function words alone.
 */
export function spin(text: string, rate: number, vocabulary: string[], random: () => number, keepNames = false): string {
  const t = tokenize(text);
  let content = 0;
  for (let i = 0; i < t.count; i++) if (!((t.flags[i] as number) & FLAG_FUNCTION)) content++;
  const p = Math.min(1, (rate * t.count) / Math.max(1, content));
  let out = '';
  let at = 0;
  for (let i = 0; i < t.count; i++) {
    if ((t.flags[i] as number) & FLAG_FUNCTION || random() >= p) continue;
    const b = t.begin[i] as number;
    const original = text.slice(b, t.end[i]);
    // a thesaurus has no synonyms for names: such spinners leave capitalised words alone
    if (keepNames && /^\p{Lu}/u.test(original)) continue;
    let replacement = vocabulary[Math.floor(random() * vocabulary.length)] as string;
    if (/^\p{Lu}/u.test(original)) replacement = replacement[0]!.toUpperCase() + replacement.slice(1);
    out += text.slice(at, b) + replacement;
    at = t.end[i] as number;
  }
  return out + text.slice(at);
}

/** Swaps the most frequent proper name (or outlet) for another, everywhere it occurs. */
export function rename(text: string, random: () => number): string {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<=[a-z,;] )\p{Lu}\p{Ll}{3,}/gu)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!top) return text;
  const names = ['Valdoria', 'Krestmore', 'Ashgrove', 'Tellurion'];
  const name = names[Math.floor(random() * names.length)] as string;
  return text.replace(new RegExp(`\\b${top[0]}\\b`, 'g'), name);
}

/** Two or three consecutive paragraphs, at least 60 words. */
function excerpt(body: string, random: () => number): string {
  const ps = paragraphsOf(body);
  const start = Math.floor(random() * Math.max(1, ps.length - 3));
  const out: string[] = [];
  for (let k = start; k < ps.length && (out.length < 2 || words(out.join(' ')) < 60); k++) out.push(ps[k] as string);
  return out.join('\n\n');
}

/** The longest quotation of 8 words or more in a text, without its marks. */
export function longestQuotation(text: string): string | null {
  let best: string | null = null;
  for (const m of text.matchAll(/[“"]([^”"\n]{30,400})[”"]/g)) {
    const q = (m[1] as string).trim();
    if (words(q) >= 8 && (!best || q.length > best.length)) best = q;
  }
  return best;
}
