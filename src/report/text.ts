import type { Trace } from '../types.js';

const percent = (x: number): string => `${Math.round(x * 100)}%`;
const dated = (site: string, published: string | null): string => (published ? `${site}, ${published}` : site);

/** A short readable summary of one trace. */
export function renderTraceText(trace: Trace): string {
  const lines = [`${trace.url}  (${dated(trace.site, trace.published)})`];
  if (trace.title) lines.push(`  "${trace.title}"`);
  const label = trace.verdict.toUpperCase().replace('-', ' ');
  lines.push(`  ${label}: ${percent(trace.coverage)} of its own words come from earlier articles`);
  if (trace.parent) lines.push(`  parent: ${trace.parent}`);
  for (const source of trace.sources) {
    const similarity = source.passages.reduce((s, p) => s + p.similarity, 0) / Math.max(1, source.passages.length);
    const swaps = source.substitutions.length ? `, ${source.substitutions.length} words changed` : '';
    lines.push(
      `  source ${percent(source.coverage).padStart(4)}  ${source.url}  (${dated(source.site, source.published)}; ${source.passages.length} passage${source.passages.length === 1 ? '' : 's'}, similarity ${similarity.toFixed(2)}${swaps})`,
    );
  }
  for (const related of trace.related) {
    lines.push(`  ${related.relation.padEnd(10)} ${percent(related.coverage).padStart(4)}  ${related.url}`);
  }
  if (trace.boilerplate.length) lines.push(`  boilerplate: ${trace.boilerplate.length} line${trace.boilerplate.length === 1 ? '' : 's'} repeated by its site`);
  return lines.join('\n');
}
