import { NewstraceError } from '../errors.js';
import { storyFamilies } from '../families/index.js';
import type { Store } from '../store/types.js';
import { traceArticle } from '../trace/index.js';
import type { Trace } from '../types.js';
import { renderReport } from './html.js';

/** Articles traced at most to find a report's family (the article's sources and copies, theirs, and so on). */
const FAMILY_LIMIT = 300;

/**
 * The HTML report of a stored article: its trace, its sources' texts, and
 * its family, found by tracing outwards from it (sources, later copies,
 * articles whose order the dates cannot tell) up to FAMILY_LIMIT articles.
 */
export async function reportHtml(store: Store, url: string): Promise<string> {
  const article = await store.getByUrl(url);
  if (!article) throw new NewstraceError('NOT_FOUND', 'no stored article has this url', { where: url });
  const traces = new Map<string, Trace>();
  const queue = [url];
  while (queue.length > 0 && traces.size < FAMILY_LIMIT) {
    const next = queue.shift() as string;
    if (traces.has(next)) continue;
    const stored = next === url ? article : await store.getByUrl(next);
    if (!stored) continue;
    const trace = await traceArticle(store, stored);
    traces.set(next, trace);
    for (const s of trace.sources) queue.push(s.url);
    for (const r of trace.related) if (r.relation === 'later' || r.relation === 'undecided') queue.push(r.url);
  }
  const trace = traces.get(url) as Trace;
  const families = await storyFamilies((async function* () {
    yield* traces.values();
  })());
  const sourceTexts = new Map<string, string>();
  for (const s of trace.sources) {
    const source = await store.getByUrl(s.url);
    if (source) sourceTexts.set(s.url, source.text);
  }
  return renderReport({
    trace,
    text: article.text,
    sourceTexts,
    family: families.find((f) => f.members.some((m) => m.url === url)) ?? null,
  });
}
