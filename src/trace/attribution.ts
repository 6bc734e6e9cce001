import { compareAttribution, type CitationFate, type QuoteFate } from '../attribution/compare.js';
import { analyseAttribution, type AnonymousSource, type Citation, type Quote } from '../attribution/index.js';
import type { Store } from '../store/types.js';
import type { SourceReport, Trace } from '../types.js';

/** A trace with the article's sourcing: its quotations, citations and anonymous sources, and what it did with each source's. */
export interface AttributedTrace extends Trace {
  quotes: Quote[];
  citations: Citation[];
  anonymous: AnonymousSource[];
  sources: Array<SourceReport & { attribution: { quotes: QuoteFate[]; citations: CitationFate[] } }>;
}

/**
 * Adds the sourcing of an article to its trace: who it quotes, whom it
 * cites, which unnamed sources it leans on, and for each source which of
 * its quotations and citations the article kept, changed or dropped.
 * `text` is the article's text when it is not stored (a file, a page).
 */
export async function withAttribution(store: Store, trace: Trace, text?: string): Promise<AttributedTrace> {
  const own = text ?? (await store.getByUrl(trace.url))?.text ?? '';
  const mine = analyseAttribution(own, { site: trace.site });
  const sources = [];
  for (const s of trace.sources) {
    const stored = await store.getByUrl(s.url);
    const theirs = analyseAttribution(stored?.text ?? '', { site: s.site });
    sources.push({ ...s, attribution: compareAttribution(mine, theirs) });
  }
  return { ...trace, ...mine, sources };
}
