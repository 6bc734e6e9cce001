import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import { NewstraceError } from '../errors.js';
import type { IndexedArticle, PutOutcome, Store } from '../store/types.js';
import type { ArticleInput } from '../types.js';
import { startWorker } from '../workers.js';
import { prepareBatch, withContentHash, type PreparedBatch, type PrepareJob } from './prepare.js';
import type { FetchOptions } from '../fetch/index.js';
import { readInputs, type InputRecord } from './read.js';

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
  /**
   * Articles written per transaction (default 2,500): an interrupted ingest
   * keeps every finished batch; larger batches commit less often and hold
   * more in memory.
   */
  batchSize?: number;
  /**
   * Threads that prepare articles (extract, tokenize, fingerprint) while this
   * one writes: default one per core but one, at least one; 0 prepares on
   * this thread.
   */
  workers?: number;
  /** Standard input, for the path `-`. */
  stdin?: Readable;
  /** How http(s) URLs among the paths are fetched. */
  fetch?: FetchOptions;
  /** The clock, for `firstSeen`. */
  now?: () => Date;
  /**
   * Read each article's attribution (quotations, speakers, citations,
   * anonymous sources) as it is prepared, and store it with the article, so
   * that tracing and `quotes` read it instead of working it out.
   */
  attribution?: boolean;
}

/** Batches being prepared per worker thread at most, ahead of the writes. */
const IN_FLIGHT_PER_WORKER = 3;

/** A batch is sent early once its texts reach this many characters, so memory stays bounded for long articles. */
const BATCH_CHARS = 8 * 1024 * 1024;

/**
 * Reads articles from `paths` and stores them, indexed for reuse:
 * 1. read records (files, directories, `-`), each either an input or an error;
 * 2. check and complete each input, extract HTML, tokenize and fingerprint it
 *    (on a worker thread, a batch ahead of the writes);
 * 3. write batches in one transaction each, so an interrupted ingest keeps
 *    every batch it finished and a rerun completes the rest.
 */
export async function ingest(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  // JSON Lines are decoded and parsed on the worker: their bytes move there in one buffer a batch.
  const records = readInputs(paths, {
    ...(options.stdin ? { stdin: options.stdin } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    deferJson: true,
  });
  return ingestRecords(store, records, options);
}

/** Stores the records of any source (files, stored pages) the way `ingest` does. */
export async function ingestRecords(store: Store, source: AsyncIterable<InputRecord>, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const stamp = (options.now ?? (() => new Date()))().toISOString();
  const batchSize = options.batchSize ?? 2500;
  const summary: IngestSummary = {
    read: 0, stored: 0, failed: 0, seconds: 0, added: 0, replaced: 0, unchanged: 0, interrupted: false,
  };
  const report = (error: NewstraceError): void => {
    summary.failed++;
    options.onError?.(error);
  };
  const workers = Math.max(0, Math.floor(options.workers ?? Math.max(1, availableParallelism() - 1)));
  const preparer = createPreparer(store, workers);
  const maxInFlight = Math.max(1, workers) * IN_FLIGHT_PER_WORKER;
  const inFlight: Array<Promise<PreparedBatch>> = [];
  const write = async (prepared: PreparedBatch): Promise<void> => {
    const articles: IndexedArticle[] = [];
    for (const result of prepared.results) {
      if ('article' in result) articles.push(withContentHash(result.article));
      else report(new NewstraceError('BAD_INPUT', result.message, { where: result.where }));
    }
    if (articles.length > 0) {
      const outcomes: PutOutcome[] = await store.put(articles);
      for (const outcome of outcomes) summary[outcome]++;
      summary.stored += outcomes.length;
    }
    summary.seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ read: summary.read, stored: summary.stored, failed: summary.failed, seconds: summary.seconds });
  };
  let records: PrepareJob['records'] = [];
  let chars = 0;
  let seq = 0;
  const bytes = new ByteBuffer();
  const send = async (): Promise<void> => {
    if (records.length === 0) return;
    inFlight.push(preparer.prepare({ seq: seq++, stamp, attribution: options.attribution ?? false, records, bytes: bytes.take() }));
    records = [];
    chars = 0;
    while (inFlight.length > maxInFlight) await write(await (inFlight.shift() as Promise<PreparedBatch>));
  };
  try {
    for await (const record of source) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      summary.read++;
      if ('error' in record) report(record.error);
      else if ('json' in record) {
        records.push({ where: record.where, ...bytes.append(record.json) });
        chars += record.json.length;
      } else {
        records.push(record);
        chars += (record.input.text?.length ?? 0) + (record.input.html?.length ?? 0);
      }
      if (records.length >= batchSize || chars >= BATCH_CHARS) await send();
    }
    await send();
    while (inFlight.length > 0) await write(await (inFlight.shift() as Promise<PreparedBatch>));
  } finally {
    await preparer.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

interface Preparer {
  prepare(job: PrepareJob): Promise<PreparedBatch>;
  close(): Promise<void>;
}

/**
 * Prepares batches on `workers` threads (each batch on the next thread in
 * turn; the writes still take them in order), or on this one with none.
 */
function createPreparer(store: Store, workers: number): Preparer {
  if (workers === 0) {
    return { prepare: async (job) => prepareBatch(job, store.fingerprint), close: async () => {} };
  }
  const pool: Worker[] = [];
  const waiting = new Map<number, { resolve: (b: PreparedBatch) => void; reject: (e: unknown) => void }>();
  const fail = (error: unknown): void => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  const start = (): Worker => {
    const worker = startWorker(import.meta.url, '_worker', { fingerprint: store.fingerprint });
    worker.on('message', (batch: PreparedBatch) => {
      waiting.get(batch.seq)?.resolve(batch);
      waiting.delete(batch.seq);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (waiting.size > 0) fail(new Error(`an ingest worker stopped (exit code ${code})`));
    });
    return worker;
  };
  return {
    prepare(job) {
      // threads start as batches come, so a small input starts one
      const slot = job.seq % workers;
      const worker = pool[slot] ?? (pool[slot] = start());
      const promise = new Promise<PreparedBatch>((resolve, reject) => waiting.set(job.seq, { resolve, reject }));
      worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
      return promise;
    },
    async close() {
      await Promise.all(
        pool.map((worker) => {
          const exited = new Promise((resolve) => worker.once('exit', resolve));
          worker.postMessage(null);
          return exited;
        }),
      );
    },
  };
}

/** Bytes of a batch's lines, appended into one buffer that is handed over whole. */
class ByteBuffer {
  private buffer = new Uint8Array(1 << 20);
  private size = 0;

  append(bytes: Uint8Array): { begin: number; end: number } {
    if (this.size + bytes.length > this.buffer.length) {
      let length = this.buffer.length * 2;
      while (length < this.size + bytes.length) length *= 2;
      const grown = new Uint8Array(length);
      grown.set(this.buffer.subarray(0, this.size));
      this.buffer = grown;
    }
    this.buffer.set(bytes, this.size);
    this.size += bytes.length;
    return { begin: this.size - bytes.length, end: this.size };
  }

  /** The bytes so far, in a buffer of their own (handed over, not copied); this one starts again in a new buffer. */
  take(): Uint8Array {
    const taken = this.buffer.subarray(0, this.size);
    this.buffer = new Uint8Array(this.buffer.length);
    this.size = 0;
    return taken;
  }
}
