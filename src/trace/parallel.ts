import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers.js';
import type { Params } from '../defaults.js';
import type { SharedPostings } from '../fingerprint/shared.js';
import { NewstraceError } from '../errors.js';
import type { Store } from '../store/types.js';
import type { Trace } from '../types.js';
import type { TraceFormat } from './index.js';

/** Ids per job: large enough to amortise messages, small enough to keep workers busy to the end. */
const CHUNK = 1024;

type Reply<T> = { seq: number; traces: T[] } | { seq: number; error: string };

/**
 * Traces every stored article on `workers` threads, each with its own
 * read-only connection to the SQLite file, and yields the traces in id order.
 * Only a few chunks are in flight, so memory stays bounded.
 */
export async function* traceAllParallel<T extends Trace | string>(
  store: Store,
  context: { params: Params; templates: Set<number>; shared: SharedPostings },
  workers: number,
  /** Rendered on the workers (a string crosses threads far cheaper than a trace); null: traces. */
  format: TraceFormat | null,
): AsyncGenerator<T> {
  // Ranges of ids, not of articles: listing every id would read the whole table first.
  const ranges: Array<[number, number]> = [];
  const last = await store.lastId();
  for (let after = 0; after < last; after += CHUNK) ranges.push([after, Math.min(last, after + CHUNK)]);
  const pool = Array.from({ length: Math.min(workers, Math.max(1, ranges.length)) }, () =>
    startWorker(import.meta.url, '_worker', {
      path: store.location,
      params: context.params,
      templates: [...context.templates],
      // its arrays are in shared memory: every thread reads the same copy
      shared: {
        lists: context.shared.lists,
        filter: context.shared.filter && { bits: context.shared.filter.bits },
        readerData: context.shared.readerData,
      },
      format,
    }),
  );
  const done = new Map<number, T[]>();
  const pending: Worker[] = [];
  let next = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const dispatch = (worker: Worker): void => {
    if (next >= ranges.length) return;
    const [after, upTo] = ranges[next] as [number, number];
    worker.postMessage({ seq: next++, after, upTo });
  };
  for (const worker of pool) {
    worker.on('message', (reply: Reply<T>) => {
      if ('error' in reply) failure ??= new NewstraceError('STORE', reply.error, { where: store.location });
      else done.set(reply.seq, reply.traces);
      // Keep at most a few finished chunks waiting, so memory stays bounded.
      if (done.size < pool.length * 2) dispatch(worker);
      else pending.push(worker);
      wake?.();
    });
    worker.on('error', (error) => {
      failure ??= error;
      wake?.();
    });
  }
  for (const worker of pool) dispatch(worker);
  try {
    for (let seq = 0; seq < ranges.length; seq++) {
      while (!done.has(seq)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const traces = done.get(seq) as T[];
      done.delete(seq);
      while (pending.length && done.size < pool.length * 2) dispatch(pending.pop() as Worker);
      yield* traces;
    }
  } finally {
    for (const worker of pool) worker.postMessage(null);
    await Promise.all(pool.map((w) => new Promise((resolve) => w.once('exit', resolve))));
  }
}
