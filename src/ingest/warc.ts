import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createGunzip } from 'node:zlib';
import { WARCParser } from 'warcio';
import { MAX_RECORD_BYTES } from '../defaults.js';
import { NewstraceError } from '../errors.js';
import { decodePage } from '../extract/charset.js';
import type { ArticleInput } from '../types.js';
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
    parser = new WARCParser(gzip ? raw.pipe(createGunzip()) : raw);
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
      const bytes = await record.readFully(true);
      if (looksBinary(bytes)) {
        yield { where, error: new NewstraceError('BAD_INPUT', 'not HTML: binary data', { where: `${where} ${url}` }) };
        continue;
      }
      const place: WarcPlace = { file: resolve(path), offset, length: parser.recordLength };
      yield {
        where,
        input: {
          url,
          html: decodePage(bytes, contentType).text,
          meta: { ...(record.warcDate ? { fetched: record.warcDate } : {}), warc: place },
        },
      };
    }
  } catch (cause) {
    const where = `${path}@${offset}`;
    yield { where, error: new NewstraceError('BAD_INPUT', `corrupt or truncated WARC: ${(cause as Error).message}`, { where, cause }) };
  }
}
