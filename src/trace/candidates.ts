import type { CandidateParams } from '../defaults.js';
import type { SharedPostings } from '../fingerprint/shared.js';
import type { Store } from '../store/types.js';
import { compareDates, parsePublished } from '../text/dates.js';

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
export async function findCandidates(
  store: Store,
  features: Uint32Array,
  self: number | null,
  total: number,
  params: CandidateParams,
  shared?: SharedPostings,
): Promise<Candidate[]> {
  const least = features.length < params.shortFeatures ? params.minSharedFeaturesShort : params.minSharedFeatures;
  const asked = shared ? features.filter((feature) => shared.has(feature)) : features;
  if (asked.length < least) return [];
  const postings: Map<number, ArrayLike<number>> = shared?.lists
    ? new Map(Array.from(asked, (feature) => [feature, shared.list(feature) as Uint32Array]))
    : await store.postings(asked, params.postingsPerFeature);
  const byId = new Map<number, Candidate>();
  for (const ids of postings.values()) {
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
  return rank(store, [...byId.values()], least, params);
}

/** Weight of a feature held by `df` articles (as read, after the cap) among `total`. */
function weightOf(df: number, total: number): number {
  return Math.log(1 + Math.max(total, df) / df);
}

async function rank(store: Store, all: Candidate[], least: number, params: CandidateParams): Promise<Candidate[]> {
  const kept = all.filter((c) => c.shared >= least);
  kept.sort((x, y) => y.score - x.score || x.id - y.id);
  if (kept.length <= params.maxCandidates) return kept;
  return breakTies(store, kept.slice(0, params.maxCandidates * 4), params.maxCandidates);
}



async function breakTies(store: Store, ranked: Candidate[], keep: number): Promise<Candidate[]> {
  const heads = new Map((await store.heads(ranked.map((c) => c.id))).map((h) => [h.id, h.published ? parsePublished(h.published) : null]));
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
