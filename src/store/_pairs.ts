import type { Database as Db, Statement } from 'better-sqlite3';

/** Rows the small table takes at least before a move, whatever the large one's size. */
const MIN_FRESH = 10_000;

/** The two tables of a pair index: `table` (large) and `table_fresh` (small), rows of (key, value). */
export function pairTables(table: string, key: string, value: string): string {
  return [table, `${table}_fresh`]
    .map((t) => `CREATE TABLE IF NOT EXISTS ${t} (${key} INTEGER NOT NULL, ${value} INTEGER NOT NULL, PRIMARY KEY (${key}, ${value})) WITHOUT ROWID;`)
    .join('\n');
}

/**
 * An index of (key, value) pairs whose keys arrive in random order (hashes
 * of lines, of urls), kept in two tables: a small one that takes every new
 * row, and a large one that takes the small one's rows in key order when it
 * is full. Inserting random keys into one large B-tree rewrites most of its
 * leaf pages at every commit once it outgrows the page cache; the small
 * table's pages are few, and a move writes each page of the large one once.
 *
 * The small table is full at sqrt(2 · R · L) rows, for R rows added a
 * transaction and L rows in the large table: a commit rewrites about half
 * the small table, a move the whole large one, and that size makes the two
 * costs per row equal (the smallest sum), at least `MIN_FRESH`.
 *
 * Readers look keys up in both tables. The write methods are called inside
 * the writer's transaction; `settle` ends each batch.
 */
export class PairIndex {
  private readonly s: Record<string, Statement>;
  /** Rows in the small table as this connection counts them (a move may come a little early or late). */
  private fresh: number;
  /** Rows in the large table, as counted at the last move (kept in `settings`). */
  private large: number;
  /** Rows added since the last `settle`. */
  private added = 0;

  constructor(
    db: Db,
    private readonly table: string,
    key: string,
    value: string,
    /** A fixed size at which the small table is full (tests use few rows). */
    private readonly fixedLimit?: number,
  ) {
    const fresh = `${table}_fresh`;
    this.s = {
      addKeys: db.prepare(`INSERT OR IGNORE INTO ${fresh} (${key}, ${value}) SELECT value, ? FROM json_each(?)`),
      add: db.prepare(`INSERT OR IGNORE INTO ${fresh} (${key}, ${value}) VALUES (?, ?)`),
      dropKeys: db.prepare(`DELETE FROM ${table} WHERE (${key}, ${value}) IN (SELECT value, ? FROM json_each(?))`),
      dropFreshKeys: db.prepare(`DELETE FROM ${fresh} WHERE (${key}, ${value}) IN (SELECT value, ? FROM json_each(?))`),
      move: db.prepare(`INSERT OR IGNORE INTO ${table} (${key}, ${value}) SELECT ${key}, ${value} FROM ${fresh}`),
      clear: db.prepare(`DELETE FROM ${fresh}`),
      countFresh: db.prepare(`SELECT count(*) FROM ${fresh}`).pluck(),
      countLarge: db.prepare(`SELECT count(*) FROM ${table}`).pluck(),
      readLarge: db.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
      writeLarge: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
    this.fresh = this.s['countFresh']!.get() as number;
    const kept = this.s['readLarge']!.get(this.settingKey) as string | undefined;
    if (kept !== undefined) {
      this.large = Number(kept);
    } else {
      // a database from before the count was kept: counted once
      this.large = this.s['countLarge']!.get() as number;
      this.s['writeLarge']!.run(this.settingKey, String(this.large));
    }
  }

  private get settingKey(): string {
    return `${this.table}-rows`;
  }

  /** Adds (key, value) for each of `keys`. */
  addKeys(value: number, keys: ArrayLike<number>): void {
    if (keys.length === 0) return;
    this.took(this.s['addKeys']!.run(value, JSON.stringify(Array.from(keys))).changes);
  }

  add(key: number, value: number): void {
    this.took(this.s['add']!.run(key, value).changes);
  }

  /** Removes (key, value) for each of `keys`, from both tables. */
  dropKeys(value: number, keys: ArrayLike<number>): void {
    if (keys.length === 0) return;
    const json = JSON.stringify(Array.from(keys));
    this.large -= this.s['dropKeys']!.run(value, json).changes;
    this.fresh -= this.s['dropFreshKeys']!.run(value, json).changes;
  }

  private took(rows: number): void {
    this.fresh += rows;
    this.added += rows;
  }

  /** Size at which the small table is full. */
  limit(): number {
    if (this.fixedLimit !== undefined) return this.fixedLimit;
    return Math.max(MIN_FRESH, Math.sqrt(2 * Math.max(this.added, 1) * this.large));
  }

  /** Ends a batch: moves the small table's rows into the large one when it is full. */
  settle(): void {
    const limit = this.limit();
    this.added = 0;
    if (this.fresh < limit) return;
    // in key order (the small table's own), each page of the large one written once
    this.large += this.s['move']!.run().changes;
    this.s['clear']!.run();
    this.fresh = 0;
    this.s['writeLarge']!.run(this.settingKey, String(this.large));
  }
}
