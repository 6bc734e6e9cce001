import type { Article, StoredArticle } from '../types.js';
import type { FingerprintParams } from '../defaults.js';
import type { SharedPostings } from '../fingerprint/shared.js';

/** An article ready to be stored: its text indexed. */
export interface IndexedArticle extends Omit<Article, 'text'> {
  /**
   * The text, or its UTF-8 bytes: the ingest workers hand texts over encoded,
   * which spares the writing thread a decode and an encode of each.
   */
  text: string | Uint8Array;
  /** Identity of everything that was ingested: the same input twice gives the same hash. */
  contentHash: string;
  /** Winnowed feature hashes, unique, ascending. */
  features: Uint32Array;
  /** Hashes of its lines, each combined with its site, for finding the site's template lines. */
  lines: Uint32Array;
  /** The page it was extracted from, packed (see ingest/page.ts), for extracting it again; null for a text. */
  page: Uint8Array | null;
  /** Its attribution as JSON (quotations, citations, anonymous sources), when read at ingest. */
  attribution?: StoredAttribution | null;
}

/** An article's attribution as stored: JSON, with the version of the rules that read it. */
export interface StoredAttribution {
  version: number;
  data: string;
}

/** A stored page: what `reextract` extracts again. */
export interface StoredPage {
  id: number;
  url: string;
  page: Uint8Array;
}

export type PutOutcome = 'added' | 'replaced' | 'unchanged';

/** What the store knows of an article besides its text, for ranking candidates cheaply. */
export interface ArticleHead {
  id: number;
  url: string;
  site: string;
  published: string | null;
}

/**
 * The contract every store implements (SQLite here; PostgreSQL later).
 * Asynchronous throughout, so that a networked database can implement it.
 */
export interface Store {
  /** Where the store lives, for messages. */
  readonly location: string;
  /** True when other threads may open `location` themselves (an embedded file store). */
  readonly parallel: boolean;
  /** Parameters the index was built with; they stay fixed for the life of the store. */
  readonly fingerprint: FingerprintParams;
  /** Writes a batch in one transaction: all of it is stored, or none. */
  put(batch: IndexedArticle[]): Promise<PutOutcome[]>;
  getByUrl(url: string): Promise<StoredArticle | null>;
  /** Stored pages of the articles with ids in (afterId, throughId], ascending, at most `limit`. */
  pages(afterId: number, throughId: number, limit: number): Promise<StoredPage[]>;
  /** Articles by id, in the order asked; unknown ids are left out. */
  getMany(ids: number[]): Promise<StoredArticle[]>;
  /** Stored attributions of these articles read by rules of `version` (others are stale: left out). */
  attributions(ids: number[], version: number): Promise<Map<number, string>>;
  /** Stores attributions read after ingest (a store opened read-only keeps none). */
  putAttributions(rows: Array<{ id: number } & StoredAttribution>): Promise<void>;
  heads(ids: number[]): Promise<ArticleHead[]>;
  /** Features an article was indexed under. */
  featuresOf(ids: number[]): Promise<Map<number, Uint32Array>>;
  /** Ids of the articles holding each feature, at most `limit` per feature, lowest ids first. */
  postings(features: Uint32Array, limit: number): Promise<Map<number, number[]>>;
  /**
   * The features that more than one stored article holds, with their
   * posting lists (at most `limit` ids each, as `postings` gives them) when
   * there are at most `budget` postings in them (the store's own budget by
   * default); one pass, for tracing everything.
   */
  sharedPostings(limit: number, budget?: number): Promise<SharedPostings>;
  /** Line hashes that at least `count` stored articles carry (one pass; for tracing everything). */
  commonLines(count: number): Promise<Set<number>>;
  /** For each line hash, how many stored articles carry it, counting up to `limit`. */
  lineCounts(lines: Uint32Array, limit: number): Promise<number[]>;
  /** Ids of stored articles in ascending order, after `afterId`, at most `limit`. */
  ids(afterId: number, limit: number): Promise<number[]>;
  count(): Promise<number>;
  /** The highest id given so far (0 in an empty store). */
  lastId(): Promise<number>;
  close(): Promise<void>;
}
