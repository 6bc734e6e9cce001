import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULTS } from '../src/defaults.js';
import { indexArticle, toArticle } from '../src/ingest/prepare.js';
import { openStore, traceAll, traceUrl } from '../src/index.js';
import { bodies, checkIndex, spinEvery, tempDir } from './_helpers.js';

const article = (url: string, text: string, published: string) =>
  indexArticle(toArticle({ url, text, published }, '2024-06-01T00:00:00Z', url), DEFAULTS.fingerprint);

describe('SQLite store', () => {
  it("counts a site's repeated lines across the small table of fresh lines and the large one, and forgets a replaced article's", async () => {
    const path = join(tempDir(), 'l.db');
    const footer = 'The Daily Example is published by Example Media Group in Springfield since 1901.';
    const text = (k: number, withFooter = true): string =>
      `${(bodies[k + 3]?.articleBody ?? '').split(/\n\s*\n/).slice(0, 3).join('\n\n')}${withFooter ? `\n\n${footer}` : ''}`;
    const url = (k: number): string => `https://daily.example/${k}`;
    // six line hashes move the fresh lines over: the first two articles' lines end in the large table, the third's stay fresh
    const store = await openStore({ path, freshLines: 6 });
    await store.put([0, 1].map((k) => article(url(k), text(k), `2024-03-0${k + 1}`)));
    await store.put([article(url(2), text(2), '2024-03-03')]);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path, { readonly: true });
    const rows = (table: string): number => raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    assert.ok(rows('lines') >= 8 && rows('lines_fresh') >= 4 && rows('lines_fresh') < 6, `${rows('lines')} + ${rows('lines_fresh')}`);
    raw.close();
    // three articles of the site end with the footer: a template line, found one by one and in the pass of traceAll
    assert.deepEqual((await traceUrl(store, url(1))).boilerplate.map((b) => b.text), [footer]);
    const all = [];
    for await (const t of traceAll(store)) all.push(t);
    assert.deepEqual(all.map((t) => t.boilerplate.map((b) => b.text)), [[footer], [footer], [footer]]);
    // the fresh article rewritten without the footer: two articles hold it, no longer a template
    await store.put([article(url(2), text(2, false), '2024-03-03')]);
    assert.deepEqual((await traceUrl(store, url(1))).boilerplate, []);
    await store.close();
  });

  it('finds articles by url in both tables of the url index, and replaces them in either', async () => {
    const path = join(tempDir(), 'u.db');
    // three urls move the fresh ones over: the first batch ends in the large table, the second stays fresh
    const store = await openStore({ path, freshUrls: 3 });
    const url = (k: number): string => `https://wire.example/story-${k}`;
    const text = (k: number, edit = ''): string => `${(bodies[k]?.articleBody ?? '').split(/\n\s*\n/).slice(0, 2).join('\n\n')}${edit}`;
    await store.put([0, 1, 2].map((k) => article(url(k), text(k), '2024-05-01')));
    await store.put([3, 4].map((k) => article(url(k), text(k), '2024-05-02')));
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path, { readonly: true });
    const rows = (table: string): number => raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    assert.deepEqual([rows('urls'), rows('urls_fresh')], [3, 2]);
    for (let k = 0; k < 5; k++) assert.equal((await store.getByUrl(url(k)))?.text, text(k), url(k));
    assert.equal(await store.getByUrl('https://wire.example/story-5'), null);
    // replaced: one whose url sits in the large table, one in the small
    const outcomes = await store.put([article(url(1), text(1, '\n\nCorrection appended.'), '2024-05-01'), article(url(4), text(4, '\n\nUpdated.'), '2024-05-02')]);
    assert.deepEqual(outcomes, ['replaced', 'replaced']);
    assert.equal((await store.getByUrl(url(1)))?.text, text(1, '\n\nCorrection appended.'));
    assert.equal((await store.getByUrl(url(4)))?.text, text(4, '\n\nUpdated.'));
    assert.equal(rows('urls') + rows('urls_fresh'), 5, 'one row a url: the replaced ones gone');
    assert.equal(await store.count(), rows('articles'));
    assert.deepEqual(await store.put([article(url(1), text(1, '\n\nCorrection appended.'), '2024-05-01')]), ['unchanged']);
    raw.close();
    await store.close();
  });

  it('spreads postings over runs and reads them back in id order, capped', async () => {
    const dir = tempDir();
    const path = join(dir, 's.db');
    // a run every article, eight runs merged into one: ids 1–8 in a merged run, 9 and 10 in runs of their own
    const store = await openStore({ path, freshArticles: 1 });
    const a = bodies[0]!.articleBody;
    // Ten articles: the origin and copies of it, in two batches.
    const batch = [article('https://origin.example/', a, '2024-01-01')];
    for (let k = 1; k < 10; k++) batch.push(article(`https://copy${k}.example/`, `${spinEvery(a, 5 + k)}\n\nLine ${k}.`, `2024-01-0${k + 1 > 9 ? 9 : k + 1}T0${k % 10}:00Z`));
    await store.put(batch.slice(0, 4));
    await store.put(batch.slice(4));
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(path, { readonly: true });
    const state = JSON.parse(raw.prepare("SELECT value FROM settings WHERE key = 'postings-runs'").pluck().get() as string) as { runs: Array<{ first: number; last: number; tier: number }> };
    raw.close();
    assert.deepEqual(state.runs.map((r) => [r.first, r.last, r.tier]), [[0, 8, 1], [8, 9, 0], [9, 10, 0]]);
    const features = batch[0]!.features;
    const all = await store.postings(features, 100);
    const holders = new Set<number>();
    for (const ids of all.values()) {
      assert.deepEqual(ids, [...ids].sort((x, y) => x - y));
      for (const id of ids) holders.add(id);
    }
    assert.deepEqual([...holders].sort((x, y) => x - y), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const capped = await store.postings(features, 2);
    for (const ids of capped.values()) assert.ok(ids.length <= 2 && ids.every((id, k) => k === 0 || id > ids[k - 1]!));
    // Copies in the last run still find their origin in the first.
    const t = await traceUrl(store, 'https://copy9.example/');
    assert.equal(t.verdict, 'copy');
    assert.ok(t.sources.some((s) => s.url === 'https://origin.example/'));
    await store.close();
    // An article replaced after its postings went into a run leaves them: they are no longer found.
    const again = await openStore({ path });
    await again.put([article('https://copy9.example/', bodies[1]!.articleBody, '2024-02-01')]);
    const origin = await traceUrl(again, 'https://origin.example/');
    assert.ok(!origin.related.some((r) => r.url === 'https://copy9.example/'));
    assert.ok(origin.related.some((r) => r.url === 'https://copy8.example/'));
    await checkIndex(again);
    await again.close();
  });

  it('finds the features more than one article holds, with their lists or, past the budget, as a filter', async () => {
    const dir = tempDir();
    // a run every 2 articles, eight merged into one: ids 1–16 in a merged run, 17–18 in a run, 19 not yet in one
    const store = await openStore({ path: join(dir, 's.db'), freshArticles: 2 });
    const a = bodies[0]!.articleBody;
    const batch = [article('https://origin.example/', a, '2024-01-01'), article('https://other.example/', bodies[1]!.articleBody, '2024-01-01')];
    for (let k = 1; k < 18; k++) batch.push(article(`https://copy${k}.example/`, spinEvery(a, 3 + (k % 9)), `2024-01-${String(k).padStart(2, '0')}`));
    await store.put(batch.slice(0, 6));
    await store.put(batch.slice(6));
    const lists = await store.sharedPostings(32);
    const filter = await store.sharedPostings(32, 10);
    assert.ok(lists.lists && !lists.filter, 'lists within the budget');
    assert.ok(filter.filter && !filter.lists, 'a filter past it');
    let shared = 0;
    let single = 0;
    let passed = 0;
    let spanning = 0;
    for (const { features } of batch) {
      const postings = await store.postings(features, 32);
      for (const feature of features) {
        const ids = postings.get(feature)!;
        if (ids.length > 1) {
          shared++;
          assert.deepEqual(Array.from(lists.list(feature) ?? []), ids);
          if (ids[0]! <= 16 && ids[ids.length - 1]! >= 17) spanning++;
          assert.ok(filter.has(feature));
        } else {
          single++;
          assert.equal(lists.list(feature), undefined);
          if (filter.has(feature)) passed++;
        }
      }
    }
    // the articles sit in a merged run, a run and the fresh ones, and lists span them
    assert.ok(shared > 100 && single > 20 && spanning > 100, `${shared} shared (${spanning} across runs), ${single} single`);
    assert.ok(passed < single * 0.05, `filter passed ${passed} of ${single} unshared features`);
    await store.close();
  });

  it('upgrades a database of schema 1 (a row per posting) when opened for writing, and asks for that when opened read-only', async () => {
    const dir = tempDir();
    const path = join(dir, 'old.db');
    const store = await openStore({ path, freshArticles: 2 });
    const a = bodies[0]!.articleBody;
    await store.put([article('https://origin.example/', a, '2024-01-01'), ...[1, 2, 3].map((k) => article(`https://copy${k}.example/`, spinEvery(a, 4 + k), `2024-01-0${k + 1}`))]);
    await store.close();
    // the same articles as schema 1 kept them: postings in segment tables, no runs
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path);
    db.exec(`DROP TABLE postings_runs; DROP TABLE postings_filters; DROP TABLE dead; DELETE FROM settings WHERE key = 'postings-runs';
      DROP TABLE urls; DROP TABLE urls_fresh; DELETE FROM settings WHERE key = 'urls-rows';
      CREATE TABLE postings_0 (feature INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (feature, article)) WITHOUT ROWID;
      INSERT INTO settings (key, value) VALUES ('postings-merged-through', '4'), ('segment-articles', '262144');
      PRAGMA user_version = 1;`);
    db.close();
    await assert.rejects(openStore({ path, readonly: true }), (error: Error & { describe?: () => string }) => {
      assert.match(error.describe?.() ?? '', /old\.db: the database was written by an older newstrace: open it once for writing/);
      return true;
    });
    const upgraded = await openStore({ path, freshArticles: 2 });
    await checkIndex(upgraded);
    const copy = await traceUrl(upgraded, 'https://copy3.example/');
    assert.ok(copy.sources.some((s) => s.url === 'https://origin.example/'));
    await upgraded.close();
    const check = new Database(path, { readonly: true });
    assert.deepEqual(check.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'postings_%' ORDER BY name").pluck().all(), ['postings_filters', 'postings_runs']);
    assert.equal(check.pragma('user_version', { simple: true }), 6);
    assert.equal(check.prepare('SELECT count(*) FROM urls').pluck().get(), 4, "the url index was filled from the articles' urls");
    assert.equal(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'pages'").pluck().get(), 1, 'the pages table was added');
    assert.equal(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'attributions'").pluck().get(), 1, 'the attributions table was added');
    // its runs were written from the stored features, not left to the fresh articles
    assert.ok((check.prepare('SELECT count(*) FROM postings_runs').pluck().get() as number) > 0);
    check.close();
  });

  it('refuses a file that is not a database, naming it', async () => {
    const dir = tempDir();
    const path = join(dir, 'not.db');
    (await import('node:fs')).writeFileSync(path, 'this is not a database, just text '.repeat(200));
    await assert.rejects(openStore({ path }), (error: Error & { describe?: () => string }) => {
      assert.match(error.describe?.() ?? '', /not\.db: (not a newstrace database|cannot open)/);
      return true;
    });
  });
});
