import { ingest, type IngestProgress, type IngestSummary } from '../ingest/index.js';
import { openStore } from '../store/index.js';
import { count, EXIT, fetchOptionsOf, printError, withLinks, type WebCommandOptions } from './_io.js';

export interface IngestCommandOptions extends WebCommandOptions {
  db: string;
  progress?: boolean;
  batchSize?: number;
  workers?: number;
}

/** `newstrace ingest <path…>`: returns the exit status. */
export async function runIngest(paths: string[], options: IngestCommandOptions): Promise<number> {
  const store = await openStore({ path: options.db });
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
    summary = await ingest(store, withLinks(paths, options.links), {
      fetch: fetchOptionsOf(options),
      signal: controller.signal,
      onProgress: draw,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.workers ? { workers: options.workers } : {}),
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
  process.stdout.write(`${describe(summary)}\n`);
  if (summary.interrupted) return EXIT.interrupted;
  return summary.failed > 0 ? EXIT.failedInputs : EXIT.ok;
}

function describe(s: IngestSummary): string {
  const rate = s.seconds > 0 ? s.stored / s.seconds : 0;
  const parts = [
    `${s.interrupted ? 'interrupted after' : 'ingested'} ${count(s.stored)} articles`,
    `(${count(s.added)} added, ${count(s.replaced)} replaced, ${count(s.unchanged)} unchanged)`,
    `${count(s.failed)} failed`,
    `in ${s.seconds.toFixed(1)} s (${count(rate)}/s)`,
  ];
  return parts.join(', ').replace(' articles,', ' articles');
}
