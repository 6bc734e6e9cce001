import { align, profile, type AlignProfile } from '../align/index.js';
import { DEFAULTS, type Params } from '../defaults.js';
import { NewstraceError } from '../errors.js';
import type { SharedPostings } from '../fingerprint/shared.js';
import { fingerprint } from '../fingerprint/index.js';
import { templateLines } from '../ingest/prepare.js';
import { judge, type Match } from '../provenance/index.js';
import type { Store } from '../store/types.js';
import { renderTraceText } from '../report/text.js';
import { tokenize } from '../text/tokenize.js';
import { textBoilerplate } from '../provenance/boilerplate.js';
import type { Article, Boilerplate, StoredArticle, Trace } from '../types.js';
import { findCandidates } from './candidates.js';
import { traceAllParallel } from './parallel.js';

export interface TraceOptions {
  params?: Params;
  /** Threads for traceAll (SQLite stores); 1 traces on this thread. */
  workers?: number;
}

/**
 * Alignment profiles of stored articles, kept across traces (popular sources
 * are aligned again and again), least recently used first out. Bounded by
 * words, not articles, so a corpus of long articles holds no more memory.
 */
export class ProfileCache {
  private readonly entries = new Map<number, { article: StoredArticle; profile: AlignProfile }>();
  private words = 0;
  /** `capacity`: words of the profiles kept (each counts at least one). */
  constructor(private readonly capacity: number) {}

  get(id: number): { article: StoredArticle; profile: AlignProfile } | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  set(id: number, value: { article: StoredArticle; profile: AlignProfile }): void {
    const old = this.entries.get(id);
    if (old) this.words -= weight(old);
    this.entries.delete(id);
    this.entries.set(id, value);
    this.words += weight(value);
    while (this.words > this.capacity && this.entries.size > 0) {
      const [oldest, entry] = this.entries.entries().next().value as [number, { article: StoredArticle; profile: AlignProfile }];
      this.entries.delete(oldest);
      this.words -= weight(entry);
    }
  }
}

const weight = (entry: { profile: AlignProfile }): number => Math.max(1, entry.profile.tokens.count);

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
  const context = { params: options.params ?? DEFAULTS, cache: new ProfileCache(0), total: await store.count() };
  return traceWith(store, article, context);
}

/** What tracing many articles shares between them. */
export interface TraceContext {
  params: Params;
  cache: ProfileCache;
  /** Stored articles, for the rarity of features. */
  total: number;
  /** Line hashes that are some site's template, when found in one pass. */
  templates?: Set<number>;
  /** Features more than one article holds, when found in one pass. */
  shared?: SharedPostings;
  /** Features of the articles being traced, read with them. */
  features?: Map<number, Uint32Array>;
  /** Publication dates of candidates, kept for breaking ties between them. */
  published?: Map<number, string | null>;
}

async function traceWith(store: Store, article: Article | StoredArticle, context: TraceContext): Promise<Trace> {
  const { params, cache } = context;
  const id = 'id' in article ? article.id : null;
  const tokens = (id !== null ? cache.get(id)?.profile.tokens : undefined) ?? tokenize(article.text);
  const boilerplate = withTextBoilerplate(article.text, await siteTemplate(store, article, tokens, id !== null, params, context.templates));
  const stored = id === null ? undefined : (context.features?.get(id) ?? (await store.featuresOf([id])).get(id));
  const features = stored ?? fingerprint(tokens, store.fingerprint);
  const candidates = await findCandidates(store, features, {
    self: id,
    total: context.total,
    params: params.candidates,
    shared: context.shared,
    published: context.published,
  });
  if (candidates.length === 0) return judge(article, tokens, boilerplate, [], params.verdict);
  const missing = candidates.filter((c) => !cache.get(c.id)).map((c) => c.id);
  const loaded = new Map<number, { article: StoredArticle; profile: AlignProfile }>();
  for (const other of await store.getMany(missing)) {
    const entry = { article: other, profile: profile(tokenize(other.text), params.align) };
    loaded.set(other.id, entry);
    cache.set(other.id, entry);
  }
  let mine = id !== null ? cache.get(id)?.profile : undefined;
  if (!mine) {
    mine = profile(tokens, params.align);
    // its later copies, traced next, will ask for it
    if (id !== null) cache.set(id, { article: article as StoredArticle, profile: mine });
  }
  const matches: Match[] = [];
  for (const candidate of candidates) {
    const entry = loaded.get(candidate.id) ?? cache.get(candidate.id);
    if (!entry || entry.article.url === article.url) continue;
    const passages = align(mine, entry.profile, params.align);
    if (passages.length > 0) matches.push({ article: entry.article, tokens: entry.profile.tokens, passages });
  }
  return judge(article, tokens, boilerplate, matches, params.verdict);
}

async function siteTemplate(
  store: Store,
  article: Article,
  tokens: ReturnType<typeof tokenize>,
  stored: boolean,
  params: Params,
  templates?: Set<number>,
): Promise<Boilerplate[]> {
  const lines = templateLines(tokens, article.site);
  if (lines.length === 0) return [];
  const need = params.verdict.templateRepeats - (stored ? 0 : 1);
  const counts = templates
    ? lines.map((l) => (templates.has(l.hash) ? need : 0))
    : await store.lineCounts(Uint32Array.from(lines, (l) => l.hash), need);
  const out: Boilerplate[] = [];
  lines.forEach((line, k) => {
    if ((counts[k] as number) >= need) {
      out.push({ text: article.text.slice(line.begin, line.end), begin: line.begin, end: line.end, kind: 'site-template' });
    }
  });
  return out;
}

/**
 * The site's template lines and the lines that say what they are (calls to
 * action, credit lines, an author's biography): a line that is both is
 * named for what it says.
 */
function withTextBoilerplate(text: string, template: Boilerplate[]): Boilerplate[] {
  const said = textBoilerplate(text);
  const out = [...said, ...template.filter((t) => !said.some((b) => b.begin < t.end && t.begin < b.end))];
  return out.sort((x, y) => x.begin - y.begin);
}

/**
 * Traces every stored article, in the order they were stored, on `workers`
 * threads. Two passes over the index come first: the lines that are some
 * site's template, and the features that more than one article holds (only
 * those are looked up). Candidates are then looked up article by article: a
 * pass that paired articles over the whole index would need memory that
 * grows with the corpus.
 */
export async function* traceAll(store: Store, options: TraceOptions = {}): AsyncGenerator<Trace> {
  yield* tracedAll<Trace>(store, options, null);
}

export type TraceFormat = 'json' | 'text';

/** A trace as one JSON line, or as the readable text of `newstrace trace`. */
export function render(trace: Trace, format: TraceFormat): string {
  return format === 'json' ? JSON.stringify(trace) : renderTraceText(trace);
}

/** traceAll, each trace rendered (on the worker threads, when there are several). */
export async function* renderAll(store: Store, format: TraceFormat, options: TraceOptions = {}): AsyncGenerator<string> {
  yield* tracedAll<string>(store, options, format);
}

async function* tracedAll<T extends Trace | string>(store: Store, options: TraceOptions, format: TraceFormat | null): AsyncGenerator<T> {
  const params = options.params ?? DEFAULTS;
  const workers = options.workers ?? 1;
  const templates = await store.commonLines(params.verdict.templateRepeats);
  const shared = await store.sharedPostings(params.candidates.postingsPerFeature);
  if (workers > 1 && store.parallel) {
    yield* traceAllParallel<T>(store, { params, templates, shared }, workers, format);
    return;
  }
  for await (const trace of traceRange(store, 0, Infinity, { params, templates, shared })) {
    yield (format ? render(trace, format) : trace) as T;
  }
}

/** Traces the stored articles with ids in (after, upTo], in id order. */
export async function* traceRange(
  store: Store,
  after: number,
  upTo: number,
  context: Omit<TraceContext, 'total' | 'cache'> & { cache?: ProfileCache },
): AsyncGenerator<Trace> {
  const full: TraceContext = {
    ...context,
    cache: context.cache ?? new ProfileCache(PROFILE_CACHE),
    total: await store.count(),
    published: context.published ?? new Map(),
  };
  const batch = 256;
  while (after < upTo) {
    const ids = (await store.ids(after, batch)).filter((id) => id <= upTo);
    if (ids.length === 0) return;
    full.features = await store.featuresOf(ids);
    for (const article of await store.getMany(ids)) yield await traceWith(store, article, full);
    after = ids[ids.length - 1] as number;
  }
}

/**
 * Words of the alignment profiles a long run keeps per thread: about 1,000
 * articles of news length (a profile takes about 55 bytes a word), 30 MB.
 */
export const PROFILE_CACHE = 550_000;
