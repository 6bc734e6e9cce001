import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { WARCRecord, WARCSerializer } from 'warcio';
import { ingest, openStore, type NewstraceError } from '../src/index.js';
import { readWarc } from '../src/ingest/warc.js';
import { aebHtml, aebPages, tempDir } from './_helpers.js';

const pages = aebPages;
const html = aebHtml;

/** A WARC file written by warcio, the reference WARC library: two pages among records that are not pages. */
async function warcFile(gzip: boolean): Promise<Buffer> {
  const response = (url: string, type: string, body: Uint8Array, status = '200 OK'): WARCRecord =>
    WARCRecord.create(
      { url, date: '2024-05-01T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': type }, statusline: `HTTP/1.1 ${status}` },
      [body],
    );
  const records = [
    WARCRecord.createWARCInfo({ filename: 'test.warc', warcVersion: 'WARC/1.1' }, { software: 'warcio' }),
    WARCRecord.create({ url: pages[0]!.url, type: 'request', warcVersion: 'WARC/1.1', statusline: 'GET / HTTP/1.1' }, [new Uint8Array()]),
    response(pages[0]!.url, 'text/html; charset=utf-8', html(pages[0]!)),
    response('https://site.example/logo.png', 'image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
    response('https://site.example/missing', 'text/html', Buffer.from('<html><body>Not found</body></html>'), '404 Not Found'),
    response(pages[1]!.url, 'text/html', html(pages[1]!)),
  ];
  const parts: Uint8Array[] = [];
  for (const r of records) parts.push(await WARCSerializer.serialize(r, { gzip }));
  return Buffer.concat(parts);
}

async function ingestWarc(path: string) {
  const store = await openStore({ path: join(tempDir(), 'w.db') });
  const errors: NewstraceError[] = [];
  const summary = await ingest(store, [path], { onError: (e) => errors.push(e) });
  return { store, summary, errors };
}

for (const gzip of [false, true]) {
  test(`warc: every HTML response of a ${gzip ? '.warc.gz' : '.warc'} file becomes an article with its url, fetch date and place`, async () => {
    const dir = tempDir();
    const path = join(dir, gzip ? 'crawl.warc.gz' : 'crawl.warc');
    writeFileSync(path, await warcFile(gzip));
    const { store, summary, errors } = await ingestWarc(path);
    assert.deepEqual(errors, []);
    assert.equal(summary.added, 2);
    const first = await store.getByUrl(pages[0]!.url);
    assert.ok(first);
    assert.equal(first.meta['fetched'], '2024-05-01T10:00:00Z');
    const place = first.meta['warc'] as { file: string; offset: number; length: number };
    assert.equal(place.file, path);
    assert.ok(place.length > 0);
    assert.match(first.text, /When you live in a state as beautiful as Colorado/);
    await store.close();
  });
}

for (const gzip of [false, true]) {
  test(`warc: a ${gzip ? '.warc.gz' : '.warc'} file cut short keeps the pages before the cut and names the file and the reason, in bounded time`, async () => {
    const dir = tempDir();
    const whole = await warcFile(gzip);
    const path = join(dir, gzip ? 'cut.warc.gz' : 'cut.warc');
    writeFileSync(path, whole.subarray(0, whole.length - 2000));
    const { store, summary, errors } = await ingestWarc(path);
    assert.equal(summary.added, 1);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.describe(), gzip ? /cut\.warc\.gz@\d+: corrupt or truncated WARC: unexpected end of file/ : /cut\.warc@\d+: truncated WARC/);
    await store.close();
  });
}

test('warc: a compressed, chunked payload is decoded; one that expands past the size limit (a gzip bomb) is refused alone, in bounded memory', async () => {
  const { gzipSync } = await import('node:zlib');
  const page = html(pages[0]!);
  const compressed = gzipSync(page);
  // HTTP/1.1 chunked framing of the gzip body, as a crawler records it
  const half = Math.floor(compressed.length / 2);
  const chunk = (b: Buffer): Buffer => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
  const chunked = Buffer.concat([chunk(compressed.subarray(0, half)), chunk(compressed.subarray(half)), Buffer.from('0\r\n\r\n')]);
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 });
  assert.ok(bomb.length < 200_000);
  const record = (url: string, body: Uint8Array, headers: Record<string, string>): WARCRecord =>
    WARCRecord.create(
      { url, date: '2024-05-01T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html', ...headers } },
      [body],
    );
  const parts: Uint8Array[] = [];
  for (const r of [
    record('https://bomb.example/a', bomb, { 'Content-Encoding': 'gzip' }),
    record(pages[0]!.url, chunked, { 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' }),
  ]) {
    parts.push(await WARCSerializer.serialize(r, { gzip: false }));
  }
  const path = join(tempDir(), 'encoded.warc');
  writeFileSync(path, Buffer.concat(parts));
  const before = process.memoryUsage().rss;
  const { store, summary, errors } = await ingestWarc(path);
  assert.ok(process.memoryUsage().rss - before < 48 * 1024 * 1024, 'the bomb was not expanded whole');
  assert.equal(summary.added, 1);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.describe(), /encoded\.warc@0 https:\/\/bomb\.example\/a: larger than 16 MiB once decompressed/);
  const stored = await store.getByUrl(pages[0]!.url);
  assert.match(stored!.text, /When you live in a state as beautiful as Colorado/);
  await store.close();
});

test('warc: no page is lost where the file is read in pieces cut inside the line ends that close a request record', async () => {
  // A GET request record (no body) and the response after it, placed so that the file's first piece (64 KiB, as it is
  // read) ends a few bytes either side of the request record's end: the WARC reader alone lost the response for two of these.
  const piece = 64 * 1024;
  const serialize = (r: WARCRecord): Promise<Uint8Array> => WARCSerializer.serialize(r, { gzip: false });
  const request = await serialize(WARCRecord.create({ url: pages[0]!.url, type: 'request', warcVersion: 'WARC/1.1', statusline: 'GET /a HTTP/1.1' }, [new Uint8Array()]));
  const response = await serialize(
    WARCRecord.create({ url: pages[0]!.url, date: '2024-05-01T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html' } }, [html(pages[0]!)]),
  );
  const padding = (size: number): Promise<Uint8Array> =>
    serialize(WARCRecord.create({ url: 'urn:padding', type: 'resource', warcVersion: 'WARC/1.1', warcHeaders: { 'Content-Type': 'text/plain' } }, [new Uint8Array(size).fill(0x61)]));
  for (let offset = -2; offset <= 4; offset++) {
    // the request record's last line ends (the four bytes closing a record) start `offset` bytes before the piece ends
    const end = piece - offset;
    let size = end - request.length;
    let pad = await padding(size);
    size -= pad.length + request.length - 4 - end;
    pad = await padding(size);
    assert.equal(pad.length + request.length - 4, end);
    const path = join(tempDir(), `cut-${offset + 2}.warc`);
    writeFileSync(path, Buffer.concat([pad, request, response]));
    const read = [];
    for await (const record of readWarc(path)) read.push(record);
    assert.deepEqual(
      read.map((r) => ('input' in r ? r.input.url : r.error.message)),
      [pages[0]!.url],
      `the response after a request record whose closing line ends start ${offset} bytes before the first piece ends`,
    );
  }
});
