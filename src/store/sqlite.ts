import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { DEFAULTS, type FingerprintParams } from '../defaults.js';
import { NewstraceError } from '../errors.js';
import { SharedPostings } from '../fingerprint/shared.js';
import { hashString } from '../text/hash.js';
import type { StoredArticle } from '../types.js';
import type { ArticleHead, IndexedArticle, PutOutcome, Store, StoredAttribution, StoredPage } from './types.js';
import { PairIndex, pairTables } from './_pairs.js';
import { PostingRuns, RUNS_SCHEMA, type RunFilterBits } from './_runs.js';

/**
 * 2: postings in sorted runs (1 had them a row each, in segments); 3: pages;
 * 4: attributions; 5: a table of fresh lines; 6: urls indexed by a hash, in
 * two tables (a database created before keeps its unique index on `url` too).
 */
const SCHEMA_VERSION = 6;

/** Postings that tracing everything keeps in memory (4 bytes each); past this it looks them up. */
const SHARED_POSTINGS_BUDGET = 2 ** 25;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL,
  site TEXT NOT NULL,
  title TEXT,
  published TEXT,
  author TEXT,
  language TEXT,
  first_seen TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  meta TEXT NOT NULL,
  text TEXT NOT NULL,
  features BLOB NOT NULL,
  lines BLOB NOT NULL
);
${pairTables('lines', 'line', 'article')}
${pairTables('urls', 'hash', 'id')}
CREATE TABLE IF NOT EXISTS pages (article INTEGER PRIMARY KEY, page BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS attributions (article INTEGER PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL);
${RUNS_SCHEMA}`;

export interface SqliteStoreOptions {
  /** Database file; created when missing. */
  path: string;
  /** Open without writing (for parallel readers). */
  readonly?: boolean;
  /** Fingerprint parameters for a new store; an existing store keeps its own. */
  fingerprint?: FingerprintParams;
  /** Page cache in MiB. */
  cacheMiB?: number;
  /** Articles whose postings wait, unindexed, before they are written as a run (tests use few). */
  freshArticles?: number;
  /** Rows the small tables of lines and of urls take before they move to the large ones (tests use few; by default it grows with the store). */
  freshLines?: number;
  freshUrls?: number;
  /** Postings that tracing everything may hold in memory; past it, a Bloom filter and lookups. */
  sharedPostingsBudget?: number;
  /**
   * The runs' Bloom filters for lookups: loaded when first needed (true, the
   * default), not used (false: saves 10 bits a feature), or as another
   * store lent them (`sharedPostings` on another thread).
   */
  runFilters?: boolean | RunFilterBits;
}

interface ArticleRow {
  id: number;
  url: string;
  site: string;
  title: string | null;
  published: string | null;
  author: string | null;
  language: string | null;
  first_seen: string;
  meta: string;
  text: string;
}

export function createSqliteStore(options: SqliteStoreOptions): Store {
  let db: Db;
  try {
    db = new Database(options.path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (cause) {
    throw new NewstraceError('STORE', `cannot open the database: ${(cause as Error).message}`, { where: options.path, cause });
  }
  try {
    return new SqliteStore(db, options);
  } catch (cause) {
    db.close();
    if (cause instanceof NewstraceError) throw cause;
    throw new NewstraceError('STORE', `not a newstrace database: ${(cause as Error).message}`, { where: options.path, cause });
  }
}

/** Brings a database of an earlier schema (or none) to this one, creating what is missing (its runs are written once the index opens). */
function upgrade(db: Db, version: number): void {
  if (version === 1) {
    // schema 1 kept a row per posting, in segment tables and a fresh table
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'postings%'").pluck().all() as string[];
    for (const table of tables) db.exec(`DROP TABLE ${table}`);
    db.exec("DELETE FROM settings WHERE key IN ('postings-merged-through', 'segment-articles')");
  }
  db.exec(SCHEMA);
  if (version >= 1 && version < 6) {
    // the urls of the articles stored before, in key order
    db.function('newstrace_url_key', { deterministic: true }, (url) => urlKey(String(url)));
    db.exec('INSERT OR IGNORE INTO urls (hash, id) SELECT newstrace_url_key(url) AS k, id FROM articles ORDER BY k, id');
  }
  if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/**
 * A url's key in the url index: 52 bits from two independent hashes (urls
 * sharing a key are told apart by the url itself). Random keys, hence the
 * index's two tables.
 */
export function urlKey(url: string): number {
  let h = 0x9e3779b9;
  for (let i = 0; i < url.length; i++) {
    h = Math.imul(h ^ url.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (hashString(url) & 0xfffff) * 2 ** 32 + (h >>> 0);
}

/** Articles whose url has the key `@key`, found in both tables of the url index. */
const BY_URL = '(SELECT id FROM urls WHERE hash = @key UNION ALL SELECT id FROM urls_fresh WHERE hash = @key)';

function toBlob(array: Uint32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function fromBlob(blob: Buffer): Uint32Array {
  const copy = new Uint32Array(blob.byteLength >> 2);
  Buffer.from(copy.buffer).set(blob);
  return copy;
}

function rowToArticle(row: ArticleRow): StoredArticle {
  return {
    id: row.id,
    url: row.url,
    site: row.site,
    title: row.title,
    published: row.published,
    author: row.author,
    language: row.language,
    firstSeen: row.first_seen,
    meta: JSON.parse(row.meta) as Record<string, unknown>,
    text: row.text,
  };
}

/** Rows in the order of `ids`, each once. */
function inOrder<T extends { id: number }>(ids: number[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const out: T[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) out.push(row);
  }
  return out;
}

const ARTICLE_COLUMNS = 'id, url, site, title, published, author, language, first_seen, meta, text';

class SqliteStore implements Store {
  readonly location: string;
  readonly parallel: boolean;
  readonly fingerprint: FingerprintParams;
  private readonly db: Db;
  private readonly statements: Record<string, Statement>;
  private readonly index: PostingRuns;
  private readonly sharedBudget: number;
  /** The writer's indexes of site lines and of urls (null when read-only). */
  private lines: PairIndex | null = null;
  private urls: PairIndex | null = null;

  constructor(db: Db, options: SqliteStoreOptions) {
    this.db = db;
    this.location = options.path;
    this.parallel = options.path !== ':memory:' && options.path !== '';
    db.pragma('busy_timeout = 10000');
    if (!options.readonly) {
      // Large pages suit the postings B-tree (measured: ingest 1.25× faster than 4 KiB);
      // settable only before the first table exists.
      if ((db.pragma('page_count', { simple: true }) as number) === 0) db.pragma('page_size = 16384');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // Checkpoint every 64 MiB of WAL rather than 4 MiB: fewer, larger copies back.
      db.pragma('wal_autocheckpoint = 4096');
    }
    db.pragma(`cache_size = -${(options.cacheMiB ?? (options.readonly ? 64 : 128)) * 1024}`);
    db.pragma('temp_store = MEMORY');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new NewstraceError('STORE', `database schema ${version} is newer than this newstrace (${SCHEMA_VERSION})`, {
        where: options.path,
      });
    }
    if (options.readonly && version > 0 && version < SCHEMA_VERSION) {
      throw new NewstraceError('STORE', 'the database was written by an older newstrace: open it once for writing (newstrace ingest or trace) to upgrade it', {
        where: options.path,
      });
    }
    if (!options.readonly) db.transaction(() => upgrade(db, version))();
    this.fingerprint = this.loadFingerprint(options);
    this.sharedBudget = options.sharedPostingsBudget ?? SHARED_POSTINGS_BUDGET;
    this.index = new PostingRuns(db, !options.readonly, options.freshArticles, options.runFilters ?? true);
    // a database upgraded from schema 1 has its articles, not yet their runs
    if (!options.readonly && version === 1) db.transaction(() => this.index.index())();
    this.statements = {
      byUrl: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN ${BY_URL} AND url = @url`),
      features: db.prepare('SELECT id, features FROM articles WHERE id IN (SELECT value FROM json_each(?))').raw(),
      many: db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`),
      manyHeads: db.prepare('SELECT id, url, site, published FROM articles WHERE id IN (SELECT value FROM json_each(?))'),
      lineCounts: db
        .prepare(
          `SELECT json_group_array((SELECT count(*) FROM (SELECT 1 FROM lines WHERE line = j.value LIMIT @limit))
             + (SELECT count(*) FROM (SELECT 1 FROM lines_fresh WHERE line = j.value LIMIT @limit))) FROM json_each(@lines) AS j`,
        )
        .pluck(),
      ids: db.prepare('SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?').pluck(),
      lastId: db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck(),
      commonLines: db.prepare('SELECT line FROM lines GROUP BY line HAVING count(*) >= ?').pluck(),
      // lines that reach the count only with the fresh ones
      commonFreshLines: db
        .prepare(
          `SELECT f.line FROM (SELECT line, count(*) AS n FROM lines_fresh GROUP BY line) AS f
           WHERE f.n + (SELECT count(*) FROM (SELECT 1 FROM lines WHERE line = f.line LIMIT @count)) >= @count`,
        )
        .pluck(),
      // one url row an article, in tables far smaller than the articles' (which have no other index to count)
      count: db.prepare('SELECT (SELECT count(*) FROM urls) + (SELECT count(*) FROM urls_fresh)').pluck(),
      pages: db.prepare('SELECT p.article AS id, a.url, p.page FROM pages p JOIN articles a ON a.id = p.article WHERE p.article > ? AND p.article <= ? ORDER BY p.article LIMIT ?'),
      attributions: db.prepare('SELECT article, data FROM attributions WHERE version = ? AND article IN (SELECT value FROM json_each(?))').raw(),
    };
    if (!options.readonly) {
      Object.assign(this.statements, {
        existing: db.prepare(`SELECT id, content_hash, first_seen, lines FROM articles WHERE id IN ${BY_URL} AND url = @url`),
        insert: db.prepare(
          `INSERT INTO articles (id, url, site, title, published, author, language, first_seen, content_hash, meta, text, features, lines)
           VALUES (@id, @url, @site, @title, @published, @author, @language, @firstSeen, @contentHash, @meta, CAST(@text AS TEXT), @features, @lines)`,
        ),
        delete: db.prepare('DELETE FROM articles WHERE id = ?'),
        putPage: db.prepare('INSERT OR REPLACE INTO pages (article, page) VALUES (?, ?)'),
        dropPage: db.prepare('DELETE FROM pages WHERE article = ?'),
        putAttribution: db.prepare('INSERT OR REPLACE INTO attributions (article, version, data) VALUES (?, ?, ?)'),
        dropAttribution: db.prepare('DELETE FROM attributions WHERE article = ?'),
        keepAttribution: db.prepare('INSERT OR REPLACE INTO attributions (article, version, data) SELECT @id, @version, @data WHERE EXISTS (SELECT 1 FROM articles WHERE id = @id)'),
      });
      this.lines = new PairIndex(db, 'lines', 'line', 'article', options.freshLines);
      this.urls = new PairIndex(db, 'urls', 'hash', 'id', options.freshUrls);
    }
  }

  private loadFingerprint(options: SqliteStoreOptions): FingerprintParams {
    return this.setting('fingerprint', options.fingerprint ?? DEFAULTS.fingerprint, options);
  }

  /** A setting fixed when the store was created: the stored value, or `initial` stored now. */
  private setting<T>(key: string, initial: T, options: SqliteStoreOptions): T {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (row) return JSON.parse(row.value) as T;
    if (!options.readonly) this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, JSON.stringify(initial));
    return initial;
  }

  async put(batch: IndexedArticle[]): Promise<PutOutcome[]> {
    const s = this.statements as Required<typeof this.statements>;
    const lines = this.lines!;
    const urls = this.urls!;
    const write = this.db.transaction((articles: IndexedArticle[]) => {
      let next = this.index.nextId();
      const outcomes = articles.map((article): PutOutcome => {
        const key = urlKey(article.url);
        const old = s.existing!.get({ key, url: article.url }) as { id: number; content_hash: string; first_seen: string; lines: Buffer } | undefined;
        if (old && old.content_hash === article.contentHash) {
          // the same article from a page that may have changed around it: the page is the one to extract again
          if (article.page) s.putPage!.run(old.id, article.page);
          if (article.attribution) s.putAttribution!.run(old.id, article.attribution.version, article.attribution.data);
          return 'unchanged';
        }
        if (old) {
          // a replaced article gets a new id: the postings index only ever appends
          s.delete!.run(old.id);
          s.dropPage!.run(old.id);
          s.dropAttribution!.run(old.id);
          this.index.kill(old.id);
          lines.dropKeys(old.id, fromBlob(old.lines));
          urls.dropKeys(old.id, [key]);
        }
        const id = next++;
        s.insert!.run({
          id,
          url: article.url,
          site: article.site,
          title: article.title,
          published: article.published,
          author: article.author,
          language: article.language,
          firstSeen: old ? old.first_seen : article.firstSeen,
          contentHash: article.contentHash,
          meta: JSON.stringify(article.meta),
          text: article.text,
          features: toBlob(article.features),
          lines: toBlob(article.lines),
        });
        urls.add(key, id);
        lines.addKeys(id, article.lines);
        if (article.page) s.putPage!.run(id, article.page);
        if (article.attribution) s.putAttribution!.run(id, article.attribution.version, article.attribution.data);
        return old ? 'replaced' : 'added';
      });
      this.index.index();
      lines.settle();
      urls.settle();
      return outcomes;
    });
    return write(batch);
  }

  async pages(afterId: number, throughId: number, limit: number): Promise<StoredPage[]> {
    return this.statements.pages!.all(afterId, throughId, limit) as StoredPage[];
  }

  async getByUrl(url: string): Promise<StoredArticle | null> {
    const row = this.statements.byUrl!.get({ key: urlKey(url), url }) as ArticleRow | undefined;
    return row ? rowToArticle(row) : null;
  }

  async getMany(ids: number[]): Promise<StoredArticle[]> {
    const rows = this.statements.many!.all(JSON.stringify(ids)) as ArticleRow[];
    return inOrder(ids, rows).map(rowToArticle);
  }

  async attributions(ids: number[], version: number): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    return new Map(this.statements.attributions!.all(version, JSON.stringify(ids)) as Array<[number, string]>);
  }

  async putAttributions(rows: Array<{ id: number } & StoredAttribution>): Promise<void> {
    const put = this.statements['keepAttribution'];
    if (!put || rows.length === 0) return;
    // an article replaced meanwhile has gone, and its attribution with it
    this.db.transaction(() => {
      for (const row of rows) put.run({ id: row.id, version: row.version, data: row.data });
    })();
  }

  async heads(ids: number[]): Promise<ArticleHead[]> {
    return inOrder(ids, this.statements.manyHeads!.all(JSON.stringify(ids)) as ArticleHead[]);
  }

  async featuresOf(ids: number[]): Promise<Map<number, Uint32Array>> {
    const rows = this.statements.features!.all(JSON.stringify(ids)) as Array<[number, Buffer]>;
    return new Map(rows.map(([id, blob]) => [id, fromBlob(blob)]));
  }

  async postings(features: Uint32Array, limit: number): Promise<Map<number, number[]>> {
    return this.index.lookup(features, limit);
  }

  async sharedPostings(limit: number, budget = this.sharedBudget): Promise<SharedPostings> {
    const found = this.index.shared(limit, budget);
    // past the budget, other threads look features up: lend them the runs' filters, loaded once
    // the pass read the whole index through the page cache; tracing will not read it again here
    this.db.pragma('shrink_memory');
    return SharedPostings.of(found, 'lists' in found ? null : this.index.filterBits());
  }

  async commonLines(count: number): Promise<Set<number>> {
    const common = new Set(this.statements.commonLines!.all(count) as number[]);
    for (const line of this.statements.commonFreshLines!.all({ count }) as number[]) common.add(line);
    return common;
  }

  async lineCounts(lines: Uint32Array, limit: number): Promise<number[]> {
    if (lines.length === 0) return [];
    return JSON.parse(this.statements.lineCounts!.get({ limit, lines: JSON.stringify(Array.from(lines)) }) as string) as number[];
  }

  async lastId(): Promise<number> {
    return this.statements.lastId!.get() as number;
  }

  async ids(afterId: number, limit: number): Promise<number[]> {
    return this.statements.ids!.all(afterId, limit) as number[];
  }

  async count(): Promise<number> {
    return this.statements.count!.get() as number;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
