import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ingest, openStore, type NewstraceError } from '../src/index.js';
import { fetchAll, Fetcher } from '../src/fetch/index.js';
import { refusedAddress } from '../src/fetch/address.js';
import { aebHtml, aebPages, tempDir } from './_helpers.js';

const pages = aebPages;
const page = aebHtml(pages[0]!);

/** Requests the server saw: path, user agent, and when (ms). */
const seen: Array<{ path: string; agent: string; at: number }> = [];
let server: Server;
let origin = '';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>
<item><title>One</title><link>https://feed.example/one</link><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate>
<description>${'A summary of the first story, long enough to keep. '.repeat(3)}</description></item></channel></rss>`;

function handle(req: IncomingMessage, res: import('node:http').ServerResponse): void {
  const path = req.url ?? '/';
  seen.push({ path, agent: req.headers['user-agent'] ?? '', at: performance.now() });
  const html = (body: Buffer | string, headers: Record<string, string> = {}): void => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  };
  switch (path) {
    case '/robots.txt':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /private/\n\nUser-agent: newstrace\nDisallow: /private/\nDisallow: /no-newstrace\n');
      return;
    case '/article.html':
    case '/article-2.html':
      return html(gzipSync(page), { 'content-encoding': 'gzip' });
    case '/moved':
      res.writeHead(301, { location: '/article.html' });
      res.end();
      return;
    case '/loop':
      res.writeHead(302, { location: '/loop' });
      res.end();
      return;
    case '/bomb':
      return html(gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20)), { 'content-encoding': 'gzip' });
    case '/huge':
      return html(Buffer.alloc(3 * 1024 * 1024, 0x61));
    case '/slow':
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>');
      return; // never ends
    case '/delay/1':
    case '/delay/2':
    case '/delay/3':
      setTimeout(() => html(page), 300);
      return;
    case '/logo.png':
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
      return;
    case '/feed.xml':
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
      return;
    default:
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>Not found</body></html>');
  }
}

before(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const local = { allowPrivate: true, hostDelay: 0, timeout: 1, maxBytes: 1024 * 1024 };

test('fetch: addresses outside the public internet are refused', () => {
  for (const [address, range] of [
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['fd00::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
  ] as const) {
    assert.match(refusedAddress(address) ?? '', new RegExp(`a ${range} address`), address);
  }
  for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) assert.equal(refusedAddress(address), null, address);
});

test('fetch: a loopback host is refused by address and by name unless allowed, before any request', async () => {
  const count = seen.length;
  const fetcher = new Fetcher({ hostDelay: 0, timeout: 2 });
  await assert.rejects(fetcher.fetch(`${origin}/article.html`), /refused: 127\.0\.0\.1 is a loopback address/);
  const port = new URL(origin).port;
  await assert.rejects(fetcher.fetch(`http://localhost:${port}/article.html`), /refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address/);
  assert.equal(seen.length, count, 'no request reached the server');
  await assert.rejects(fetcher.fetch('file:///etc/passwd'), /only http and https URLs are fetched/);
});

test('fetch: ingest stores fetched pages and feeds; every failure names the URL and the reason, the rest goes on', async () => {
  const store = await openStore({ path: join(tempDir(), 'f.db') });
  const errors: NewstraceError[] = [];
  const paths = ['/article.html', '/moved', '/loop', '/bomb', '/huge', '/slow', '/logo.png', '/missing', '/private/a.html', '/no-newstrace', '/feed.xml'];
  const summary = await ingest(store, paths.map((p) => origin + p), { fetch: local, onError: (e) => errors.push(e) });
  const reasons = new Map(errors.map((e) => [new URL(e.where ?? '').pathname, e.message]));
  assert.deepEqual(
    Object.fromEntries(reasons),
    {
      '/loop': 'more than 5 redirects',
      '/bomb': 'larger than 1 MiB once decompressed',
      '/huge': 'cannot fetch: larger than 1 MiB',
      '/slow': 'no complete answer within 1 s',
      '/logo.png': 'not HTML: binary data (image/png)',
      '/missing': 'HTTP status 404',
      '/private/a.html': `disallowed by ${origin}/robots.txt`,
      '/no-newstrace': `disallowed by ${origin}/robots.txt`,
    },
  );
  // /article.html and /moved are one article, stored under the URL it came from
  assert.equal(summary.added, 2);
  const article = await store.getByUrl(`${origin}/article.html`);
  assert.ok(article);
  assert.match(article.text, /When you live in a state as beautiful as Colorado/);
  assert.match(String(article.meta['fetched']), /^\d{4}-\d\d-\d\dT/);
  const item = await store.getByUrl('https://feed.example/one');
  assert.equal(item?.published, '2024-05-01T10:00:00Z');
  assert.equal(seen.filter((s) => s.path === '/robots.txt').length, 1, 'robots.txt is read once per host');
  assert.ok(seen.every((s) => s.agent.startsWith('newstrace/')), 'every request names newstrace');
  await store.close();
});

test("fetch: requests to one host are spaced by the host delay, and a robots.txt that cannot be read allows nothing", async () => {
  const fetcher = new Fetcher({ ...local, hostDelay: 0.3 });
  const start = seen.length;
  await Promise.all([fetcher.fetch(`${origin}/article.html`), fetcher.fetch(`${origin}/article-2.html`)]);
  const times = seen.slice(start).map((s) => s.at);
  for (let k = 1; k < times.length; k++) assert.ok(times[k]! - times[k - 1]! >= 280, `requests ${k - 1} and ${k} were ${Math.round(times[k]! - times[k - 1]!)} ms apart`);

  const failing = createServer((req, res) => {
    res.writeHead(req.url === '/robots.txt' ? 503 : 200, { 'content-type': 'text/html' });
    res.end('<html><body><p>page</p></body></html>');
  });
  await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
  const other = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
  await assert.rejects(new Fetcher(local).fetch(`${other}/a`), /robots\.txt unreachable \(HTTP status 503\): not fetching from/);
  failing.closeAllConnections();
  failing.close();
});

test('fetch: `extract URL` prints the fetched article; `trace URL` traces a stored article without fetching, and fetches one not stored', async () => {
  const cli = ['--import', 'tsx', 'src/cli/main.ts'];
  const run = promisify(execFile);
  const extracted = await run('node', [...cli, 'extract', `${origin}/moved`, '--json', '--allow-private', '--host-delay', '0'], { encoding: 'utf8' });
  const shown = JSON.parse(extracted.stdout) as { url: string; source: string; text: string };
  assert.equal(shown.url, `${origin}/article.html`);
  assert.equal(shown.source, `${origin}/moved`);
  assert.match(shown.text, /When you live in a state as beautiful as Colorado/);
  await assert.rejects(run('node', [...cli, 'extract', `${origin}/article.html`], { encoding: 'utf8' }), /refused: 127\.0\.0\.1 is a loopback address/);

  const db = join(tempDir(), 't.db');
  await run('node', [...cli, 'ingest', '--db', db, '--allow-private', '--host-delay', '0', `${origin}/article.html`], { encoding: 'utf8' });
  const count = seen.length;
  const stored = await run('node', [...cli, 'trace', '--db', db, '--json', `${origin}/article.html`], { encoding: 'utf8' });
  assert.equal((JSON.parse(stored.stdout) as { url: string }).url, `${origin}/article.html`);
  assert.equal(seen.length, count, 'a stored article is not fetched');
  // the same page on another site (host name) is a copy of the stored one
  const copy = `http://localhost:${new URL(origin).port}/article-2.html`;
  const fetched = await run('node', [...cli, 'trace', '--db', db, '--json', '--allow-private', '--host-delay', '0', copy], { encoding: 'utf8' });
  const traced = JSON.parse(fetched.stdout) as { url: string; related: Array<{ url: string; coverage: number }> };
  assert.equal(traced.url, copy);
  // both declare the same day: related, with no saying which came first
  assert.equal(traced.related[0]?.url, `${origin}/article.html`);
  assert.equal(traced.related[0]?.coverage, 1);
});

test('fetch: a slow host does not hold up the others: each slot takes a host nobody is fetching from', async () => {
  const other = `http://localhost:${new URL(origin).port}/article.html`;
  const urls = [`${origin}/delay/1`, `${origin}/delay/2`, `${origin}/delay/3`, other];
  const order: string[] = [];
  for await (const page of fetchAll(new Fetcher({ ...local, concurrency: 2 }), urls)) order.push('url' in page ? page.requested : String(page.message));
  assert.equal(order[0], other, `order: ${order.join(', ')}`);
  assert.deepEqual([...order].sort(), [...urls].sort());
});
