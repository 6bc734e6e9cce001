import { isNewstraceError } from '../errors.js';
import type { NewstraceError } from '../errors.js';
import type { Article } from '../types.js';
import { toArticle } from './prepare.js';
import type { FetchOptions } from '../fetch/index.js';
import { parseRecord, readInputs } from './read.js';

export type ArticleRecord = { where: string; article: Article } | { where: string; error: NewstraceError };

/** Reads articles from files and pages the way `ingest` does, without storing them (for tracing them). */
export async function* readArticleFile(paths: string[], now: Date = new Date(), fetch?: FetchOptions): AsyncGenerator<ArticleRecord> {
  const stamp = now.toISOString();
  for await (const read of readInputs(paths, fetch ? { fetch } : {})) {
    const record = 'json' in read ? parseRecord(read.json, read.where) : read;
    if ('error' in record) {
      yield record;
      continue;
    }
    try {
      yield { where: record.where, article: toArticle(record.input, stamp, record.where) };
    } catch (error) {
      if (!isNewstraceError(error)) throw error;
      yield { where: record.where, error };
    }
  }
}
