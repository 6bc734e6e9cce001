/** A worker of `traceAll`: traces ranges of stored ids against its own read-only connection. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Params } from '../defaults.js';
import { createSqliteStore } from '../store/sqlite.js';
import { ProfileCache, traceRange } from './index.js';

interface Job {
  seq: number;
  after: number;
  upTo: number;
}

const { path, params, templates: templateList } = workerData as { path: string; params: Params; templates: number[] };
const templates = new Set(templateList);
const store = createSqliteStore({ path, readonly: true });
/** Kept across jobs: popular sources come back in every chunk. */
const cache = new ProfileCache(1024);

parentPort?.on('message', async (job: Job | null) => {
  if (job === null) {
    await store.close();
    parentPort?.close();
    return;
  }
  try {
    const traces = [];
    for await (const trace of traceRange(store, job.after, job.upTo, { params }, templates, cache)) traces.push(trace);
    parentPort?.postMessage({ seq: job.seq, traces });
  } catch (error) {
    parentPort?.postMessage({ seq: job.seq, error: (error as Error).message });
  }
});
