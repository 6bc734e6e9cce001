import { compareAttribution, type CitationFate, type QuoteFate } from '../attribution/compare.js';
import { analyseAttribution, ATTRIBUTION_VERSION, type AnonymousSource, type Attribution, type Citation, type Quote } from '../attribution/index.js';
import type { Store } from '../store/types.js';
import type { SourceReport, StoredArticle, Trace } from '../types.js';

/**
 * The attribution of stored articles, by id: as the store keeps it (read at
 * ingest, or the first time it was asked for), else read now and kept.
 */
export async function attributionsOf(store: Store, articles: StoredArticle[]): Promise<Map<number, Attribution>> {
  const kept = await store.attributions(articles.map((a) => a.id), ATTRIBUTION_VERSION);
  const out = new Map<number, Attribution>();
  const fresh: Array<{ id: number; version: number; data: string }> = [];
  for (const a of articles) {
    const json = kept.get(a.id);
    if (json !== undefined) {
      out.set(a.id, JSON.parse(json) as Attribution);
      continue;
    }
    const read = analyseAttribution(a.text, { site: a.site });
    out.set(a.id, read);
    fresh.push({ id: a.id, version: ATTRIBUTION_VERSION, data: JSON.stringify(read) });
  }
  await store.putAttributions(fresh);
  return out;
}

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
  const none: Attribution = { quotes: [], citations: [], anonymous: [] };
  const self = text === undefined ? await store.getByUrl(trace.url) : null;
  const stored = (await Promise.all(trace.sources.map((s) => store.getByUrl(s.url)))).filter((a): a is StoredArticle => a !== null);
  const read = await attributionsOf(store, self ? [self, ...stored] : stored);
  const mine = text !== undefined ? analyseAttribution(text, { site: trace.site }) : self ? (read.get(self.id) ?? none) : none;
  const sources = trace.sources.map((s) => {
    const source = stored.find((a) => a.url === s.url);
    return { ...s, attribution: compareAttribution(mine, (source && read.get(source.id)) ?? none) };
  });
  return { ...trace, ...mine, sources };
}
