import { align, profile } from '../align/index.js';
import { DEFAULTS, type Params } from '../defaults.js';
import { NewstraceError } from '../errors.js';
import { fingerprint } from '../fingerprint/index.js';
import { templateLines } from '../ingest/prepare.js';
import { judge, type Match } from '../provenance/index.js';
import type { Store } from '../store/types.js';
import { tokenize } from '../text/tokenize.js';
import type { Article, Boilerplate, StoredArticle, Trace } from '../types.js';
import { findCandidates } from './candidates.js';

export interface TraceOptions {
  params?: Params;
}

/** Traces the stored article with this url. */
export async function traceUrl(store: Store, url: string, options: TraceOptions = {}): Promise<Trace> {
  const article = await store.getByUrl(url);
  if (!article) throw new NewstraceError('NOT_FOUND', 'no stored article has this url', { where: url });
  return traceArticle(store, article, options);
}

/**
 * Traces one article against the store. A stored article (one with an id)
 * is traced as it was indexed; any other article is analysed without being
 * stored. The steps:
 * 1. words and features of the article;
 * 2. its site-template lines (lines other articles of its site repeat);
 * 3. candidates from the index, best first;
 * 4. each candidate aligned with it;
 * 5. the verdict, sources and parent from the aligned passages.
 */
export async function traceArticle(
  store: Store,
  article: Article | StoredArticle,
  options: TraceOptions = {},
): Promise<Trace> {
  const params = options.params ?? DEFAULTS;
  const id = 'id' in article ? article.id : null;
  const tokens = tokenize(article.text);
  const features = (id !== null ? await store.featuresOf(id) : null) ?? fingerprint(tokens, store.fingerprint);
  const boilerplate = await siteTemplate(store, article, tokens, id !== null, params);
  const total = await store.count();
  const candidates = await findCandidates(store, features, id, total, params.candidates);
  const others = await store.getMany(candidates.map((c) => c.id));
  const mine = profile(tokens, params.align);
  const matches: Match[] = [];
  for (const other of others) {
    if (other.url === article.url) continue;
    const otherTokens = tokenize(other.text);
    const passages = align(mine, profile(otherTokens, params.align), params.align);
    if (passages.length > 0) matches.push({ article: other, tokens: otherTokens, passages });
  }
  return judge(article, tokens, boilerplate, matches, params.verdict);
}

async function siteTemplate(
  store: Store,
  article: Article,
  tokens: ReturnType<typeof tokenize>,
  stored: boolean,
  params: Params,
): Promise<Boilerplate[]> {
  const lines = templateLines(tokens, article.site);
  if (lines.length === 0) return [];
  const need = params.verdict.templateRepeats - (stored ? 0 : 1);
  const counts = await store.lineCounts(Uint32Array.from(lines, (l) => l.hash), need);
  const out: Boilerplate[] = [];
  lines.forEach((line, k) => {
    if ((counts[k] as number) >= need) {
      out.push({ text: article.text.slice(line.begin, line.end), begin: line.begin, end: line.end, kind: 'site-template' });
    }
  });
  return out;
}

/** Traces every stored article, in the order they were stored. */
export async function* traceAll(store: Store, options: TraceOptions = {}): AsyncGenerator<Trace> {
  const batch = 256;
  for (let after = 0; ; ) {
    const ids = await store.ids(after, batch);
    if (ids.length === 0) return;
    for (const article of await store.getMany(ids)) yield await traceArticle(store, article, options);
    after = ids[ids.length - 1] as number;
  }
}
