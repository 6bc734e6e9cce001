import type { Database as Db, Statement } from 'better-sqlite3';
import { FeatureFilter, type PostingLists } from '../fingerprint/shared.js';
import { mix32, unmix32 } from '../text/hash.js';

/**
 * The postings index: an inverted index kept as sorted runs (a log-structured
 * merge), each run the postings of a range of article ids, cut into buckets
 * of feature values and stored one packed row per bucket.
 *
 * - The newest articles (ids above `mergedThrough`) have no run yet: their
 *   features are read from the articles table and sorted in memory when a
 *   lookup needs them. Storing an article writes no postings at all.
 * - Every `freshSize` ids, their postings are sorted (a radix sort) and
 *   written as a run of tier 0; when `FANOUT` runs of one tier are the
 *   newest, they are merged into one run of the next tier, so a posting is
 *   rewritten about log8(articles / freshSize) times, as sequential packed
 *   rows, never inserted into a B-tree one row at a time.
 * - A replaced article gets a new id; its old id is recorded in `dead` and
 *   left out of lookups, and out of runs when they are merged.
 *
 * A lookup reads, per run, the one row holding each feature's bucket, oldest
 * run first, then the fresh articles: posting lists come out in ascending id
 * order. Each run has a Bloom filter of its features (`postings_filters`),
 * so a lookup reads a run's row only for the features the run may hold:
 * most features of an article are in no other article, or in one run only.
 */
export const FRESH_ARTICLES = 16_384;

/** Runs of one tier merged into one of the next. */
const FANOUT = 8;

/** Postings a bucket row holds on average: a lookup reads one row per feature and run. */
const BUCKET_POSTINGS = 128;
/** Buckets per run: at least 2^8 (one per stretch), at most 2^24. */
const MIN_BITS = 8;
const MAX_BITS = 24;

/** Merges and the shared pass go through the feature space in 2^8 stretches. */
const STRETCH_BITS = 8;
const STRETCH_SHIFT = 32 - STRETCH_BITS;

/** Bucket rows written per statement: each call into SQLite costs more than a row. */
const ROWS = 32;

/** A row's key: run * 2^25 + bucket. */
const RUN_KEY = 2 ** 25;

interface Run {
  run: number;
  /** Ids in (first, last]. */
  first: number;
  last: number;
  tier: number;
  /** The run has 2^bits buckets: bucket = feature >>> (32 - bits). */
  bits: number;
  postings: number;
  /** Distinct features (absent in runs written before it was counted). */
  distinct?: number;
}

interface IndexState {
  runs: Run[];
  /** Ids up to this one have their postings in runs. */
  mergedThrough: number;
  nextRun: number;
}

/**
 * Parallel arrays of postings: the feature whose key is keys[i] is held by
 * articles[i]. A key is the feature scrambled (`mix32`, a bijection):
 * winnowing keeps the smallest hashes, so features crowd the low end of
 * their range, and buckets and stretches cut by the keys' top bits would be
 * most of them empty and a few very full.
 */
interface Postings {
  keys: Uint32Array;
  articles: Uint32Array;
  length: number;
}

const STATE_KEY = 'postings-runs';

/** The runs' Bloom filter bits, by run number (in shared memory when lent to other threads). */
export type RunFilterBits = Map<number, Uint32Array>;

export const RUNS_SCHEMA = `
CREATE TABLE IF NOT EXISTS postings_runs (key INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS dead (seq INTEGER PRIMARY KEY, id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS postings_filters (run INTEGER PRIMARY KEY, data BLOB NOT NULL);
`;

export class PostingRuns {
  private readonly freshSize: number;
  private readonly s: Record<string, Statement>;
  /** The state this connection last read, as stored (to skip parsing it again); null: read it again. */
  private stateText: string | null = null;
  private state: IndexState = { runs: [], mergedThrough: 0, nextRun: 0 };
  /** Features of the articles above `mergedThrough`, as loaded here. */
  private readonly fresh = new Map<number, Uint32Array>();
  private freshLoadedThrough = 0;
  private freshSorted: Postings | null = null;
  private readonly dead = new Set<number>();
  private deadSeq = 0;
  /** Bloom filters of the runs' features, as loaded here (null: the run has none, so every feature is read). */
  private readonly filters = new Map<number, FeatureFilter | null>();
  private readonly useFilters: boolean;

  constructor(
    private readonly db: Db,
    writable: boolean,
    freshSize: number | undefined,
    /** Whether lookups use the runs' Bloom filters, or the filters to use (lent by another reader). */
    filters: boolean | RunFilterBits,
  ) {
    this.useFilters = filters !== false;
    if (filters instanceof Map) for (const [run, bits] of filters) this.filters.set(run, new FeatureFilter(bits));
    this.freshSize = freshSize ?? FRESH_ARTICLES;
    this.s = {
      state: db.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
      maxId: db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck(),
      freshFeatures: db.prepare('SELECT id, features FROM articles WHERE id > ? AND id <= ? ORDER BY id').raw(),
      dead: db.prepare('SELECT seq, id FROM dead WHERE seq > ? ORDER BY seq').raw(),
      rows: db.prepare('SELECT key, data FROM postings_runs WHERE key IN (SELECT value FROM json_each(?))').raw(),
      begin: db.prepare('BEGIN'),
      end: db.prepare('COMMIT'),
      filter: db.prepare('SELECT data FROM postings_filters WHERE run = ?').pluck(),
      range: db.prepare('SELECT data FROM postings_runs WHERE key >= ? AND key < ? ORDER BY key').pluck(),
    };
    if (writable) {
      Object.assign(this.s, {
        writeState: db.prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        ),
        insertRow: db.prepare('INSERT INTO postings_runs (key, data) VALUES (?, ?)'),
        insertRows: db.prepare(`INSERT INTO postings_runs (key, data) VALUES ${Array.from({ length: ROWS }, () => '(?, ?)').join(', ')}`),
        deleteRange: db.prepare('DELETE FROM postings_runs WHERE key >= ? AND key < ?'),
        insertFilter: db.prepare('INSERT INTO postings_filters (run, data) VALUES (?, ?)'),
        deleteFilter: db.prepare('DELETE FROM postings_filters WHERE run = ?'),
        kill: db.prepare('INSERT INTO dead (id) VALUES (?)'),
      });
    }
  }

  /** Runs `read` in one read transaction: the runs, the fresh articles and the dead ids as of one moment. */
  private inSnapshot<T>(read: () => T): T {
    if (this.db.inTransaction) return read();
    this.s['begin']!.run();
    try {
      return read();
    } finally {
      this.s['end']!.run();
    }
  }

  /** The id a new article gets: above every id stored or ever indexed in a run. */
  nextId(): number {
    this.refresh();
    return Math.max(this.s['maxId']!.get() as number, this.state.mergedThrough) + 1;
  }

  /** Records that an article's id is gone (deleted or replaced under a new id). */
  kill(id: number): void {
    this.s['kill']!.run(id);
  }

  /**
   * Writes runs for the ids that have waited long enough, and merges runs.
   * Call inside the writer's transaction, after the batch's articles.
   */
  index(): void {
    this.refresh();
    const max = this.s['maxId']!.get() as number;
    if (max - this.state.mergedThrough < this.freshSize) return;
    try {
      while (max - this.state.mergedThrough >= this.freshSize) {
        const first = this.state.mergedThrough;
        const last = first + this.freshSize;
        const postings = this.loadPostings(first, last);
        const run = { run: this.state.nextRun++, first, last, tier: 0, bits: bitsFor(postings.length), postings: postings.length };
        this.writeRun(run, distinctFeatures(postings), (s) => stretchOf(postings, s));
        this.state.mergedThrough = last;
        this.compact();
      }
      this.saveState();
    } catch (error) {
      // the transaction rolls back: read the state again from the database, not this half-changed copy
      this.stateText = null;
      throw error;
    }
  }

  /** Merges the newest runs while `FANOUT` of them share a tier. */
  private compact(): void {
    const runs = this.state.runs;
    while (runs.length >= FANOUT) {
      const last = runs.slice(-FANOUT);
      if (!last.every((run) => run.tier === (last[0] as Run).tier)) break;
      const total = last.reduce((sum, run) => sum + run.postings, 0);
      const merged: Run = {
        run: this.state.nextRun++,
        first: (last[0] as Run).first,
        last: (last[FANOUT - 1] as Run).last,
        tier: (last[0] as Run).tier + 1,
        bits: bitsFor(total),
        postings: 0,
      };
      this.refreshDead();
      const dead = this.dead;
      runs.splice(runs.length - FANOUT, FANOUT);
      // a merged run holds at most the features of its parts
      const distinct = last.reduce((sum, run) => sum + (run.distinct ?? run.postings), 0);
      this.writeRun(merged, distinct, (s) => sortPostings(this.readStretch(last, s, dead), STRETCH_SHIFT));
      for (const run of last) {
        this.s['deleteRange']!.run(run.run * RUN_KEY, (run.run + 1) * RUN_KEY);
        this.s['deleteFilter']!.run(run.run);
      }
    }
  }

  /**
   * Writes a run stretch by stretch (each stretch's postings in feature, then
   * id, order), with a Bloom filter for at most `distinct` features, and lists it.
   */
  private writeRun(run: Run, distinct: number, stretch: (s: number) => Postings): void {
    const filter = FeatureFilter.sized(distinct);
    run.postings = 0;
    run.distinct = 0;
    for (let s = 0; s < 2 ** STRETCH_BITS; s++) {
      const part = stretch(s);
      run.postings += part.length;
      run.distinct += this.writeBuckets(run, part, filter);
    }
    this.s['insertFilter']!.run(run.run, Buffer.from(filter.bits.buffer, filter.bits.byteOffset, filter.bits.byteLength));
    this.state.runs.push(run);
  }

  /** Writes sorted postings as bucket rows, adding their features to `filter`; returns how many distinct features they hold. */
  private writeBuckets(run: Run, part: Postings, filter: FeatureFilter): number {
    const shift = 32 - run.bits;
    let distinct = 0;
    for (let i = 0; i < part.length; i++) {
      if (i === 0 || part.keys[i] !== part.keys[i - 1]) {
        filter.add(part.keys[i] as number);
        distinct++;
      }
    }
    // every row's data in one buffer, rows inserted `ROWS` to a statement
    const data = new Uint32Array(2 * part.length);
    const values: Array<number | Buffer> = [];
    let begin = 0;
    while (begin < part.length) {
      const bucket = (part.keys[begin] as number) >>> shift;
      let end = begin + 1;
      while (end < part.length && (part.keys[end] as number) >>> shift === bucket) end++;
      const n = end - begin;
      data.set(part.keys.subarray(begin, end), 2 * begin);
      data.set(part.articles.subarray(begin, end), 2 * begin + n);
      values.push(run.run * RUN_KEY + bucket, Buffer.from(data.buffer, 8 * begin, 8 * n));
      if (values.length === 2 * ROWS) {
        this.s['insertRows']!.run(values);
        values.length = 0;
      }
      begin = end;
    }
    for (let k = 0; k < values.length; k += 2) this.s['insertRow']!.run(values[k], values[k + 1]);
    return distinct;
  }

  /** The postings of `runs` (consecutive, oldest first) in stretch `s`, runs in order, dead ids left out. */
  private readStretch(runs: Run[], s: number, dead: Set<number>): Postings {
    const blobs: Buffer[] = [];
    let total = 0;
    for (const run of runs) {
      const per = 2 ** (run.bits - STRETCH_BITS);
      for (const blob of this.s['range']!.all(run.run * RUN_KEY + s * per, run.run * RUN_KEY + (s + 1) * per) as Buffer[]) {
        blobs.push(blob);
        total += blob.byteLength >> 3;
      }
    }
    const out: Postings = { keys: new Uint32Array(total), articles: new Uint32Array(total), length: 0 };
    for (const blob of blobs) {
      const data = words(blob);
      const n = data.length >> 1;
      for (let i = 0; i < n; i++) {
        const id = data[n + i] as number;
        if (dead.size > 0 && dead.has(id)) continue;
        out.keys[out.length] = data[i] as number;
        out.articles[out.length++] = id;
      }
    }
    return out;
  }

  /** Postings of the stored articles with ids in (first, last], sorted by feature, then id. */
  private loadPostings(first: number, last: number): Postings {
    const rows = this.s['freshFeatures']!.all(first, last) as Array<[number, Buffer]>;
    return gather(rows.map(([id, blob]) => [id, words(blob)]));
  }

  private saveState(): void {
    this.stateText = JSON.stringify(this.state);
    this.s['writeState']!.run(STATE_KEY, this.stateText);
  }

  /**
   * Brings this connection's view up to date: the runs, the fresh articles'
   * features, the dead ids. Cheap when nothing changed.
   */
  private refresh(): void {
    this.refreshState();
    this.refreshDead();
  }

  private refreshState(): void {
    const text = (this.s['state']!.get(STATE_KEY) as string | undefined) ?? '';
    if (text !== this.stateText) {
      this.stateText = text;
      this.state = text ? (JSON.parse(text) as IndexState) : { runs: [], mergedThrough: 0, nextRun: 0 };
      const live = new Set(this.state.runs.map((run) => run.run));
      for (const run of this.filters.keys()) if (!live.has(run)) this.filters.delete(run);
      for (const id of this.fresh.keys()) {
        if (id <= this.state.mergedThrough) {
          this.fresh.delete(id);
          this.freshSorted = null;
        }
      }
    }
  }

  private refreshDead(): void {
    for (const [seq, id] of this.s['dead']!.all(this.deadSeq) as Array<[number, number]>) {
      this.deadSeq = seq;
      this.dead.add(id);
      if (this.fresh.delete(id)) this.freshSorted = null;
    }
  }

  /** The fresh articles' postings, sorted (loaded and sorted again only when they changed). */
  private freshPostings(): Postings {
    const from = Math.max(this.freshLoadedThrough, this.state.mergedThrough);
    const rows = this.s['freshFeatures']!.all(from, Number.MAX_SAFE_INTEGER) as Array<[number, Buffer]>;
    for (const [id, blob] of rows) {
      if (this.dead.has(id)) continue;
      this.fresh.set(id, words(blob));
      this.freshLoadedThrough = id;
      this.freshSorted = null;
    }
    if (!this.freshSorted) this.freshSorted = gather([...this.fresh.entries()].sort((a, b) => a[0] - b[0]));
    return this.freshSorted;
  }

  private filterOf(run: Run): FeatureFilter | null {
    if (!this.useFilters) return null;
    let filter = this.filters.get(run.run);
    if (filter === undefined) {
      const blob = this.s['filter']!.get(run.run) as Buffer | undefined;
      filter = blob ? new FeatureFilter(words(blob)) : null;
      this.filters.set(run.run, filter);
    }
    return filter;
  }

  /** Every run's Bloom filter, in shared memory, for readers on other threads. */
  filterBits(): RunFilterBits {
    return this.inSnapshot(() => {
      this.refreshState();
      const out: RunFilterBits = new Map();
      for (const run of this.state.runs) {
        const blob = this.s['filter']!.get(run.run) as Buffer | undefined;
        if (!blob) continue;
        const bits = new Uint32Array(new SharedArrayBuffer(blob.byteLength & ~3));
        new Uint8Array(bits.buffer).set(blob.subarray(0, bits.byteLength));
        out.set(run.run, bits);
      }
      return out;
    });
  }

  /** Ids holding each feature, at most `limit` per feature, lowest first. */
  lookup(features: Uint32Array, limit: number): Map<number, number[]> {
    return this.inSnapshot(() => {
      this.refresh();
      const runs = this.state.runs;
      const keys = new Set<number>();
      const wanted = features.map(mix32);
      for (const run of runs) {
        const filter = this.filterOf(run);
        for (const key of wanted) if (!filter || filter.has(key)) keys.add(run.run * RUN_KEY + (key >>> (32 - run.bits)));
      }
      const rows = new Map<number, Uint32Array>();
      if (keys.size > 0) {
        for (const [key, blob] of this.s['rows']!.all(JSON.stringify([...keys])) as Array<[number, Buffer]>) rows.set(key, words(blob));
      }
      const fresh = this.freshPostings();
      const out = new Map<number, number[]>();
      features.forEach((feature, k) => {
        const key = wanted[k] as number;
        const list: number[] = [];
        for (const run of runs) {
          if (list.length >= limit) break;
          const data = rows.get(run.run * RUN_KEY + (key >>> (32 - run.bits)));
          if (data) this.collect(data, data.length >> 1, data, data.length >> 1, key, list, limit);
        }
        if (list.length < limit) this.collect(fresh.keys, fresh.length, fresh.articles, 0, key, list, limit);
        out.set(feature, list);
      });
      return out;
    });
  }

  /**
   * Appends the live ids holding the feature of `key` to `list`: `keys[0, n)`
   * are sorted, and the id of keys[i] is ids[idsAt + i] (a bucket row holds
   * its keys, then their ids).
   */
  private collect(keys: Uint32Array, n: number, ids: Uint32Array, idsAt: number, key: number, list: number[], limit: number): void {
    for (let at = lowerBound(keys, n, key); at < n && keys[at] === key && list.length < limit; at++) {
      const id = ids[idsAt + at] as number;
      if (!this.dead.has(id)) list.push(id);
    }
  }

  /**
   * The posting lists of every feature that more than one article holds, at
   * most `limit` ids each, lowest first, in one pass over the runs, stretch
   * by stretch. Past `budget` postings only the features come.
   */
  shared(limit: number, budget: number): { lists: PostingLists } | { features: Uint32Array } {
    return this.inSnapshot(() => {
      this.refresh();
      const fresh = this.freshPostings();
      const out = new ListBuilder(budget);
      let freshAt = 0;
      for (let s = 0; s < 2 ** STRETCH_BITS; s++) {
        const stored = this.readStretch(this.state.runs, s, this.dead);
        let freshEnd = freshAt;
        while (freshEnd < fresh.length && (fresh.keys[freshEnd] as number) >>> STRETCH_SHIFT === s) freshEnd++;
        const part = sortPostings(append(stored, fresh, freshAt, freshEnd), STRETCH_SHIFT);
        freshAt = freshEnd;
        let begin = 0;
        while (begin < part.length) {
          const key = part.keys[begin] as number;
          let end = begin + 1;
          while (end < part.length && part.keys[end] === key) end++;
          if (end - begin > 1) out.add(unmix32(key), part.articles.subarray(begin, Math.min(end, begin + limit)));
          begin = end;
        }
      }
      return out.done();
    });
  }
}

/** The 32-bit words of a stored blob (copied when it is not aligned for a view). */
function words(blob: Buffer): Uint32Array {
  if (blob.byteOffset % 4 === 0) return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength >> 2);
  const copy = new Uint32Array(blob.byteLength >> 2);
  new Uint8Array(copy.buffer).set(blob);
  return copy;
}

/** Distinct features in sorted postings. */
function distinctFeatures(postings: Postings): number {
  let n = 0;
  for (let i = 0; i < postings.length; i++) if (i === 0 || postings.keys[i] !== postings.keys[i - 1]) n++;
  return n;
}

/** Buckets for a run of `postings`: about `BUCKET_POSTINGS` each. */
function bitsFor(postings: number): number {
  return Math.max(MIN_BITS, Math.min(MAX_BITS, Math.round(Math.log2(Math.max(1, postings) / BUCKET_POSTINGS))));
}

/** Postings of articles (ascending ids), sorted by feature, then id. */
function gather(articles: Array<[number, Uint32Array]>): Postings {
  let total = 0;
  for (const [, features] of articles) total += features.length;
  const out: Postings = { keys: new Uint32Array(total), articles: new Uint32Array(total), length: total };
  let at = 0;
  for (const [id, features] of articles) {
    for (let j = 0; j < features.length; j++) out.keys[at + j] = mix32(features[j] as number);
    out.articles.fill(id, at, at + features.length);
    at += features.length;
  }
  return sortPostings(out, 32);
}

/** The part of sorted postings in stretch `s` (a view, not a copy). */
function stretchOf(postings: Postings, s: number): Postings {
  const begin = lowerBound(postings.keys, postings.length, s * 2 ** STRETCH_SHIFT);
  const end = s + 1 < 2 ** STRETCH_BITS ? lowerBound(postings.keys, postings.length, (s + 1) * 2 ** STRETCH_SHIFT) : postings.length;
  return { keys: postings.keys.subarray(begin, end), articles: postings.articles.subarray(begin, end), length: end - begin };
}

/** `a` followed by `b[begin, end)`. */
function append(a: Postings, b: Postings, begin: number, end: number): Postings {
  if (end === begin) return a;
  const n = a.length + end - begin;
  const out: Postings = { keys: new Uint32Array(n), articles: new Uint32Array(n), length: n };
  out.keys.set(a.keys.subarray(0, a.length));
  out.articles.set(a.articles.subarray(0, a.length));
  out.keys.set(b.keys.subarray(begin, end), a.length);
  out.articles.set(b.articles.subarray(begin, end), a.length);
  return out;
}

/** First index in sorted `values[0, n)` holding at least `value`. */
function lowerBound(values: Uint32Array, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sorts postings by the low `keyBits` bits of their features (the higher ones
 * being equal), stably, so that postings already in id order stay so within
 * a feature: a least-significant-digit radix sort in two passes, whose
 * result lands in the input's own arrays.
 */
export function sortPostings(input: Postings, keyBits: number): Postings {
  const n = input.length;
  if (n < 2) return input;
  const digit = Math.ceil(keyBits / 2);
  const size = 2 ** digit;
  const mask = size - 1;
  let keys: Uint32Array = input.keys;
  let articles: Uint32Array = input.articles;
  let nextKeys: Uint32Array = new Uint32Array(n);
  let nextArticles: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(size);
  for (const shift of [0, digit]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const d = ((keys[i] as number) >>> shift) & mask;
      counts[d] = (counts[d] as number) + 1;
    }
    let sum = 0;
    for (let d = 0; d < size; d++) {
      const c = counts[d] as number;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const f = keys[i] as number;
      const d = (f >>> shift) & mask;
      const to = counts[d] as number;
      counts[d] = to + 1;
      nextKeys[to] = f;
      nextArticles[to] = articles[i] as number;
    }
    [keys, nextKeys] = [nextKeys, keys];
    [articles, nextArticles] = [nextArticles, articles];
  }
  return { keys, articles, length: n };
}

/** Posting lists built one feature at a time, kept while within a budget of postings. */
class ListBuilder {
  private features: Uint32Array = new Uint32Array(1024);
  private starts: Uint32Array = new Uint32Array(1025);
  private articles: Uint32Array = new Uint32Array(4096);
  private count = 0;
  private size = 0;
  private complete = true;

  constructor(private budget: number) {}

  add(feature: number, ids: Uint32Array): void {
    if (this.count + 1 >= this.features.length) {
      this.features = grown(this.features, this.features.length * 2);
      if (this.complete) this.starts = grown(this.starts, this.starts.length * 2);
    }
    this.features[this.count++] = feature;
    if (this.complete && ids.length > this.budget) {
      // past the budget only the features are kept: let the lists go now
      this.complete = false;
      this.starts = new Uint32Array(1);
      this.articles = new Uint32Array(0);
      this.size = 0;
    }
    if (!this.complete) return;
    this.budget -= ids.length;
    if (this.size + ids.length > this.articles.length) this.articles = grown(this.articles, Math.max(this.articles.length * 2, this.size + ids.length));
    this.articles.set(ids, this.size);
    this.size += ids.length;
    this.starts[this.count] = this.size;
  }

  /** The lists; past the budget, the features alone. */
  done(): { lists: PostingLists } | { features: Uint32Array } {
    const features = this.features.subarray(0, this.count);
    if (!this.complete) return { features };
    return { lists: { features, starts: this.starts.subarray(0, this.count + 1), articles: this.articles.subarray(0, this.size) } };
  }
}

function grown(array: Uint32Array, length: number): Uint32Array {
  const next = new Uint32Array(length);
  next.set(array.subarray(0, Math.min(array.length, length)));
  return next;
}
