import { gunzipSync, gzipSync } from 'node:zlib';
import type { Decoded } from '../extract/charset.js';
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

const PAGES = new WeakMap<ArticleInput, Decoded>();

/**
 * An input made from a decoded page: its `html` is the page's text, built on
 * first read; `htmlOf` gives the page in pieces without building it.
 */
export function pageInput(url: string, page: Decoded, meta?: Record<string, unknown>): ArticleInput {
  const input: ArticleInput = { url, ...(meta ? { meta } : {}) };
  Object.defineProperty(input, 'html', { get: () => page.text, enumerable: true, configurable: true });
  PAGES.set(input, page);
  return input;
}

/** An input's HTML: the pieces of its decoded page when it was made from one, else its `html`. */
export const htmlOf = (input: ArticleInput): string | readonly string[] => PAGES.get(input)?.parts ?? input.html ?? '';

/** Whether an input has HTML (without building a decoded page's text). */
export const hasHtml = (input: ArticleInput): boolean => PAGES.has(input) || Boolean(input.html);
