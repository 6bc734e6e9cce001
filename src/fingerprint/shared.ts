import { mix32 } from '../text/hash.js';

/** Bits per feature: with 7 probes in blocks of 512 bits, about 1% of other features pass. */
const BITS_PER_FEATURE = 10;
const PROBES = 7;
/** 32-bit words per block: all of a feature's probes fall in one block (one cache line). */
const BLOCK_WORDS = 16;

/**
 * A blocked Bloom filter over feature hashes: `has` is true for every
 * feature added and for about 1% of the others. Its bits live in a
 * SharedArrayBuffer, so threads read one copy.
 */
export class FeatureFilter {
  private readonly blocks: number;

  constructor(readonly bits: Uint32Array) {
    this.blocks = bits.length / BLOCK_WORDS;
  }

  /** An empty filter for up to `count` features. */
  static sized(count: number): FeatureFilter {
    const blocks = Math.max(1, Math.ceil((count * BITS_PER_FEATURE) / (BLOCK_WORDS * 32)));
    return new FeatureFilter(new Uint32Array(new SharedArrayBuffer(blocks * BLOCK_WORDS * 4)));
  }

  static of(features: Uint32Array): FeatureFilter {
    const filter = FeatureFilter.sized(features.length);
    for (const feature of features) filter.add(feature);
    return filter;
  }

  add(feature: number): void {
    const base = this.blockOf(feature);
    const h = mix32(feature ^ 0x9e3779b9);
    const step = (h >>> 9) | 1;
    for (let i = 0, bit = h; i < PROBES; i++, bit = (bit + step) | 0) {
      const at = base + ((bit >>> 5) & (BLOCK_WORDS - 1));
      this.bits[at] = (this.bits[at] as number) | (1 << (bit & 31));
    }
  }

  has(feature: number): boolean {
    const base = this.blockOf(feature);
    const h = mix32(feature ^ 0x9e3779b9);
    const step = (h >>> 9) | 1;
    for (let i = 0, bit = h; i < PROBES; i++, bit = (bit + step) | 0) {
      if (((this.bits[base + ((bit >>> 5) & (BLOCK_WORDS - 1))] as number) & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  /**
   * The first word of a feature's block: the feature, scrambled (winnowed
   * features crowd the low end of their range), scaled to the number of blocks.
   */
  private blockOf(feature: number): number {
    return Math.floor((mix32(feature) * this.blocks) / 4294967296) * BLOCK_WORDS;
  }
}

/** Posting lists, one a feature, each in ascending article id order. */
export interface PostingLists {
  features: Uint32Array;
  /** List k is articles[starts[k], starts[k + 1]). */
  starts: Uint32Array;
  articles: Uint32Array;
}

/**
 * The features that more than one stored article holds, found in one pass
 * over the index before tracing everything: a feature that only its own
 * article holds brings no candidate, and most features are such. When their
 * posting lists fit in memory they come along (`lists`), and lookups never
 * reach the store; otherwise a Bloom filter (`filter`) tells which features
 * to look up there. Both live in shared memory, so threads read one copy.
 */
export class SharedPostings {
  /** Open addressing over the lists' features: slot → feature, and 1 + its list's index (0: empty). */
  private readonly keys: Uint32Array;
  private readonly where: Uint32Array;

  constructor(
    readonly lists: PostingLists | null,
    readonly filter: FeatureFilter | null,
    /** What the store lends its readers on other threads for lookups (in shared memory), if anything. */
    readonly readerData: unknown = null,
  ) {
    let size = 2;
    while (lists && size < lists.features.length * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.where = new Uint32Array(size);
    lists?.features.forEach((feature, k) => {
      let at = feature & (size - 1);
      while (this.where[at] !== 0) at = (at + 1) & (size - 1);
      this.keys[at] = feature;
      this.where[at] = k + 1;
    });
  }

  /** From the lists, or (when they were over budget) the features alone. */
  static of(found: { lists: PostingLists } | { features: Uint32Array }, readerData: unknown = null): SharedPostings {
    if ('lists' in found) return new SharedPostings(share(found.lists), null);
    return new SharedPostings(null, FeatureFilter.of(found.features), readerData);
  }

  /** Rebuilds one sent to another thread (its arrays still share memory). */
  static from(sent: { lists: PostingLists | null; filter: { bits: Uint32Array } | null; readerData: unknown }): SharedPostings {
    return new SharedPostings(sent.lists, sent.filter ? new FeatureFilter(sent.filter.bits) : null, sent.readerData);
  }

  /** Whether `feature` may be held by more than one article. */
  has(feature: number): boolean {
    return this.lists ? this.list(feature) !== undefined : (this.filter as FeatureFilter).has(feature);
  }

  /** The articles holding `feature`, when the lists are here and it is shared. */
  list(feature: number): Uint32Array | undefined {
    const lists = this.lists;
    if (!lists) return undefined;
    const mask = this.keys.length - 1;
    for (let at = feature & mask; ; at = (at + 1) & mask) {
      const k = this.where[at] as number;
      if (k === 0) return undefined;
      if (this.keys[at] === feature) return lists.articles.subarray(lists.starts[k - 1], lists.starts[k]);
    }
  }
}

function share(lists: PostingLists): PostingLists {
  const copy = (a: Uint32Array): Uint32Array => {
    const out = new Uint32Array(new SharedArrayBuffer(Math.max(4, a.length * 4)));
    out.set(a);
    return out.subarray(0, a.length);
  };
  return { features: copy(lists.features), starts: copy(lists.starts), articles: copy(lists.articles) };
}
