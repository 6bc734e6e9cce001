import type { Attribution, Citation, Quote } from './index.js';
import { wordsOf as words } from './quotes.js';

/** What a copy did with one of its source's quotations. */
export interface QuoteFate {
  /** The quotation as the source gives it, and its speaker there. */
  text: string;
  speaker: string | null;
  /** `kept`: the same words by the same speaker; `changed`: other words (cut, reworded) or another speaker; `dropped`: gone. */
  status: 'kept' | 'changed' | 'dropped';
  /** The copy's version, when it has one. */
  copyText?: string;
  copySpeaker?: string | null;
}

/** What a copy did with one of its source's citations, or a citation only the copy has. */
export interface CitationFate {
  name: string;
  kind: Citation['kind'];
  status: 'kept' | 'dropped' | 'added';
}

const norm = (s: string): string => words(s).join(' ');
const sameName = (a: string | null, b: string | null): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** Share of the smaller quotation's words that the other has too. */
function overlap(a: string, b: string): number {
  const wa = new Set(words(a));
  const wb = words(b);
  if (wa.size === 0 || wb.length === 0) return 0;
  let shared = 0;
  for (const w of new Set(wb)) if (wa.has(w)) shared++;
  return shared / Math.min(wa.size, new Set(wb).size);
}

/** A quotation of the copy that is the source's, reworded or cut, when it shares this much of its words. */
const CHANGED_OVERLAP = 0.6;

/**
 * How a copy treated its source's sourcing: each of the source's quotations
 * kept (same words, same speaker), changed (cut, reworded, or given to
 * another speaker) or dropped; each of its citations kept or dropped, and
 * the citations only the copy has (a farm's "we reported").
 */
export function compareAttribution(copy: Attribution, source: Attribution): { quotes: QuoteFate[]; citations: CitationFate[] } {
  const used = new Set<Quote>();
  const quotes = source.quotes.map((q): QuoteFate => {
    const same = copy.quotes.find((c) => !used.has(c) && norm(c.text) === norm(q.text));
    if (same) {
      used.add(same);
      return sameName(same.speaker, q.speaker)
        ? { text: q.text, speaker: q.speaker, status: 'kept' }
        : { text: q.text, speaker: q.speaker, status: 'changed', copyText: same.text, copySpeaker: same.speaker };
    }
    let best: Quote | null = null;
    let bestOverlap = 0;
    for (const c of copy.quotes) {
      if (used.has(c)) continue;
      const o = overlap(q.text, c.text);
      if (o > bestOverlap) {
        best = c;
        bestOverlap = o;
      }
    }
    if (best && bestOverlap >= CHANGED_OVERLAP) {
      used.add(best);
      return { text: q.text, speaker: q.speaker, status: 'changed', copyText: best.text, copySpeaker: best.speaker };
    }
    return { text: q.text, speaker: q.speaker, status: 'dropped' };
  });
  const names = (list: Citation[]): Map<string, Citation> => new Map(list.map((c) => [c.name.toLowerCase(), c]));
  const inCopy = names(copy.citations);
  const inSource = names(source.citations);
  const citations: CitationFate[] = [
    ...[...inSource].map(([key, c]): CitationFate => ({ name: c.name, kind: c.kind, status: inCopy.has(key) ? 'kept' : 'dropped' })),
    ...[...inCopy].filter(([key]) => !inSource.has(key)).map(([, c]): CitationFate => ({ name: c.name, kind: c.kind, status: 'added' })),
  ];
  return { quotes, citations };
}
