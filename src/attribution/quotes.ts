import { comparePublished } from '../text/dates.js';
import type { Quote } from './index.js';

/** One appearance of a quotation. */
export interface QuoteAppearance {
  url: string;
  site: string;
  published: string | null;
  speaker: string | null;
  text: string;
}

/** A quotation as it travels through the corpus. */
export interface QuoteGroup {
  /** Its fullest wording. */
  text: string;
  /** Who it is attributed to, most often first, with in how many articles (null: unattributed). */
  speakers: Array<{ name: string | null; articles: number }>;
  /** True when articles give it to different named speakers. */
  conflict: boolean;
  /** Its earliest appearance (by publication date). */
  earliest: QuoteAppearance;
  appearances: QuoteAppearance[];
}

/** Words in a row two versions of a quotation must share to be one (a cut or lightly edited version). */
const SHARED_RUN = 8;

/** The words of a text, lower-cased, for comparing quotations. */
export const wordsOf = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Groups the quotations of many articles by identity: the same words, or
 * versions that share a run of eight words (one cut short, or edited a
 * little); each group with its speakers, its appearances and the earliest,
 * and a flag when named speakers disagree.
 */
export function groupQuotes(articles: Iterable<{ url: string; site: string; published: string | null; quotes: Quote[] }>): QuoteGroup[] {
  const appearances: QuoteAppearance[] = [];
  const up: number[] = [];
  const find = (x: number): number => {
    while (up[x] !== x) {
      up[x] = up[up[x] as number] as number;
      x = up[x] as number;
    }
    return x;
  };
  const owner = new Map<string, number>();
  for (const a of articles) {
    for (const q of a.quotes) {
      const k = appearances.length;
      appearances.push({ url: a.url, site: a.site, published: a.published, speaker: q.speaker, text: q.text });
      up.push(k);
      const w = wordsOf(q.text);
      const keys = w.length < SHARED_RUN ? [w.join(' ')] : Array.from({ length: w.length - SHARED_RUN + 1 }, (_, i) => w.slice(i, i + SHARED_RUN).join(' '));
      for (const key of keys) {
        const other = owner.get(key);
        if (other === undefined) owner.set(key, k);
        else up[find(k)] = find(other);
      }
    }
  }
  const groups = new Map<number, QuoteAppearance[]>();
  appearances.forEach((a, k) => {
    const root = find(k);
    const list = groups.get(root) ?? [];
    list.push(a);
    groups.set(root, list);
  });
  const byDate = (x: QuoteAppearance, y: QuoteAppearance): number => comparePublished(x.published, y.published);
  const out: QuoteGroup[] = [];
  for (const list of groups.values()) {
    list.sort(byDate);
    const speakers = new Map<string | null, Set<string>>();
    for (const a of list) {
      const set = speakers.get(a.speaker) ?? new Set<string>();
      set.add(a.url);
      speakers.set(a.speaker, set);
    }
    const named = [...speakers.keys()].filter((s) => s !== null);
    out.push({
      text: list.reduce((best, a) => (a.text.length > best.length ? a.text : best), ''),
      speakers: [...speakers].map(([name, urls]) => ({ name, articles: urls.size })).sort((x, y) => y.articles - x.articles),
      conflict: named.length > 1,
      earliest: list[0] as QuoteAppearance,
      appearances: list,
    });
  }
  return out.sort((x, y) => new Set(y.appearances.map((a) => a.url)).size - new Set(x.appearances.map((a) => a.url)).size);
}
