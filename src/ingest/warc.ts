import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { AsyncIterReader, WARCParser } from 'warcio';
import { MAX_RECORD_BYTES } from '../defaults.js';
import { NewstraceError } from '../errors.js';
import { decodePage } from '../extract/charset.js';
import { pageInput } from './page.js';
import type { ArticleInput } from '../types.js';
import { decodeContent } from './encoding.js';
import { looksBinary } from './sniff.js';

/** Where a page came from in a WARC file: enough to read it again (`reextract`). */
export interface WarcPlace {
  file: string;
  /** Offset of the record and its length, in the file's uncompressed bytes (a .warc.gz is read through). */
  offset: number;
  length: number;
}

export type WarcRecord = { where: string; input: ArticleInput } | { where: string; error: NewstraceError };

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;

/**
 * The HTML pages of a WARC file (`.warc` or `.warc.gz`), read as a stream:
 * each `response` record with an HTML payload and a 2xx status becomes an
 * article input, with the record's target URI as its url, its date as
 * `meta.fetched` and its place in the file as `meta.warc`. Other records
 * are passed over; a record too large, or a file that is corrupt or cut
 * short, gives an error naming the file and the record's offset, and the
 * records before it stand.
 */
export async function* readWarc(path: string): AsyncGenerator<WarcRecord> {
  let parser: WARCParser;
  let offset = 0;
  try {
    // zlib, not the WARC reader, opens .warc.gz: it reads every gzip member and fails on a cut-off one
    const gzip = path.toLowerCase().endsWith('.gz');
    const size = gzip ? null : (await stat(path)).size;
    const raw = createReadStream(path);
    parser = new WARCParser(clearOfLineEnds(gzip ? raw.pipe(createGunzip()) : raw));
    for (;;) {
      const record = await parser.parse();
      if (!record) break;
      offset = parser.offset;
      const where = `${path}@${offset}`;
      if (record.warcType !== 'response' || !record.httpHeaders) {
        await record.skipFully();
        continue;
      }
      const status = Number(record.httpHeaders.statusCode);
      const contentType = record.httpHeaders.headers.get('content-type');
      if (!(status >= 200 && status < 300) || !contentType || !HTML_TYPES.test(contentType)) {
        await record.skipFully();
        continue;
      }
      const url = record.warcTargetURI;
      if (!url) {
        await record.skipFully();
        yield { where, error: new NewstraceError('BAD_INPUT', 'response record without WARC-Target-URI', { where }) };
        continue;
      }
      if (record.warcContentLength > MAX_RECORD_BYTES) {
        await record.skipFully();
        yield { where, error: new NewstraceError('BAD_INPUT', `page larger than ${MAX_RECORD_BYTES / 1048576} MiB`, { where: `${where} ${url}` }) };
        continue;
      }
      if (size !== null && offset + record.warcContentLength > size) {
        // the reader hands out a record cut short as if whole, and may then wait forever for the rest
        yield { where, error: new NewstraceError('BAD_INPUT', 'truncated WARC: the last record is cut short', { where }) };
        return;
      }
      // readFully, not the content stream: after a partly read stream the reader can wait forever
      const raw = await record.readFully(false);
      let bytes: Uint8Array;
      try {
        // a payload that cannot be decoded spoils only its own record; a file that cannot be read ends the file
        bytes = await payloadOf(raw, record.httpHeaders.headers);
      } catch (cause) {
        yield { where, error: new NewstraceError('BAD_INPUT', (cause as Error).message, { where: `${where} ${url}`, cause }) };
        continue;
      }
      if (looksBinary(bytes)) {
        yield { where, error: new NewstraceError('BAD_INPUT', 'not HTML: binary data', { where: `${where} ${url}` }) };
        continue;
      }
      const place: WarcPlace = { file: resolve(path), offset, length: parser.recordLength };
      yield {
        where,
        input: pageInput(url, decodePage(bytes, contentType), { ...(record.warcDate ? { fetched: record.warcDate } : {}), warc: place }),
      };
    }
  } catch (cause) {
    const where = `${path}@${offset}`;
    yield { where, error: new NewstraceError('BAD_INPUT', `corrupt or truncated WARC: ${(cause as Error).message}`, { where, cause }) };
  }
}

const isLineEnd = (byte: number | undefined): boolean => byte === 13 || byte === 10;

/** The most bytes held back from the WARC reader for a cut clear of line ends. */
const MAX_HELD_BACK = 1024 * 1024;

/**
 * The bytes of `source` in pieces cut where no line end (CR or LF) is on
 * either side of the cut. The WARC reader (warcio 2.4) loses the record
 * after one whose block is cut from the next piece inside the line ends that
 * close it (a request record, a GET with no body, cut between its last two
 * line ends: one record in a few thousand of a crawl's): each cut is moved
 * back to the nearest place clear of line ends, the rest going with the
 * next piece. The last byte of a piece always goes with the next (the byte
 * after it is not known yet).
 */
async function* clearOfLineEnds(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let carry: Uint8Array | null = null;
  for await (const piece of source) {
    const bytes: Uint8Array = carry ? Buffer.concat([carry, piece]) : piece;
    let cut = bytes.length - 1;
    while (cut > 0 && (isLineEnd(bytes[cut - 1]) || isLineEnd(bytes[cut]))) cut--;
    // a file of nothing but line ends (no WARC) is cut anyway, so that what is held back stays small
    if (cut === 0 && bytes.length > MAX_HELD_BACK) cut = bytes.length - 1;
    if (cut > 0) yield bytes.subarray(0, cut);
    carry = bytes.subarray(cut);
  }
  if (carry && carry.length > 0) yield carry;
}

/**
 * A record's HTTP payload as the page's bytes: de-chunked and decompressed
 * here rather than by the WARC reader, so that decompression stops at the
 * size limit (a small record may expand without end).
 */
async function payloadOf(raw: Uint8Array, headers: { get(name: string): string | null | undefined }): Promise<Uint8Array> {
  let bytes = raw;
  if (headers.get('transfer-encoding')?.toLowerCase() === 'chunked') bytes = await new AsyncIterReader([bytes], null, true).readFully();
  return decodeContent(bytes, headers.get('content-encoding'), MAX_RECORD_BYTES);
}
