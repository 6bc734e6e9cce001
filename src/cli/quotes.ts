import type { Quote } from '../attribution/index.js';
import { groupQuotes, type QuoteGroup } from '../attribution/quotes.js';
import type { Store } from '../store/types.js';
import { attributionsOf } from '../trace/attribution.js';
import { EXIT, count, openExisting } from './_io.js';
import { writeLine } from './trace.js';

export interface QuotesCommandOptions {
  db: string;
  json?: boolean;
  speaker?: string;
  text?: string;
}

/** The quotations of every stored article (as the store keeps them; read and kept when it has none). */
async function* storedQuotes(store: Store): AsyncGenerator<{ url: string; site: string; published: string | null; quotes: Quote[] }> {
  for (let after = 0; ; ) {
    const ids = await store.ids(after, 500);
    if (ids.length === 0) return;
    const articles = await store.getMany(ids);
    const read = await attributionsOf(store, articles);
    for (const a of articles) yield { url: a.url, site: a.site, published: a.published, quotes: read.get(a.id)?.quotes ?? [] };
    after = ids[ids.length - 1] as number;
  }
}

function matches(group: QuoteGroup, options: QuotesCommandOptions): boolean {
  if (options.speaker) {
    const wanted = options.speaker.toLowerCase();
    if (!group.speakers.some((s) => s.name?.toLowerCase().includes(wanted))) return false;
  }
  if (options.text) {
    const words = options.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const text = group.appearances.map((a) => a.text.toLowerCase()).join(' ');
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

function renderGroup(g: QuoteGroup): string {
  const articles = new Set(g.appearances.map((a) => a.url)).size;
  const who = g.speakers.map((s) => `${s.name ?? 'unattributed'}${s.articles > 1 ? ` (${s.articles})` : ''}`).join(', ');
  const lines = [`“${g.text.length > 240 ? `${g.text.slice(0, 239)}…` : g.text}”`, `  ${count(articles)} article${articles === 1 ? '' : 's'}; said by ${who}${g.conflict ? '  ⚠ attributed to different speakers' : ''}`];
  lines.push(`  first: ${g.earliest.url}${g.earliest.published ? ` (${g.earliest.published})` : ''}`);
  for (const a of g.appearances.slice(1, 8)) lines.push(`  also:  ${a.url}${a.published ? ` (${a.published})` : ''}${a.speaker !== g.earliest.speaker ? ` — said by ${a.speaker ?? 'no one named'}` : ''}`);
  if (g.appearances.length > 8) lines.push(`  … and ${g.appearances.length - 8} more`);
  return `${lines.join('\n')}\n`;
}

/** `newstrace quotes [--speaker NAME] [--text WORDS] [--json]`: quotations across the corpus, grouped. */
export async function runQuotes(options: QuotesCommandOptions): Promise<number> {
  const store = await openExisting(options.db);
  try {
    const all: Array<{ url: string; site: string; published: string | null; quotes: Quote[] }> = [];
    for await (const a of storedQuotes(store)) all.push(a);
    for (const g of groupQuotes(all)) if (matches(g, options)) await writeLine(options.json ? JSON.stringify(g) : renderGroup(g));
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
