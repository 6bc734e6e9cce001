import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { MAX_RECORD_BYTES } from '../defaults.js';
import { NewstraceError } from '../errors.js';
import { decodePage } from '../extract/charset.js';
import { pageInput } from './page.js';
import type { ArticleInput } from '../types.js';
import { toArticleInput } from './record.js';
import { looksBinary } from './sniff.js';
import { readWarc } from './warc.js';
import { isJsonFeed, isXmlFeed, readJsonFeed, readXmlFeed } from './feed.js';
import { fetchAll, Fetcher, type FetchedPage, type FetchOptions } from '../fetch/index.js';

/**
 * One record read from the inputs, or the reason it could not be read; with
 * `deferJson`, a line of JSON Lines comes as its text (`json`), for
 * `parseRecord` to check where the caller likes (on the ingest worker).
 */
export type InputRecord =
  | { where: string; input: ArticleInput }
  | { where: string; error: NewstraceError }
  | { where: string; json: Uint8Array };

export interface ReadOptions {
  /** Standard input, for the path `-`. */
  stdin?: Readable;
  /** Give JSON Lines records unparsed. */
  deferJson?: boolean;
  /** How http(s) URLs among the paths are fetched (politely, public addresses only, by default). */
  fetch?: Fetcher | FetchOptions;
}

/** True for a path that is an http(s) URL, to be fetched. */
export const isWebUrl = (path: string): boolean => /^https?:\/\//i.test(path);

type Kind = 'jsonl' | 'json' | 'txt' | 'html' | 'warc' | 'feed';

const KINDS: Record<string, Kind> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.txt': 'txt',
  '.html': 'html',
  '.htm': 'html',
  '.warc': 'warc',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

/** What kind of input a file name says it is, looking through `.gz`. */
export function kindOf(path: string): { kind: Kind; gzip: boolean } | null {
  const gzip = path.toLowerCase().endsWith('.gz');
  const kind = KINDS[extname(gzip ? path.slice(0, -3) : path).toLowerCase()];
  return kind ? { kind, gzip } : null;
}

const fail = (where: string, message: string, cause?: unknown): InputRecord => ({
  where,
  error: new NewstraceError('BAD_INPUT', message, { where, cause }),
});

/**
 * Reads articles from files, directories (walked recursively, in name order)
 * and `-` (JSON Lines on `stdin`). Never throws for bad input: each problem
 * becomes a record with an error, and reading goes on.
 */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputRecord> {
  const defer = options.deferJson ?? false;
  for (const path of paths) {
    if (isWebUrl(path)) continue;
    if (path === '-') {
      yield* readJsonLines(options.stdin ?? process.stdin, 'stdin', defer);
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (cause) {
      yield fail(path, `cannot read: ${(cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (cause as Error).message}`, cause);
      continue;
    }
    if (info.isDirectory()) yield* readDirectory(path, defer);
    else yield* readFile(path, true, defer);
  }
  // pages come last: they are fetched a few at a time, as their hosts allow
  const urls = paths.filter(isWebUrl);
  if (urls.length > 0) {
    const fetcher = options.fetch instanceof Fetcher ? options.fetch : new Fetcher(options.fetch);
    for await (const page of fetchAll(fetcher, urls)) {
      if (page instanceof NewstraceError) yield { where: page.where ?? '', error: page };
      else yield* recordsOfPage(page);
    }
  }
}

const FEED_TYPES = /^(application\/(rss|atom|rdf)\+xml|application\/xml|text\/xml)\b/i;
const JSON_TYPES = /^application\/(feed\+)?json\b/i;
const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/** The article inputs of a fetched page: the page itself, or a feed's items. */
function* recordsOfPage(page: FetchedPage): Generator<InputRecord> {
  const where = page.requested;
  const type = page.contentType ?? '';
  if (looksBinary(page.body)) {
    yield fail(where, `not HTML: binary data${type ? ` (${type})` : ''}`);
    return;
  }
  const text = decodePage(page.body, type).text;
  if (FEED_TYPES.test(type) || (!HTML_TYPES.test(type) && isXmlFeed(text))) {
    if (isXmlFeed(text)) yield* readXmlFeed(text, where);
    else yield fail(where, `not a feed: ${type} without RSS or Atom`);
    return;
  }
  if (JSON_TYPES.test(type)) {
    let value: unknown = null;
    try {
      value = JSON.parse(text);
    } catch {
      // reported below
    }
    if (isJsonFeed(value)) yield* readJsonFeed(value, where);
    else yield fail(where, `not a feed: ${type} that is not a JSON Feed`);
    return;
  }
  if (type && !HTML_TYPES.test(type)) {
    yield fail(where, `not HTML: the server says ${type}`);
    return;
  }
  const meta: Record<string, unknown> = { fetched: page.fetched };
  if (page.url !== page.requested) meta['requestedUrl'] = page.requested;
  yield { where, input: { url: page.url, html: text, meta } };
}

async function* readDirectory(dir: string, defer: boolean): AsyncGenerator<InputRecord> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    yield fail(dir, `cannot read directory: ${(cause as Error).message}`, cause);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* readDirectory(path, defer);
    else if (entry.isFile()) yield* readFile(path, false, defer);
  }
}

async function* readFile(path: string, explicit: boolean, defer: boolean): AsyncGenerator<InputRecord> {
  const type = kindOf(path);
  if (!type) {
    // Files of other kinds inside a directory are skipped; one named on purpose is an error.
    if (explicit) yield fail(path, 'unknown file type (expected .jsonl, .ndjson, .json, .txt, .html, .htm, .warc, .rss, .atom, .xml, optionally .gz)');
    return;
  }
  const open = (): Readable => {
    const raw = createReadStream(path);
    return type.gzip ? raw.pipe(createGunzip()) : raw;
  };
  if (type.kind === 'warc') {
    // gzip members are the WARC reader's to open: each record is one
    yield* readWarc(path);
    return;
  }
  if (type.kind === 'jsonl') {
    yield* readJsonLines(open(), path, defer);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readAll(open(), type.kind === 'json' ? MAX_RECORD_BYTES * 16 : MAX_RECORD_BYTES);
  } catch (cause) {
    yield fail(path, `cannot read: ${(cause as Error).message}`, cause);
    return;
  }
  const url = pathToFileURL(resolve(path)).href;
  if (type.kind === 'html') {
    if (looksBinary(bytes)) yield fail(path, 'not HTML: binary data');
    else yield { where: path, input: pageInput(url, decodePage(bytes)) };
    return;
  }
  if (type.kind === 'feed') {
    const xml = decodePage(bytes).text;
    if (looksBinary(bytes) || !isXmlFeed(xml)) yield fail(path, 'not a feed: expected RSS or Atom XML');
    else yield* readXmlFeed(xml, path);
    return;
  }
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch {
    yield fail(path, 'invalid UTF-8');
    return;
  }
  if (type.kind === 'txt') {
    const newline = text.indexOf('\n');
    const title = (newline < 0 ? text : text.slice(0, newline)).trim();
    const body = newline < 0 ? '' : text.slice(newline + 1);
    if (!body.trim()) yield fail(path, 'no text after the title line');
    else yield { where: path, input: { url, title, text: body } };
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    yield fail(path, `invalid JSON: ${(cause as Error).message}`, cause);
    return;
  }
  if (isJsonFeed(value)) {
    yield* readJsonFeed(value, path);
    return;
  }
  const items = Array.isArray(value) ? value : [value];
  for (let k = 0; k < items.length; k++) yield recordOf(items[k], Array.isArray(value) ? `${path}[${k}]` : path);
}

/** ASCII white space only (a line of JSON Lines to skip). */
function isBlank(line: Uint8Array): boolean {
  for (const byte of line) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}

/** A line of JSON Lines (UTF-8), checked: the article input, or the reason it is not one. */
export function parseRecord(line: Uint8Array, where: string): { where: string; input: ArticleInput } | { where: string; error: NewstraceError } {
  let json: string;
  try {
    json = decodeUtf8(line);
  } catch {
    return { where, error: new NewstraceError('BAD_INPUT', 'invalid UTF-8', { where }) };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    return { where, error: new NewstraceError('BAD_INPUT', `invalid JSON: ${(cause as Error).message}`, { where, cause }) };
  }
  return recordOf(value, where);
}

function recordOf(value: unknown, where: string): { where: string; input: ArticleInput } | { where: string; error: NewstraceError } {
  try {
    return { where, input: toArticleInput(value, where) };
  } catch (error) {
    return { where, error: error as NewstraceError };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      stream.destroy();
      throw new Error(`larger than ${Math.round(limit / 1048576)} MiB`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** One record per line; a line that is not a valid record becomes an error naming its number. */
async function* readJsonLines(stream: Readable, name: string, defer: boolean): AsyncGenerator<InputRecord> {
  let lineNo = 0;
  try {
    for await (const line of splitLines(stream, MAX_RECORD_BYTES)) {
      lineNo++;
      const where = `${name}:${lineNo}`;
      if (line === null) {
        yield fail(where, `record larger than ${MAX_RECORD_BYTES / 1048576} MiB`);
        continue;
      }
      if (isBlank(line)) continue;
      // Deferred, the bytes are the caller's to copy before reading on.
      yield defer ? { where, json: line } : parseRecord(line, where);
    }
  } catch (cause) {
    yield fail(lineNo ? `${name}:${lineNo + 1}` : name, `cannot read: ${(cause as Error).message}`, cause);
  }
}

/** Splits a byte stream at \n; a line longer than `limit` bytes is skipped and given as null. */
async function* splitLines(stream: Readable, limit: number): AsyncGenerator<Buffer | null> {
  let pending: Buffer[] = [];
  let pendingSize = 0;
  let oversized = false;
  for await (const piece of stream as AsyncIterable<Buffer | string>) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      if (oversized || pendingSize + piece.length > limit) yield null;
      else yield pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingSize = 0;
      oversized = false;
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (oversized || pendingSize + rest.length > limit) {
      oversized = true;
      pending = [];
      pendingSize = 0;
    } else if (rest.length) {
      pending.push(Buffer.from(rest));
      pendingSize += rest.length;
    }
  }
  if (oversized) yield null;
  else if (pendingSize) yield Buffer.concat(pending);
}
