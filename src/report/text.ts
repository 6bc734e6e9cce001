import type { Trace } from '../types.js';

const LABELS: Record<string, string> = {
  later: 'reused by',
  'same-site': 'same site',
  undecided: 'undecided',
  'quote-only': 'quotes only',
};
const BOILERPLATE_LABELS: Record<string, string> = {
  'site-template': 'line(s) repeated by its site',
  'author-bio': "author's biography",
  'call-to-action': 'call(s) to action',
  'credit-line': 'credit line(s)',
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
    const swaps = changed ? `, ${plural(changed, 'word')} changed (${percent(source.changed)})` : '';
    const order = source.reordered ? ', reordered' : '';
    lines.push(
      `  source      ${percent(source.coverage).padStart(4)}  ${source.url}  (${dated(source.site, source.published)}; ${plural(source.passages.length, 'passage')}, similarity ${similarity.toFixed(2)}${swaps}${order})`,
    );
    const names = source.substitutions.filter((x) => x.kind === 'name');
    if (names.length) lines.push(`              names replaced: ${names.slice(0, 6).map((x) => `${x.from} → ${x.to}${x.count > 1 ? ` ×${x.count}` : ''}`).join(', ')}`);
    if (source.added.length || source.dropped.length) {
      const words = (spans: Array<{ text: string }>): number => spans.reduce((n, x) => n + x.text.split(/\s+/).length, 0);
      lines.push(`              added ${plural(words(source.added), 'word')} in ${source.added.length}, dropped ${plural(words(source.dropped), 'word')} of the source in ${source.dropped.length} place${source.dropped.length === 1 ? '' : 's'}`);
    }
  }
  for (const related of trace.related) {
    lines.push(`  ${(LABELS[related.relation] ?? related.relation).padEnd(11)} ${percent(related.coverage).padStart(4)}  ${related.url}`);
  }
  const sourced = trace as Trace & { quotes?: Array<{ speaker: string | null }>; citations?: Array<{ name: string }>; anonymous?: unknown[] };
  if (sourced.quotes) {
    const by = new Map<string, number>();
    for (const q of sourced.quotes) by.set(q.speaker ?? 'unattributed', (by.get(q.speaker ?? 'unattributed') ?? 0) + 1);
    const speakers = [...by].sort((a, b) => b[1] - a[1]).map(([n, k]) => (k > 1 ? `${n} ×${k}` : n));
    lines.push(`  quotes: ${sourced.quotes.length}${speakers.length ? ` (${speakers.slice(0, 6).join(', ')})` : ''}; citations: ${(sourced.citations ?? []).map((c) => c.name).slice(0, 6).join(', ') || 'none'}; anonymous sources: ${(sourced.anonymous ?? []).length}`);
    for (const source of trace.sources as Array<{ url: string; attribution?: { quotes: Array<{ status: string }>; citations: Array<{ status: string; name: string }> } }>) {
      if (!source.attribution) continue;
      const count = (status: string): number => source.attribution?.quotes.filter((q) => q.status === status).length ?? 0;
      const dropped = source.attribution.citations.filter((c) => c.status === 'dropped').map((c) => c.name);
      const added = source.attribution.citations.filter((c) => c.status === 'added').map((c) => c.name);
      lines.push(`  from ${source.url}: quotes kept ${count('kept')}, changed ${count('changed')}, dropped ${count('dropped')}${dropped.length ? `; citations dropped: ${dropped.join(', ')}` : ''}${added.length ? `; citations added: ${added.join(', ')}` : ''}`);
    }
  }
  if (trace.boilerplate.length) {
    const kinds = new Map<string, number>();
    for (const b of trace.boilerplate) kinds.set(b.kind, (kinds.get(b.kind) ?? 0) + 1);
    lines.push(`  boilerplate, left out of coverage: ${[...kinds].map(([kind, n]) => `${n} ${BOILERPLATE_LABELS[kind] ?? kind}`).join(', ')}`);
  }
  return lines.join('\n');
}
