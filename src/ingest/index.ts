import type { Readable } from 'node:stream';
import { DEFAULTS } from '../defaults.js';
import { isNewstraceError, NewstraceError } from '../errors.js';
import type { IndexedArticle, PutOutcome, Store } from '../store/types.js';
import { indexArticle, toArticle } from './prepare.js';
import { readInputs } from './read.js';

export interface IngestProgress {
  read: number;
  stored: number;
  failed: number;
  seconds: number;
}

export interface IngestSummary extends IngestProgress {
  added: number;
  replaced: number;
  unchanged: number;
  /** True when `signal` stopped the ingest before the end of the input. */
  interrupted: boolean;
}

export interface IngestOptions {
  /** Called for each record that cannot be ingested; the ingest goes on. */
  onError?: (error: NewstraceError) => void;
  /** Called after each stored batch. */
  onProgress?: (progress: IngestProgress) => void;
  /** Stops reading; the articles read so far are stored first. */
  signal?: AbortSignal;
  /** Articles written per transaction. */
  batchSize?: number;
  /** Standard input, for the path `-`. */
  stdin?: Readable;
  /** The clock, for `firstSeen`. */
  now?: () => Date;
}

/**
 * Reads articles from `paths` and stores them, indexed for reuse:
 * 1. read records (files, directories, `-`), each either an input or an error;
 * 2. check and complete each input, extract HTML, tokenize and fingerprint it;
 * 3. write batches in one transaction each, so an interrupted ingest keeps
 *    every batch it finished and a rerun completes the rest.
 */
export async function ingest(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 500;
  const summary: IngestSummary = {
    read: 0, stored: 0, failed: 0, seconds: 0, added: 0, replaced: 0, unchanged: 0, interrupted: false,
  };
  const report = (error: NewstraceError): void => {
    summary.failed++;
    options.onError?.(error);
  };
  let batch: IndexedArticle[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const outcomes: PutOutcome[] = await store.put(batch);
    for (const outcome of outcomes) summary[outcome]++;
    summary.stored += outcomes.length;
    batch = [];
    summary.seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ read: summary.read, stored: summary.stored, failed: summary.failed, seconds: summary.seconds });
  };
  const stamp = now().toISOString();
  for await (const record of readInputs(paths, options.stdin)) {
    if (options.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    summary.read++;
    if ('error' in record) {
      report(record.error);
      continue;
    }
    try {
      batch.push(indexArticle(toArticle(record.input, stamp, record.where), store.fingerprint));
    } catch (error) {
      if (!isNewstraceError(error)) throw error;
      report(error);
      continue;
    }
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
