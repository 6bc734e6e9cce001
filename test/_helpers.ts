import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { ingest, openStore, type Store } from '../src/index.js';
import { allFunctionWords } from '../src/text/stopwords.js';

export const FIXTURES = new URL('./fixtures/', import.meta.url);

export interface Body {
  id: string;
  url: string;
  articleBody: string;
}

/** Real article bodies (see fixtures/README.md). */
export const bodies: Body[] = JSON.parse(readFileSync(new URL('aeb-bodies.json', FIXTURES), 'utf8')) as Body[];

export const fixtureText = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** Real news pages with their gold article body (fixtures/aeb, see fixtures/README.md). */
export interface AebPage {
  file: string;
  case: string;
  url: string;
  articleBody: string;
}

export const aebPages = JSON.parse(readFileSync(new URL('aeb/pages.json', FIXTURES), 'utf8')) as AebPage[];

/** The HTML bytes of an aeb fixture page. */
export const aebHtml = (p: AebPage): Buffer => gunzipSync(readFileSync(new URL(p.file, FIXTURES)));

/** A fresh directory, removed when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'newstrace-test-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface Rec {
  url: string;
  text: string;
  published?: string;
  site?: string;
  title?: string;
}

/** A real SQLite store in a temp dir holding `records` (ingested from a JSON Lines file). */
export async function storeWith(records: Rec[], dir: string = tempDir(), options: { sharedPostingsBudget?: number } = {}): Promise<Store> {
  const file = join(dir, `input-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n'));
  const store = await openStore({ path: join(dir, 'test.db'), ...options });
  const summary = await ingest(store, [file]);
  if (summary.failed) throw new Error(`fixture ingest failed: ${summary.failed}`);
  after(() => store.close());
  return store;
}

export const paragraphs = (text: string): string[] => text.split(/\n\s*\n/).filter((p) => p.trim());

const FUNCTION = new Set(allFunctionWords());

/** Replaces every `step`-th content word with a made-up one, leaving function words, as a spinner would. */
export function spinEvery(text: string, step: number): string {
  let k = 0;
  return text.replace(/\p{L}+/gu, (word) => {
    if (FUNCTION.has(word.toLowerCase())) return word;
    return k++ % step === 0 ? `x${word.length}q${k}` : word;
  });
}

/**
 * Checks the postings index against the stored articles (every `step`-th of
 * them): each is listed under every feature it holds, and every id listed
 * is a stored article.
 */
export async function checkIndex(store: Store, step = 1): Promise<void> {
  const ids = await store.ids(0, Number.MAX_SAFE_INTEGER);
  const stored = new Set(ids);
  const sample = ids.filter((_, k) => k % step === 0);
  const features = await store.featuresOf(sample);
  for (const id of sample) {
    const own = features.get(id)!;
    const postings = await store.postings(own, Number.MAX_SAFE_INTEGER);
    for (const feature of own) {
      const list = postings.get(feature)!;
      assert.ok(list.includes(id), `article ${id} is not listed under feature ${feature}`);
      for (const other of list) assert.ok(stored.has(other), `feature ${feature} lists article ${other}, which is not stored`);
    }
  }
}
