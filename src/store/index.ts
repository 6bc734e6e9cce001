import type { FingerprintParams } from '../defaults.js';
import { createSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export interface OpenStoreOptions {
  /** SQLite database file (created when missing). */
  path: string;
  readonly?: boolean;
  /** Fingerprint parameters for a new store. */
  fingerprint?: FingerprintParams;
  /** Articles whose postings wait, unindexed, before they are written as a run (default 16,384). */
  freshArticles?: number;
  /**
   * Rows that the small tables of site lines and of urls take before they
   * move to the large ones (default: the square root of twice the rows a
   * batch adds times the rows of the large table, at least 10,000).
   */
  freshLines?: number;
  freshUrls?: number;
  /** Postings that tracing everything may hold in memory (default 2^25, 128 MiB); past it, lookups go to the database. */
  sharedPostingsBudget?: number;
}

/** Opens a store. SQLite is the embedded default. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  return createSqliteStore(options);
}
