import type { Database as Db, Statement } from 'better-sqlite3';

/**
 * The postings index, cut into segments of consecutive article ids, one
 * table each. A batch's postings land in the newest segment only, so an
 * ingest touches a B-tree of bounded size however large the index grows
 * (one table for everything: every batch rewrote pages all over it, and
 * ingest slowed as the corpus grew). A lookup reads every segment, oldest
 * first, so posting lists stay in ascending id order.
 */
export const SEGMENT_ARTICLES = 262_144;

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

  constructor(
    private readonly db: Db,
    private readonly writable: boolean,
    /** Articles per segment: fixed for the life of a database. */
    private readonly size: number,
  ) {
    this.maxId = db.prepare('SELECT max(id) FROM articles').pluck();
  }

  private segmentOf(id: number): number {
    return Math.floor((id - 1) / this.size);
  }

  private segment(n: number): SegmentStatements | null {
    const known = this.statements.get(n);
    if (known) return known;
    const table = `postings_${n}`;
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
    for (const entry of fresh) {
      const n = this.segmentOf(entry[0]);
      const list = bySegment.get(n);
      if (list) list.push(entry);
      else bySegment.set(n, [entry]);
    }
    for (const [n, entries] of bySegment) this.addSorted(this.segment(n) as SegmentStatements, entries);
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
    const pair = (key: number): [number, number] => {
      const feature = Math.floor(key / 2097152);
      return [feature, (fresh[key - feature * 2097152] as [number, Uint32Array])[0]];
    };
    const values: number[] = new Array(ROWS * 2);
    let at = 0;
    for (; at + ROWS <= keys.length; at += ROWS) {
      for (let r = 0; r < ROWS; r++) [values[2 * r], values[2 * r + 1]] = pair(keys[at + r] as number);
      statements.addRows?.run(values);
    }
    for (; at < keys.length; at++) statements.add?.run(...pair(keys[at] as number));
  }

  drop(id: number, features: Uint32Array): void {
    this.segment(this.segmentOf(id))?.drop?.run(id, JSON.stringify(Array.from(features)));
  }

  /** Ids holding each feature, at most `limit` per feature, lowest first. */
  lookup(features: Uint32Array, limit: number): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const feature of features) out.set(feature, []);
    const max = this.maxId.get() as number | null;
    if (max === null) return out;
    let wanted = Array.from(features);
    for (let n = 0; n <= this.segmentOf(max) && wanted.length > 0; n++) {
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
