import { ingest, type IngestOptions, type IngestProgress, type IngestSummary } from '../ingest/index.js';
import { reextract } from '../ingest/reextract.js';
import type { Store } from '../store/types.js';
import { openStore } from '../store/index.js';
import { count, EXIT, openExisting, fetchOptionsOf, printError, withLinks, type WebCommandOptions } from './_io.js';

export interface IngestCommandOptions extends WebCommandOptions {
  db: string;
  progress?: boolean;
  batchSize?: number;
  workers?: number;
  /** Read and store each article's attribution as it is ingested. */
  attribution?: boolean;
}

/** `newstrace ingest <path…>`: returns the exit status. */
export async function runIngest(paths: string[], options: IngestCommandOptions): Promise<number> {
  return runStoring(options, 'ingested', (store, ingestOptions) =>
    ingest(store, withLinks(paths, options.links), { ...ingestOptions, fetch: fetchOptionsOf(options) }),
  );
}

/** `newstrace reextract`: extracts the stored pages again; returns the exit status. */
export async function runReextract(options: IngestCommandOptions): Promise<number> {
  return runStoring({ ...options, mustExist: true }, 're-extracted', (store, ingestOptions) => reextract(store, ingestOptions));
}

/** Runs a job that stores articles, with progress on a terminal, Ctrl-C handling and a summary line. */
async function runStoring(
  options: IngestCommandOptions & { mustExist?: boolean },
  verb: string,
  job: (store: Store, options: IngestOptions) => Promise<IngestSummary>,
): Promise<number> {
  const store = options.mustExist ? await openExisting(options.db) : await openStore({ path: options.db });
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted); // a second Ctrl-C: committed batches are safe
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const showProgress = options.progress ?? process.stderr.isTTY === true;
  let lastDraw = 0;
  const draw = (p: IngestProgress): void => {
    const now = performance.now();
    if (!showProgress || now - lastDraw < 200) return;
    lastDraw = now;
    const rate = p.seconds > 0 ? p.stored / p.seconds : 0;
    process.stderr.write(`\r\x1b[K${count(p.stored)} articles  ${count(rate)}/s  ${count(p.failed)} errors`);
  };
  let summary: IngestSummary;
  try {
    summary = await job(store, {
      signal: controller.signal,
      onProgress: draw,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.workers ? { workers: options.workers } : {}),
      ...(options.attribution ? { attribution: true } : {}),
      onError: (error) => {
        if (showProgress) process.stderr.write('\r\x1b[K');
        printError(error);
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
  if (showProgress) process.stderr.write('\r\x1b[K');
  process.stdout.write(`${describe(summary, verb)}\n`);
  if (summary.interrupted) return EXIT.interrupted;
  return summary.failed > 0 ? EXIT.failedInputs : EXIT.ok;
}

function describe(s: IngestSummary, verb: string): string {
  const rate = s.seconds > 0 ? s.stored / s.seconds : 0;
  const parts = [
    `${s.interrupted ? 'interrupted after' : verb} ${count(s.stored)} articles`,
    `(${count(s.added)} added, ${count(s.replaced)} replaced, ${count(s.unchanged)} unchanged)`,
    `${count(s.failed)} failed`,
    `in ${s.seconds.toFixed(1)} s (${count(rate)}/s)`,
  ];
  return parts.join(', ').replace(' articles,', ' articles');
}
