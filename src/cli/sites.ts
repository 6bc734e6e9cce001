import { storyFamilies } from '../families/index.js';
import { renderSiteText, siteProfiles } from '../sites/index.js';
import type { Store } from '../store/types.js';
import { traceAll } from '../trace/index.js';
import type { Trace } from '../types.js';
import { EXIT, openExisting } from './_io.js';
import { writeLine } from './trace.js';

export interface SitesCommandOptions {
  db: string;
  json?: boolean;
  site?: string;
  workers?: number;
}

/** The byline of every stored article, by url. */
async function bylines(store: Store): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (let after = 0; ; ) {
    const ids = await store.ids(after, 1000);
    if (ids.length === 0) return out;
    for (const a of await store.getMany(ids)) out.set(a.url, a.author);
    after = ids[ids.length - 1] as number;
  }
}

/** `newstrace sites`: traces every stored article and prints a profile of each site. */
export async function runSites(options: SitesCommandOptions): Promise<number> {
  const store = await openExisting(options.db);
  try {
    const traces: Trace[] = [];
    // kept slim: a profile needs sources' sites and the boilerplate lines, not the passages
    for await (const t of traceAll(store, { workers: options.workers ?? 1 })) {
      const bare = <T extends { passages: unknown[] }>(x: T): T => ({ ...x, passages: [], substitutions: [], added: [], dropped: [] });
      traces.push({ ...t, sources: t.sources.map(bare), related: t.related.filter((r) => r.relation === 'undecided').map(bare) });
    }
    const families = await storyFamilies((async function* () {
      yield* traces;
    })());
    const profiles = siteProfiles(traces, await bylines(store), families).filter((p) => !options.site || p.site === options.site);
    for (const p of profiles) await writeLine(options.json ? JSON.stringify(p) : `${renderSiteText(p)}\n`);
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
