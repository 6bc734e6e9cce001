import type { CandidateParams } from '../defaults.js';
import type { SharedPostings } from '../fingerprint/shared.js';
import type { Store } from '../store/types.js';
import { compareDates, parsePublished } from '../text/dates.js';

export interface CandidateContext {
  /** Id of the article itself, when stored. */
  self: number | null;
  /** Stored articles, for the rarity of features. */
  total: number;
  params: CandidateParams;
  /** Features more than one article holds, when found in one pass. */
  shared?: SharedPostings | undefined;
  /** Publication dates read so far, kept across calls (bounded). */
  published?: Map<number, string | null> | undefined;
}

export interface Candidate {
  id: number;
  /** Shared features weighted by rarity: log(1 + N / df). */
  score: number;
  shared: number;
}

/**
 * Stored articles that share enough features with an article to be worth
 * aligning, best first. A feature held by more than `postingsPerFeature`
 * articles is read only that far: common passages (a story reprinted by
 * hundreds of sites) still bring candidates, and their rarer features (the
 * changes a copier made) decide the ranking. Among equally good candidates
 * the earliest published come first, so an origin is not crowded out by its
 * many copies. With `shared` (the features more than one article holds),
 * only those are looked up: the others bring no candidate.
 */
export async function findCandidates(store: Store, features: Uint32Array, context: CandidateContext): Promise<Candidate[]> {
  const { self, total, params, shared } = context;
  const least = features.length < params.shortFeatures ? params.minSharedFeaturesShort : params.minSharedFeatures;
  let lists: Array<ArrayLike<number>>;
  if (shared?.lists) {
    lists = [];
    for (const feature of features) {
      const ids = shared.list(feature);
      if (ids) lists.push(ids);
    }
    if (lists.length < least) return [];
  } else {
    const asked = shared ? features.filter((feature) => shared.has(feature)) : features;
    if (asked.length < least) return [];
    lists = [...(await store.postings(asked, params.postingsPerFeature)).values()];
  }
  const byId = new Map<number, Candidate>();
  for (const ids of lists) {
    if (ids.length === 0) continue;
    const weight = weightOf(ids.length, total);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (id === self) continue;
      const candidate = byId.get(id);
      if (candidate) {
        candidate.score += weight;
        candidate.shared++;
      } else byId.set(id, { id, score: weight, shared: 1 });
    }
  }
  return rank(store, [...byId.values()], least, context);
}

/** Weight of a feature held by `df` articles (as read, after the cap) among `total`. */
function weightOf(df: number, total: number): number {
  return Math.log(1 + Math.max(total, df) / df);
}

async function rank(store: Store, all: Candidate[], least: number, context: CandidateContext): Promise<Candidate[]> {
  const { maxCandidates } = context.params;
  const kept = all.filter((c) => c.shared >= least);
  kept.sort((x, y) => y.score - x.score || x.id - y.id);
  if (kept.length <= maxCandidates) return kept;
  return breakTies(store, kept.slice(0, maxCandidates * 4), maxCandidates, context.published ?? new Map());
}

/** Publication dates kept across calls at most: a story's many copies come back again and again. */
const PUBLISHED_KEPT = 65_536;

async function breakTies(store: Store, ranked: Candidate[], keep: number, published: Map<number, string | null>): Promise<Candidate[]> {
  const unknown = ranked.filter((c) => !published.has(c.id)).map((c) => c.id);
  if (published.size + unknown.length > PUBLISHED_KEPT) published.clear();
  if (unknown.length > 0) for (const head of await store.heads(unknown)) published.set(head.id, head.published);
  const heads = new Map(ranked.map((c) => [c.id, parsedDate(published.get(c.id) ?? null)]));
  const near = (x: number, y: number): boolean => Math.abs(x - y) <= 1e-6 * Math.max(x, y);
  return ranked
    .sort((x, y) => {
      if (!near(x.score, y.score)) return y.score - x.score;
      const dx = heads.get(x.id) ?? null;
      const dy = heads.get(y.id) ?? null;
      if (dx && dy) return compareDates(dx, dy) || x.id - y.id;
      return dx ? -1 : dy ? 1 : x.id - y.id;
    })
    .slice(0, keep);
}

function parsedDate(published: string | null): ReturnType<typeof parsePublished> | null {
  return published ? parsePublished(published) : null;
}
