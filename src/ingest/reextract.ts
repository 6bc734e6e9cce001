import { existsSync } from 'node:fs';
import { NewstraceError } from '../errors.js';
import type { Store } from '../store/types.js';
import type { ArticleInput } from '../types.js';
import { ingestRecords, type IngestOptions, type IngestSummary } from './index.js';
import { unpackPage, warcPlaceOf } from './page.js';
import type { InputRecord } from './read.js';
import { readWarc } from './warc.js';

/** Stored pages read per query. */
const PAGE_BATCH = 500;

/**
 * Extracts every stored page again with this version's extractor and stores
 * the result the way `ingest` does: an article whose text or metadata
 * changed is replaced (and indexed again, keeping when it was first seen),
 * the others stay as they are. A page that no longer yields an article, or
 * whose WARC file is gone, is reported and its stored article kept.
 * Articles stored from text (not from a page) are left alone.
 */
export async function reextract(store: Store, options: IngestOptions = {}): Promise<IngestSummary> {
  return ingestRecords(store, storedPages(store), options);
}

/** The stored pages as input records: their own HTML, or their records read again from the WARC files. */
async function* storedPages(store: Store): AsyncGenerator<InputRecord> {
  // replaced articles get new ids: stop at the last id of now, so nothing is extracted twice
  const through = await store.lastId();
  const inWarcs = new Map<string, Map<number, ArticleInput>>();
  for (let after = 0; ; ) {
    const rows = await store.pages(after, through, PAGE_BATCH);
    if (rows.length === 0) break;
    after = (rows[rows.length - 1] as { id: number }).id;
    for (const row of rows) {
      let input: ArticleInput;
      try {
        input = unpackPage(row.page);
      } catch (cause) {
        yield { where: row.url, error: new NewstraceError('STORE', `the stored page cannot be read: ${(cause as Error).message}`, { where: row.url, cause }) };
        continue;
      }
      const place = warcPlaceOf(input);
      if (!place) {
        yield { where: row.url, input };
        continue;
      }
      let wanted = inWarcs.get(place.file);
      if (!wanted) inWarcs.set(place.file, (wanted = new Map()));
      wanted.set(place.offset, input);
    }
  }
  // each WARC file is read once, in order, for all of its pages
  for (const [file, wanted] of inWarcs) {
    const missing = (reason: string): InputRecord[] =>
      [...wanted.values()].map((input) => ({ where: input.url, error: new NewstraceError('NOT_FOUND', reason, { where: input.url }) }));
    if (!existsSync(file)) {
      yield* missing(`its WARC file is gone: ${file}`);
      continue;
    }
    for await (const record of readWarc(file)) {
      const offset = Number(record.where.slice(record.where.lastIndexOf('@') + 1));
      const input = wanted.get(offset);
      if (!input) continue;
      wanted.delete(offset);
      if ('error' in record) yield { where: input.url, error: record.error };
      else if (record.input.url !== input.url) {
        yield { where: input.url, error: new NewstraceError('NOT_FOUND', `the WARC file changed: its record at ${offset} is now ${record.input.url}`, { where: input.url }) };
      } else yield { where: record.where, input: { ...input, html: record.input.html } };
    }
    yield* missing(`no longer in its WARC file: ${file}`);
  }
}
