/** A worker of `traceAll`: traces ranges of stored ids against its own read-only connection. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Params } from '../defaults.js';
import { SharedPostings } from '../fingerprint/shared.js';
import type { RunFilterBits } from '../store/_runs.js';
import { createSqliteStore } from '../store/sqlite.js';
import { PROFILE_CACHE, ProfileCache, render, traceRange, type TraceFormat } from './index.js';

interface Job {
  seq: number;
  after: number;
  upTo: number;
}

const data = workerData as {
  path: string;
  params: Params;
  templates: number[];
  shared: Parameters<typeof SharedPostings.from>[0];
  format: TraceFormat | null;
};
const context = {
  params: data.params,
  templates: new Set(data.templates),
  shared: SharedPostings.from(data.shared),
  /** Kept across jobs: popular sources come back in every chunk. */
  cache: new ProfileCache(PROFILE_CACHE),
  published: new Map<number, string | null>(),
};
// With the shared posting lists in memory, a worker reads articles only: a small page cache does.
// Without them (a large index), it looks up only shared features, through the runs' Bloom filters
// that the main thread loaded once into shared memory (about 100 MB at a million articles); a small
// cache does there too (over a million articles, 16 MiB against 64: 0.84 GB against 0.96 at its
// peak, 5% slower).
const store = createSqliteStore({
  path: data.path,
  readonly: true,
  cacheMiB: 16,
  ...(data.shared.lists ? {} : { runFilters: (data.shared.readerData as RunFilterBits | null) ?? false }),
});

parentPort?.on('message', async (job: Job | null) => {
  if (job === null) {
    await store.close();
    parentPort?.close();
    return;
  }
  try {
    const traces = [];
    for await (const trace of traceRange(store, job.after, job.upTo, context)) traces.push(data.format ? render(trace, data.format) : trace);
    parentPort?.postMessage({ seq: job.seq, traces });
  } catch (error) {
    parentPort?.postMessage({ seq: job.seq, error: (error as Error).message });
  }
});
