import type { Database as Db, Statement } from 'better-sqlite3';
import type { PostingLists } from '../fingerprint/shared.js';

/**
 * The postings index, cut into segments of consecutive article ids, one
 * table each, and a small table of the newest articles' postings
 * (`postings_fresh`). A batch's postings land in the fresh table, and every
 * 32,768 articles the fresh table is merged into its segment in key order,
 * so a batch's commit rewrites the pages of a small B-tree, not those of a
 * segment of millions of rows: a batch's postings land all over a B-tree,
 * and every page a transaction touches is written again. A lookup reads
 * every segment, oldest first, then the fresh table (which holds only ids
 * above the segments' own), so posting lists stay in ascending id order.
 */
export const SEGMENT_ARTICLES = 262_144;

/** Articles whose postings wait in the fresh table before a merge. */
export const FRESH_ARTICLES = 32_768;

/** The fresh table's number among the segments. */
const FRESH = -1;

/** Stretches of the feature space that `shared` reads one string each. */
const STRETCHES = 16;

/** Postings inserted per statement: each call into SQLite costs more than a row. */
const ROWS = 128;

interface SegmentStatements {
  lookup: Statement;
  add?: Statement;
  addRows?: Statement;
  drop?: Statement;
}

export class PostingSegments {
  private readonly statements = new Map<number, SegmentStatements | null>();
  private readonly maxId: Statement;
  private readonly freshSize: number;
  private readonly readMerged: Statement;
  private readonly writeMerged: Statement;

  constructor(
    private readonly db: Db,
    private readonly writable: boolean,
    /** Articles per segment: fixed for the life of a database. */
    private readonly size: number,
    /** Articles waiting in the fresh table before a merge. */
    freshSize: number | undefined,
  ) {
    this.maxId = db.prepare('SELECT max(id) FROM articles').pluck();
    this.freshSize = freshSize ?? FRESH_ARTICLES;
    this.readMerged = db.prepare("SELECT value FROM settings WHERE key = 'postings-merged-through'").pluck();
    this.writeMerged = db.prepare(
      "INSERT INTO settings (key, value) VALUES ('postings-merged-through', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    );
    // a database from before the fresh table has every posting in its segments
    if (writable && this.readMerged.get() === undefined) this.writeMerged.run(String((this.maxId.get() as number | null) ?? 0));
  }

  /**
   * The highest id whose postings are in a segment; higher ones are in the
   * fresh table. Read in the writer's transaction each time, so that a
   * rolled-back merge or another writer never leaves it stale.
   */
  private mergedThrough(): number {
    return Number(this.readMerged.get() ?? 0);
  }

  /** The segments that may hold postings, oldest first, then the fresh table. */
  private tables(): number[] {
    const max = this.maxId.get() as number | null;
    if (max === null) return [];
    const out: number[] = [];
    for (let n = 0; n <= this.segmentOf(max); n++) out.push(n);
    out.push(FRESH);
    return out;
  }

  private segmentOf(id: number): number {
    return Math.floor((id - 1) / this.size);
  }

  private segment(n: number): SegmentStatements | null {
    const known = this.statements.get(n);
    if (known) return known;
    const table = n === FRESH ? 'postings_fresh' : `postings_${n}`;
    if (this.writable) {
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS ${table} (feature INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (feature, article)) WITHOUT ROWID`,
      );
    } else if (!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) {
      return null; // nothing indexed there yet
    }
    const statements: SegmentStatements = {
      // One statement, one JSON result for all the features asked.
      lookup: this.db
        .prepare(
          `SELECT json_group_array(json_array(j.value,
             (SELECT json_group_array(article) FROM (SELECT article FROM ${table} WHERE feature = j.value LIMIT ?))))
           FROM json_each(?) AS j`,
        )
        .pluck(),
    };
    if (this.writable) {
      statements.add = this.db.prepare(`INSERT OR IGNORE INTO ${table} (feature, article) VALUES (?, ?)`);
      statements.addRows = this.db.prepare(
        `INSERT OR IGNORE INTO ${table} (feature, article) VALUES ${Array.from({ length: ROWS }, () => '(?, ?)').join(', ')}`,
      );
      statements.drop = this.db.prepare(`DELETE FROM ${table} WHERE (feature, article) IN (SELECT value, ? FROM json_each(?))`);
    }
    this.statements.set(n, statements);
    return statements;
  }

  /**
   * Inserts the postings of a batch in feature order, segment by segment:
   * neighbouring keys land on the same B-tree pages.
   */
  add(fresh: Array<[number, Uint32Array]>): void {
    const bySegment = new Map<number, Array<[number, Uint32Array]>>();
    const merged = this.mergedThrough();
    for (const entry of fresh) {
      // new articles wait in the fresh table; an older one replaced goes back to its segment
      const n = entry[0] > merged ? FRESH : this.segmentOf(entry[0]);
      const list = bySegment.get(n);
      if (list) list.push(entry);
      else bySegment.set(n, [entry]);
    }
    for (const [n, entries] of bySegment) this.addSorted(this.segment(n) as SegmentStatements, entries);
    const max = (this.maxId.get() as number | null) ?? 0;
    if (max - merged >= this.freshSize) this.merge(merged, max);
  }

  /** Moves the fresh table's postings into their segments, in key order (one pass over each B-tree). */
  private merge(merged: number, max: number): void {
    this.segment(FRESH);
    for (let n = this.segmentOf(merged + 1); n <= this.segmentOf(max); n++) {
      this.segment(n);
      this.db
        .prepare(
          `INSERT OR IGNORE INTO postings_${n} (feature, article)
           SELECT feature, article FROM postings_fresh WHERE article > ? AND article <= ? ORDER BY feature, article`,
        )
        .run(n * this.size, (n + 1) * this.size);
    }
    this.db.exec('DELETE FROM postings_fresh');
    this.writeMerged.run(String(max));
  }

  private addSorted(statements: SegmentStatements, fresh: Array<[number, Uint32Array]>): void {
    let total = 0;
    for (const [, features] of fresh) total += features.length;
    // feature * 2^21 + index of the article in the batch: sortable as one number.
    const keys = new Float64Array(total);
    let k = 0;
    fresh.forEach(([, features], index) => {
      for (const feature of features) keys[k++] = feature * 2097152 + index;
    });
    keys.sort();
    const ids = Float64Array.from(fresh, ([id]) => id);
    const values: number[] = new Array(ROWS * 2);
    const fill = (at: number, slot: number): void => {
      const key = keys[at] as number;
      const feature = Math.floor(key / 2097152);
      values[2 * slot] = feature;
      values[2 * slot + 1] = ids[key - feature * 2097152] as number;
    };
    let at = 0;
    for (; at + ROWS <= keys.length; at += ROWS) {
      for (let r = 0; r < ROWS; r++) fill(at + r, r);
      statements.addRows?.run(values);
    }
    for (; at < keys.length; at++) {
      fill(at, 0);
      statements.add?.run(values[0], values[1]);
    }
  }

  /**
   * The posting lists of every feature that more than one article holds, at
   * most `limit` ids each, lowest first: features repeated inside a segment
   * (grouped by SQLite in one pass over its B-tree, which is in key order)
   * and features that two segments share. Lists stop being kept past
   * `budget` postings (`complete` is then false and only the features come).
   */
  shared(limit: number, budget: number): { lists: PostingLists; complete: boolean } {
    const tables: string[] = [];
    for (const n of this.tables()) if (this.segment(n)) tables.push(n === FRESH ? 'postings_fresh' : `postings_${n}`);
    let cross = '';
    if (tables.length > 1) {
      this.db.exec('CREATE TEMP TABLE IF NOT EXISTS newstrace_cross (feature INTEGER PRIMARY KEY); DELETE FROM temp.newstrace_cross');
      tables.forEach((table, i) => {
        for (const later of tables.slice(i + 1)) {
          this.db.exec(`INSERT OR IGNORE INTO temp.newstrace_cross SELECT feature FROM ${table} INTERSECT SELECT feature FROM ${later}`);
        }
      });
      cross = ' OR feature IN temp.newstrace_cross';
    }
    const budgetLeft = { postings: budget };
    let merged: PostingLists = { features: new Uint32Array(0), starts: new Uint32Array(1), articles: new Uint32Array(0) };
    for (const table of tables) {
      // One string per stretch of feature values: "feature,id,id feature,id,id …" (a row per feature costs more than parsing).
      const query = this.db
        .prepare(
          `SELECT group_concat(x, ' ') FROM (SELECT feature || ',' || group_concat(article) AS x FROM ${table}
           WHERE feature >= ? AND feature < ? GROUP BY feature HAVING count(*) > 1${cross})`,
        )
        .pluck();
      const lists = new ListBuilder(budgetLeft);
      for (let k = 0; k < STRETCHES; k++) lists.parse((query.get(k * 2 ** 28, (k + 1) * 2 ** 28) as string | null) ?? '');
      merged = mergeLists(merged, lists.done(), limit);
    }
    if (cross) this.db.exec('DROP TABLE temp.newstrace_cross');
    return { lists: merged, complete: budgetLeft.postings >= 0 };
  }

  drop(id: number, features: Uint32Array): void {
    this.segment(id > this.mergedThrough() ? FRESH : this.segmentOf(id))?.drop?.run(id, JSON.stringify(Array.from(features)));
  }

  /** Ids holding each feature, at most `limit` per feature, lowest first. */
  lookup(features: Uint32Array, limit: number): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const feature of features) out.set(feature, []);
    let wanted = Array.from(features);
    for (const n of this.tables()) {
      if (wanted.length === 0) break;
      const statements = this.segment(n);
      if (!statements) continue;
      const rows = JSON.parse(statements.lookup.get(limit, JSON.stringify(wanted)) as string) as Array<[number, number[]]>;
      for (const [feature, ids] of rows) {
        const list = out.get(feature) as number[];
        for (const id of ids) if (list.length < limit) list.push(id);
      }
      wanted = wanted.filter((feature) => (out.get(feature) as number[]).length < limit);
    }
    return out;
  }
}

/** Growable posting lists, parsed from "feature,id,id feature,id" strings in feature order. */
class ListBuilder {
  private features: Uint32Array = new Uint32Array(1024);
  private starts: Uint32Array = new Uint32Array(1025);
  private articles: Uint32Array = new Uint32Array(4096);
  private count = 0;
  private size = 0;

  constructor(private readonly budget: { postings: number }) {}

  parse(text: string): void {
    if (text.length === 0) return;
    let value = 0;
    let first = true; // the next number is a feature
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      if (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        continue;
      }
      if (first) this.openList(value);
      else this.push(value);
      first = c === 32;
      if (first) this.closeList();
      value = 0;
    }
  }

  private openList(feature: number): void {
    if (this.count + 1 >= this.features.length) {
      this.features = grown(this.features, this.features.length * 2);
      this.starts = grown(this.starts, this.starts.length * 2);
    }
    this.features[this.count] = feature;
    this.starts[this.count] = this.size;
  }

  private push(id: number): void {
    if (this.budget.postings < 0) return; // over budget: features only
    if (this.size === this.articles.length) this.articles = grown(this.articles, this.articles.length * 2);
    this.articles[this.size++] = id;
    this.budget.postings--;
  }

  private closeList(): void {
    // group_concat follows the scan, which is in (feature, article) order; sort if it ever does not
    const list = this.articles.subarray(this.starts[this.count], this.size);
    for (let k = 1; k < list.length; k++) {
      if ((list[k] as number) < (list[k - 1] as number)) {
        list.sort();
        break;
      }
    }
    this.count++;
    this.starts[this.count] = this.size;
  }

  done(): PostingLists {
    return {
      features: this.features.subarray(0, this.count),
      starts: this.starts.subarray(0, this.count + 1),
      articles: this.articles.subarray(0, this.size),
    };
  }
}

function grown(array: Uint32Array, length: number): Uint32Array {
  const next = new Uint32Array(length);
  next.set(array.subarray(0, Math.min(array.length, length)));
  return next;
}

/** Merges lists of an earlier segment (`a`) and a later one (`b`): a's ids first, at most `limit` a feature. */
function mergeLists(a: PostingLists, b: PostingLists, limit: number): PostingLists {
  const features = new Uint32Array(a.features.length + b.features.length);
  const starts = new Uint32Array(features.length + 1);
  const articles = new Uint32Array(a.articles.length + b.articles.length);
  let x = 0;
  let y = 0;
  let count = 0;
  let size = 0;
  const copy = (from: PostingLists, k: number): void => {
    const end = Math.min(from.starts[k + 1] as number, (from.starts[k] as number) + limit - (size - (starts[count] as number)));
    for (let i = from.starts[k] as number; i < end; i++) articles[size++] = from.articles[i] as number;
  };
  while (x < a.features.length || y < b.features.length) {
    const fa = x < a.features.length ? (a.features[x] as number) : Infinity;
    const fb = y < b.features.length ? (b.features[y] as number) : Infinity;
    const feature = Math.min(fa, fb);
    features[count] = feature;
    starts[count] = size;
    if (fa === feature) copy(a, x++);
    if (fb === feature) copy(b, y++);
    count++;
    starts[count] = size;
  }
  return { features: features.subarray(0, count), starts: starts.subarray(0, count + 1), articles: articles.subarray(0, size) };
}
