import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NewstraceError } from '../errors.js';
import { analyseAttribution, ATTRIBUTION_VERSION } from '../attribution/index.js';
import { extractPage, isNoArticle, type ExtractedArticle } from '../extract/index.js';
import { fingerprint } from '../fingerprint/index.js';
import type { FingerprintParams } from '../defaults.js';
import { parsePublished } from '../text/dates.js';
import { hashSequence, hashString } from '../text/hash.js';
import { lineSpans, tokenize, wordAt, type Tokens } from '../text/tokenize.js';
import { htmlOf, packPage } from './page.js';
import { parseRecord } from './read.js';
import type { IndexedArticle } from '../store/types.js';
import type { Article, ArticleInput, Span } from '../types.js';

/** Lines shorter than this many words are too common to call a site's template. */
const MIN_LINE_WORDS = 3;

/** The site of a url: its host without `www.`; a local file is its own site. */
export function siteOf(url: URL): string {
  if (url.protocol === 'file:') return basename(fileURLToPath(url));
  return url.hostname.replace(/^www\./, '');
}

/**
 * Turns an input record into an article: checks the url and date, extracts
 * HTML, fills the defaults. `now` is the time of this ingest (first seen).
 */
export function toArticle(input: ArticleInput, now: string, where: string): Article {
  let url: URL;
  try {
    url = new URL(input.url.trim());
  } catch {
    throw new NewstraceError('BAD_INPUT', `"url" is not an absolute URL: ${JSON.stringify(input.url.slice(0, 200))}`, { where });
  }
  let page: ExtractedArticle | null = null;
  if (!input.text?.trim()) {
    const extracted = extractPage(htmlOf(input), { url: url.href });
    if (isNoArticle(extracted)) throw new NewstraceError('BAD_INPUT', extracted.error, { where });
    page = extracted;
  }
  const text = normaliseText(input.text?.trim() ? input.text : (page?.text ?? ''));
  if (!text) throw new NewstraceError('BAD_INPUT', 'no article text found in "html"', { where });
  // what the page declares beyond the article's fields is kept as evidence
  const declared: Record<string, unknown> = {};
  if (page?.canonicalUrl && page.canonicalUrl !== url.href) declared['canonicalUrl'] = page.canonicalUrl;
  if (page?.description) declared['description'] = page.description;
  if (page?.published && !input.published?.trim()) declared['publishedFrom'] = page.publishedFrom;
  if (page?.author && !input.author?.trim()) declared['authorFrom'] = page.authorFrom;
  const publishedText = input.published?.trim() || page?.published || null;
  let published: string | null = null;
  if (publishedText) {
    const date = parsePublished(publishedText);
    if (!date) {
      if (input.published) throw new NewstraceError('BAD_INPUT', `"published" is not an ISO 8601 date: ${JSON.stringify(publishedText)}`, { where });
    } else published = date.iso;
  }
  return {
    url: url.href,
    site: input.site?.trim() || siteOf(url),
    title: input.title?.trim() || page?.title || null,
    published,
    author: input.author?.trim() || page?.author || null,
    language: input.language?.trim() || page?.language || null,
    text,
    firstSeen: now,
    meta: { ...declared, ...input.meta },
  };
}

/** Whether a text has a carriage return, white space before a line break, or two blank lines in a row. */
function needsNormalising(text: string): boolean {
  if (text.includes('\r') || text.includes('\n\n\n')) return true;
  // (found by the line breaks themselves: a pattern tried at every character is slower)
  for (let i = text.indexOf('\n'); i > 0; i = text.indexOf('\n', i + 1)) {
    const before = text.charCodeAt(i - 1);
    if (before === 32 || before === 9 || before === 0xa0) return true;
  }
  return false;
}

/** Line breaks as \n, no trailing spaces, at most one blank line between paragraphs. */
export function normaliseText(text: string): string {
  // most texts need none of it: one scan instead of three rewrites
  if (!needsNormalising(text)) return text.trim();
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export interface Line extends Span {
  /** Hash of the line's words, tied to the site. */
  hash: number;
}

/** The lines of a text that are long enough to be part of a site's template. */
export function templateLines(tokens: Tokens, site: string): Line[] {
  const seed = hashString(site);
  const out: Line[] = [];
  for (const span of lineSpans(tokens.text)) {
    const first = wordAt(tokens, span.begin);
    const last = wordAt(tokens, span.end);
    if (last - first >= MIN_LINE_WORDS) out.push({ ...span, hash: hashSequence(tokens.hash, first, last - first, seed) });
  }
  return out;
}

/** Unique line hashes of a text, for the store (in the order the lines come). */
export function lineHashes(tokens: Tokens, site: string): Uint32Array {
  const seed = hashString(site);
  const hashes: number[] = [];
  for (const span of lineSpans(tokens.text)) {
    const first = wordAt(tokens, span.begin);
    const last = wordAt(tokens, span.end);
    if (last - first < MIN_LINE_WORDS) continue;
    const hash = hashSequence(tokens.hash, first, last - first, seed);
    if (!hashes.includes(hash)) hashes.push(hash);
  }
  return Uint32Array.from(hashes);
}

/**
 * Identity of an article's content: ingesting the same record twice gives the
 * same hash. The text may come as its UTF-8 bytes: the hash is the same.
 */
export function contentHash(article: Omit<Article, 'text'> & { text: string | Uint8Array }): string {
  const { url, site, title, published, author, language, text, meta } = article;
  // SHA-1 of the fields, not of the record's JSON (which cost as much as tokenizing); a missing field is not an empty one
  const field = (value: string | null): string => (value === null ? '\u0001' : value);
  return createHash('sha1')
    .update([url, site, field(title), field(published), field(author), field(language), ''].join('\u0000'))
    .update(text)
    .update(`\u0000${JSON.stringify(meta)}`)
    .digest('base64url');
}

/** An article tokenized and fingerprinted, still without its content hash. */
export type FingerprintedArticle = Omit<IndexedArticle, 'contentHash'>;

/** Tokenizes and fingerprints an article for the store. */
export function fingerprintArticle(
  article: Article,
  params: FingerprintParams,
  tokens: Tokens = tokenize(article.text, { quotations: false }),
): FingerprintedArticle {
  return { ...article, features: fingerprint(tokens, params), lines: lineHashes(tokens, article.site), page: null };
}

/** Tokenizes, fingerprints and hashes an article for the store. */
export function indexArticle(article: Article, params: FingerprintParams, tokens?: Tokens): IndexedArticle {
  return withContentHash(fingerprintArticle(article, params, tokens));
}

export function withContentHash(article: FingerprintedArticle): IndexedArticle {
  return { ...article, contentHash: contentHash(article) };
}

/** A batch of records to prepare, as sent to the ingest worker. */
export interface PrepareJob {
  seq: number;
  stamp: string;
  /** Read each article's attribution too (quotations, citations, anonymous sources), to be stored with it. */
  attribution: boolean;
  /** Inputs, or lines of JSON Lines still to be parsed: bytes[begin, end). */
  records: Array<{ where: string; input: ArticleInput } | { where: string; begin: number; end: number }>;
  /** The lines' bytes, one buffer for the batch (moved to the worker, not copied). */
  bytes: Uint8Array;
}

/**
 * Prepared articles, or the reason each record could not be prepared (as
 * plain data, to cross threads). The content hash is left to the writing
 * thread, which has time to spare while the preparing threads have none.
 */
export interface PreparedBatch {
  seq: number;
  results: Array<{ article: FingerprintedArticle } | { where: string; message: string }>;
}

const encoder = new TextEncoder();

/**
 * Moves the texts (as UTF-8), features and line hashes of a batch's articles
 * into two buffers, each becoming a view of them, and returns the buffers: to
 * be handed over to the writing thread whole, instead of thousands of copies
 * of strings and arrays that the writing thread would have to encode again.
 */
export function packBatch(batch: PreparedBatch): ArrayBuffer[] {
  let words = 0;
  let chars = 0;
  for (const result of batch.results) {
    if (!('article' in result)) continue;
    const { features, lines, text } = result.article;
    words += features.length + lines.length;
    chars += text.length;
  }
  const packed = new Uint32Array(words);
  // room for texts a little past ASCII; grown when they are not
  let utf8 = new Uint8Array(chars + (chars >> 3) + 1024);
  let at = 0;
  let byte = 0;
  const move = (array: Uint32Array): Uint32Array => {
    packed.set(array, at);
    at += array.length;
    return packed.subarray(at - array.length, at);
  };
  const encode = (text: string): number => {
    const { read, written } = encoder.encodeInto(text, utf8.subarray(byte));
    if (read === text.length) return written;
    const grown = new Uint8Array(Math.max(utf8.length * 2, byte + text.length * 3));
    grown.set(utf8.subarray(0, byte));
    utf8 = grown;
    return encoder.encodeInto(text, utf8.subarray(byte)).written;
  };
  const texts: Array<{ article: FingerprintedArticle; begin: number; end: number }> = [];
  for (const result of batch.results) {
    if (!('article' in result)) continue;
    const { article } = result;
    article.features = move(article.features);
    article.lines = move(article.lines);
    if (typeof article.text !== 'string') continue;
    const written = encode(article.text);
    texts.push({ article, begin: byte, end: byte + written });
    byte += written;
  }
  // views made once the buffer has stopped growing
  for (const { article, begin, end } of texts) article.text = utf8.subarray(begin, end);
  return [packed.buffer, utf8.buffer];
}

export function prepareBatch(job: PrepareJob, params: FingerprintParams): PreparedBatch {
  return {
    seq: job.seq,
    results: job.records.map((record) => {
      const { where } = record;
      try {
        const checked = 'begin' in record ? parseRecord(job.bytes.subarray(record.begin, record.end), where) : record;
        if ('error' in checked) return { where, message: checked.error.message };
        const { input } = checked;
        const read = toArticle(input, job.stamp, where);
        const article = fingerprintArticle(read, params);
        // a page whose article was extracted is kept, to be extracted again when extraction improves
        if (input.html && !input.text?.trim()) article.page = packPage(input);
        if (job.attribution) article.attribution = { version: ATTRIBUTION_VERSION, data: JSON.stringify(analyseAttribution(read.text, { site: read.site })) };
        return { article };
      } catch (error) {
        if (!(error instanceof NewstraceError)) throw error;
        return { where, message: error.message };
      }
    }),
  };
}
