import { existsSync } from 'node:fs';
import { NewstraceError } from '../errors.js';
import { readArticleFile } from '../ingest/file.js';
import type { Store } from '../store/types.js';
import { withAttribution } from '../trace/attribution.js';
import { render, renderAll, traceAll, traceArticle } from '../trace/index.js';
import type { Trace } from '../types.js';
import { EXIT, fetchOptionsOf, openExisting, printError, withLinks, type WebCommandOptions } from './_io.js';
import type { FetchOptions } from '../fetch/index.js';
import { isWebUrl } from '../ingest/read.js';

export interface TraceCommandOptions extends WebCommandOptions {
  db: string;
  all?: boolean;
  json?: boolean;
  workers?: number;
  /** Add each article's quotations, citations and anonymous sources, and what it did with its sources'. */
  attribution?: boolean;
}

const looksLikeUrl = (target: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(target);

/** `newstrace trace [URL|FILE …] [--all]`: returns the exit status. */
export async function runTrace(targets: string[], options: TraceCommandOptions): Promise<number> {
  targets = withLinks(targets, options.links);
  if (!options.all && targets.length === 0) {
    throw new NewstraceError('BAD_ARGUMENT', 'name a url or file to trace, or pass --all');
  }
  const store = await openExisting(options.db);
  const format = options.json ? 'json' : 'text';
  let failed = 0;
  try {
    const print = async (trace: Trace, text?: string): Promise<void> =>
      writeLine(render(options.attribution ? await withAttribution(store, trace, text) : trace, format));
    if (options.all && options.attribution) {
      // the sourcing is read on this thread, from the stored texts
      for await (const trace of traceAll(store, { workers: options.workers ?? 1 })) await print(trace);
    } else if (options.all) {
      for await (const line of renderAll(store, format, { workers: options.workers ?? 1 })) await writeLine(line);
    }
    const fetch = fetchOptionsOf(options);
    for (const target of targets) failed += await traceTarget(store, target, fetch, print);
  } finally {
    await store.close();
  }
  return failed > 0 ? EXIT.failedInputs : EXIT.ok;
}

/** Writes a line to stdout, waiting while a slow reader (a pipe) has not taken the earlier ones. */
export async function writeLine(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}

async function traceTarget(store: Store, target: string, fetch: FetchOptions, print: (t: Trace, text?: string) => Promise<void>): Promise<number> {
  try {
    const web = isWebUrl(target);
    if (looksLikeUrl(target) && !target.startsWith('file://')) {
      const stored = await store.getByUrl(target);
      if (stored) {
        await print(await traceArticle(store, stored));
        return 0;
      }
      if (!web) throw new NewstraceError('NOT_FOUND', 'no stored article has this url', { where: target });
    } else if (!existsSync(target)) throw new NewstraceError('NOT_FOUND', 'neither a stored url nor a file', { where: target });
    // a file, or a page not stored: read (or fetched) and analysed without being stored
    let failed = 0;
    for await (const record of readArticleFile([target], new Date(), fetch)) {
      if ('error' in record) {
        printError(record.error);
        failed++;
        continue;
      }
      // a page may redirect to an article that is stored
      const stored = web ? await store.getByUrl(record.article.url) : null;
      await print(await traceArticle(store, stored ?? record.article), stored ? undefined : record.article.text);
    }
    return failed;
  } catch (error) {
    if (!(error instanceof NewstraceError)) throw error;
    printError(error);
    return 1;
  }
}
