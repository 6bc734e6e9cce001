import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
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

/** Rows of every postings table (the segments and the fresh table) that meet `where`. */
export function countPostings(db: { prepare(sql: string): { pluck(): { all(): unknown[]; get(...params: unknown[]): unknown } } }, where: string, ...params: unknown[]): number {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'postings%'").pluck().all() as string[];
  let n = 0;
  for (const table of tables) n += db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get(...params) as number;
  return n;
}
