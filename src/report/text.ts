import type { Trace } from '../types.js';

const LABELS: Record<string, string> = {
  later: 'reused by',
  'same-site': 'same site',
  undecided: 'undecided',
  'quote-only': 'quotes only',
};
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

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
    const changed = source.substitutions.reduce((n, s) => n + s.count, 0);
    const swaps = changed ? `, ${plural(changed, 'word')} changed` : '';
    lines.push(
      `  source      ${percent(source.coverage).padStart(4)}  ${source.url}  (${dated(source.site, source.published)}; ${plural(source.passages.length, 'passage')}, similarity ${similarity.toFixed(2)}${swaps})`,
    );
  }
  for (const related of trace.related) {
    lines.push(`  ${(LABELS[related.relation] ?? related.relation).padEnd(11)} ${percent(related.coverage).padStart(4)}  ${related.url}`);
  }
  if (trace.boilerplate.length) lines.push(`  boilerplate: ${plural(trace.boilerplate.length, 'line')} repeated by its site, left out of coverage`);
  return lines.join('\n');
}
