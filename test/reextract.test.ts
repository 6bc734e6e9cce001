import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { WARCRecord, WARCSerializer } from 'warcio';
import { ingest, openStore, reextract, traceArticle, type NewstraceError } from '../src/index.js';
import { aebHtml, aebPages, tempDir } from './_helpers.js';

const pages = aebPages;
const html = aebHtml;

/** A store with three articles from pages (an HTML file, a WARC record, a JSON Lines record with "html") and one from text. */
async function storeOfPages(dir: string) {
  const htmlPath = join(dir, 'page.html');
  writeFileSync(htmlPath, html(pages[0]!));
  const warcPath = join(dir, 'crawl.warc');
  const record = WARCRecord.create(
    { url: pages[1]!.url, date: '2024-05-01T10:00:00Z', type: 'response', warcVersion: 'WARC/1.1', httpHeaders: { 'Content-Type': 'text/html' } },
    [html(pages[1]!)],
  );
  writeFileSync(warcPath, await WARCSerializer.serialize(record, { gzip: false }));
  const jsonlPath = join(dir, 'records.jsonl');
  const lines = [
    { url: pages[2]!.url, html: html(pages[2]!).toString('utf8'), title: 'A title given with the page' },
    { url: 'https://text.example/a', text: 'An article given as text, with no page to extract again. '.repeat(5) },
  ];
  writeFileSync(jsonlPath, lines.map((l) => JSON.stringify(l)).join('\n'));
  const db = join(dir, 'r.db');
  const store = await openStore({ path: db });
  const summary = await ingest(store, [htmlPath, warcPath, jsonlPath]);
  assert.equal(summary.added, 4);
  const urls = [pathToFileURL(htmlPath).href, pages[1]!.url, pages[2]!.url];
  return { store, db, urls, warcPath };
}

/** Makes the stored text of articles what an older, worse extractor gave: a menu line and one paragraph. */
function age(db: string, urls: string[]): void {
  const sqlite = new Database(db);
  for (const url of urls) {
    sqlite.prepare("UPDATE articles SET text = 'Home | News | Sport | Contact' || char(10) || char(10) || substr(text, 1, 200), content_hash = 'old' WHERE url = ?").run(url);
  }
  sqlite.close();
}

test('reextract: stored pages are extracted again, changed articles re-indexed with their first-seen time and given fields kept; text articles are left alone', async () => {
  const dir = tempDir();
  const { store, db, urls } = await storeOfPages(dir);
  const before = await Promise.all(urls.map((u) => store.getByUrl(u)));
  await store.close();
  age(db, urls);

  const reopened = await openStore({ path: db });
  const stale = await reopened.getByUrl(urls[0]!);
  assert.match(stale!.text, /^Home \| News/);
  const summary = await reextract(reopened);
  assert.deepEqual({ replaced: summary.replaced, unchanged: summary.unchanged, failed: summary.failed }, { replaced: 3, unchanged: 0, failed: 0 });
  for (const [k, url] of urls.entries()) {
    const article = await reopened.getByUrl(url);
    assert.ok(article);
    assert.equal(article.text, before[k]!.text);
    assert.equal(article.firstSeen, before[k]!.firstSeen);
    assert.equal(article.meta['warc'] !== undefined, k === 1, 'the WARC page keeps its place');
  }
  assert.equal((await reopened.getByUrl(urls[2]!))!.title, 'A title given with the page');
  assert.equal(await reopened.count(), 4);

  // the index follows the new text: a copy of the page's body is traced to it
  const body = pages[1]!.articleBody;
  const copy = { url: 'https://copier.example/x', site: 'copier.example', title: null, published: null, author: null, language: null, text: body, firstSeen: new Date().toISOString(), meta: {} };
  const trace = await traceArticle(reopened, copy);
  assert.equal(trace.sources[0]?.url ?? trace.related[0]?.url, urls[1]);

  const again = await reextract(reopened);
  assert.deepEqual({ replaced: again.replaced, unchanged: again.unchanged }, { replaced: 0, unchanged: 3 });
  await reopened.close();
});

test('reextract: a page whose WARC file is gone is reported by url and its article kept; the command prints a summary', async () => {
  const dir = tempDir();
  const { store, db, urls, warcPath } = await storeOfPages(dir);
  await store.close();
  age(db, urls);
  renameSync(warcPath, `${warcPath}.moved`);
  const reopened = await openStore({ path: db });
  const errors: NewstraceError[] = [];
  const summary = await reextract(reopened, { onError: (e) => errors.push(e) });
  assert.equal(summary.replaced, 2);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.describe(), `${pages[1]!.url}: its WARC file is gone: ${warcPath}`);
  assert.match((await reopened.getByUrl(urls[1]!))!.text, /^Home \| News/, 'kept as it was');
  await reopened.close();

  renameSync(`${warcPath}.moved`, warcPath);
  const cli = spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', 'reextract', '--db', db], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /^re-extracted 3 articles \(0 added, 1 replaced, 2 unchanged\), 0 failed/);
});
