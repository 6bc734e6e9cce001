import { gunzipSync, gzipSync } from 'node:zlib';
import type { ArticleInput } from '../types.js';
import type { WarcPlace } from './warc.js';

/**
 * What is kept of a page so that it can be extracted again (`reextract`):
 * the input as it came (url, the fields it gave, its metadata) with its
 * HTML, gzip-compressed; a page read from a WARC file keeps only its place
 * there (meta.warc), not a second copy of its HTML.
 */
export function packPage(input: ArticleInput): Uint8Array {
  const kept = warcPlaceOf(input) ? { ...input, html: undefined } : input;
  return gzipSync(JSON.stringify(kept));
}

/** The input a packed page was made from (without its HTML when it is in a WARC file). */
export function unpackPage(page: Uint8Array): ArticleInput {
  return JSON.parse(gunzipSync(page).toString('utf8')) as ArticleInput;
}

/** The WARC record a page was read from, if it was. */
export function warcPlaceOf(input: ArticleInput): WarcPlace | null {
  const place = input.meta?.['warc'] as Partial<WarcPlace> | undefined;
  if (!place || typeof place.file !== 'string' || typeof place.offset !== 'number') return null;
  return place as WarcPlace;
}
