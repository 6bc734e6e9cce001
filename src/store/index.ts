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
  /** Line hashes that wait in a small table before they move to the large one (default 2,000,000). */
  freshLines?: number;
  /** Postings that tracing everything may hold in memory (default 2^25, 128 MiB); past it, lookups go to the database. */
  sharedPostingsBudget?: number;
}

/** Opens a store. SQLite is the embedded default. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  return createSqliteStore(options);
}
