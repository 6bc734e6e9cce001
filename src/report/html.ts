import { createHash } from 'node:crypto';
import type { Family } from '../families/index.js';
import type { Boilerplate, SourceReport, Trace } from '../types.js';

/** What the report shows: the trace, the texts it points into, the family it belongs to. */
export interface ReportInput {
  trace: Trace;
  /** The traced article's stored text (every offset of the trace points into it). */
  text: string;
  /** Stored texts of the sources, by url. */
  sourceTexts: Map<string, string>;
  family: Family | null;
}

/** Every character of article text that HTML could read as markup, escaped. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #6b6b70; --line: #d9d9de; --shared: #fff1a8; --subst: #ffc2b3; --from: #c8e6ff; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 24px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; } h2 { font-size: 1.15rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); } h3 { font-size: 1rem; margin: 18px 0 4px; }
.meta, .note { color: var(--muted); } .url { word-break: break-all; }
.verdict { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; }
.verdict.copy { background: #ffd6d6; } .verdict.partial-copy { background: #ffe9c7; } .verdict.original { background: #d7f5dc; }
table.aligned { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.aligned th { text-align: left; color: var(--muted); font-weight: 600; }
table.aligned td { vertical-align: top; padding: 6px 8px; border-top: 1px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
.shared { background: var(--shared); } .subst { background: var(--subst); text-decoration: underline; } .from { background: var(--from); text-decoration: line-through; }
.boilerplate { color: #9a9aa0; background: #f1f1f3; }
.added { border-left: 3px solid #e0a000; } .dropped { border-left: 3px solid #8a8a8a; }
svg text { font: 12px system-ui, sans-serif; } svg .node rect { fill: #f6f6f8; stroke: #9a9aa0; } svg .node.self rect { fill: #fff1a8; stroke: #b58900; } svg .edge { stroke: #8a8a90; fill: none; }
ol.timeline li { margin: 2px 0; }
`;

const STYLE_HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`;

/**
 * The Content-Security-Policy of every report: nothing may load or run (no
 * script at all, no requests), only the report's own style sheet applies.
 */
export const REPORT_CSP = `default-src 'none'; style-src '${STYLE_HASH}'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'`;

interface Overlay {
  begin: number;
  end: number;
  cls: string;
  title?: string;
}

/**
 * text[begin, end) as HTML, escaped, with the overlays as spans (a stretch
 * under several overlays gets all their classes).
 */
function renderSlice(text: string, begin: number, end: number, overlays: Overlay[]): string {
  const cuts = new Set([begin, end]);
  const inside = overlays.filter((o) => o.end > begin && o.begin < end);
  for (const o of inside) {
    cuts.add(Math.max(begin, o.begin));
    cuts.add(Math.min(end, o.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k] as number;
    const b = points[k + 1] as number;
    const on = inside.filter((o) => o.begin <= a && o.end >= b);
    const piece = escapeHtml(text.slice(a, b));
    if (on.length === 0) html += piece;
    else {
      const title = on.find((o) => o.title)?.title;
      html += `<span class="${on.map((o) => o.cls).join(' ')}"${title ? ` title="${escapeHtml(title)}"` : ''}>${piece}</span>`;
    }
  }
  return html;
}

/** The words of text[begin, end) that are in `words`, as overlays. */
function wordOverlays(text: string, begin: number, end: number, words: Set<string>, cls: string, title: (w: string) => string): Overlay[] {
  const out: Overlay[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
  const slice = text.slice(begin, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    if (words.has(m[0])) out.push({ begin: begin + m.index, end: begin + m.index + m[0].length, cls, title: title(m[0]) });
  }
  return out;
}

const boilerplateOverlays = (spans: Boilerplate[]): Overlay[] => spans.map((b) => ({ begin: b.begin, end: b.end, cls: 'boilerplate', title: b.kind }));

function sourceSection(input: ReportInput, s: SourceReport, index: number): string {
  const text = input.text;
  const sourceText = input.sourceTexts.get(s.url) ?? '';
  const toWords = new Map(s.substitutions.map((x) => [x.to, x]));
  const fromWords = new Map(s.substitutions.map((x) => [x.from, x]));
  const bp = boilerplateOverlays(input.trace.boilerplate);
  const rows: string[] = [];
  const passages = [...s.passages].sort((a, b) => a.begin - b.begin);
  let at = 0;
  const gap = (from: number, to: number): void => {
    if (!text.slice(from, to).trim()) return;
    rows.push(`<tr class="added"><td>${renderSlice(text, from, to, bp)}</td><td class="note">not in this source</td></tr>`);
  };
  passages.forEach((p, k) => {
    gap(at, p.begin);
    const left = renderSlice(text, p.begin, p.end, [
      { begin: p.begin, end: p.end, cls: 'shared' },
      ...bp,
      ...wordOverlays(text, p.begin, p.end, new Set(toWords.keys()), 'subst', (w) => `was “${toWords.get(w)?.from ?? ''}” in the source`),
    ]);
    const right = renderSlice(sourceText, p.sourceBegin, p.sourceEnd, [
      { begin: p.sourceBegin, end: p.sourceEnd, cls: 'shared' },
      ...wordOverlays(sourceText, p.sourceBegin, p.sourceEnd, new Set(fromWords.keys()), 'from', (w) => `became “${fromWords.get(w)?.to ?? ''}”`),
    ]);
    rows.push(`<tr class="passage" data-passage="${k}"><td>${left}</td><td>${right}</td></tr>`);
    at = p.end;
  });
  gap(at, text.length);
  for (const d of s.dropped) rows.push(`<tr class="dropped"><td class="note">dropped from the source</td><td>${escapeHtml(sourceText.slice(d.begin, d.end) || d.text)}</td></tr>`);
  const names = s.substitutions.filter((x) => x.kind === 'name');
  return `<section class="source" id="source-${index}">
<h3>${escapeHtml(s.title ?? s.url)}</h3>
<p class="meta"><span class="url">${escapeHtml(s.url)}</span> · ${escapeHtml(s.site)}${s.published ? ` · ${escapeHtml(s.published)}` : ''}</p>
<p>${Math.round(s.coverage * 100)}% of this article's own words come from it (${Math.round(s.sourceCoverage * 100)}% of the source reused); ${Math.round(s.changed * 100)}% of the aligned words changed${s.reordered ? '; paragraphs reordered' : ''}.</p>
${names.length ? `<p>Names replaced: ${names.map((x) => `<span class="from">${escapeHtml(x.from)}</span> → <span class="subst">${escapeHtml(x.to)}</span>${x.count > 1 ? ` ×${x.count}` : ''}`).join(', ')}</p>` : ''}
<table class="aligned"><colgroup><col><col></colgroup><tr><th>This article</th><th>Source</th></tr>
${rows.join('\n')}
</table>
</section>`;
}

/** The family drawn as a graph: one column per generation, an arrow from each source to its copy. */
function familyGraph(family: Family, self: string): string {
  const columns = new Map<number, string[]>();
  const depthOf = (url: string): number => family.members.find((m) => m.url === url)?.depth ?? 0;
  for (const m of family.members) {
    const d = m.depth ?? 0;
    const col = columns.get(d) ?? [];
    col.push(m.url);
    columns.set(d, col);
  }
  const W = 210;
  const H = 46;
  const pos = new Map<string, { x: number; y: number }>();
  for (const [d, urls] of columns) urls.forEach((u, k) => pos.set(u, { x: 10 + d * (W + 50), y: 10 + k * (H + 16) }));
  const width = Math.max(...[...pos.values()].map((p) => p.x)) + W + 10;
  const height = Math.max(...[...pos.values()].map((p) => p.y)) + H + 10;
  const site = new Map(family.members.map((m) => [m.url, m]));
  const edges = family.edges
    .filter((e) => pos.has(e.from) && pos.has(e.to))
    .map((e) => {
      const a = pos.get(e.from) as { x: number; y: number };
      const b = pos.get(e.to) as { x: number; y: number };
      const back = depthOf(e.to) <= depthOf(e.from);
      return `<path class="edge" marker-end="url(#arrow)" d="M${a.x + W} ${a.y + H / 2} C ${a.x + W + 25} ${a.y + H / 2}, ${b.x - 25 + (back ? W : 0)} ${b.y + H / 2}, ${b.x} ${b.y + H / 2}"><title>${escapeHtml(`${e.to} copied ${e.from}: ${e.evidence}`)}</title></path>`;
    });
  const nodes = [...pos].map(([url, p]) => {
    const m = site.get(url);
    const label = (s: string, n: number): string => escapeHtml(s.length > n ? `${s.slice(0, n - 1)}…` : s);
    const when = m?.hoursAfterOrigin ? `+${m.hoursAfterOrigin} h` : m?.published ?? '';
    return `<g class="node${url === self ? ' self' : ''}" data-url="${escapeHtml(url)}"><title>${escapeHtml(url)}</title><rect x="${p.x}" y="${p.y}" width="${W}" height="${H}" rx="6"/><text x="${p.x + 8}" y="${p.y + 18}">${label(m?.site ?? url, 30)}</text><text x="${p.x + 8}" y="${p.y + 36}">${label(`${m?.verdict ?? ''} ${when}`, 32)}</text></g>`;
  });
  return `<svg role="img" aria-label="derivation tree" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="#8a8a90"/></marker></defs>${edges.join('')}${nodes.join('')}</svg>`;
}

function timeline(family: Family, self: string): string {
  const items = family.members.map((m) => {
    const delay = m.hoursAfterOrigin === null ? '' : m.url === family.origin.url ? ' (origin)' : ` (+${m.hoursAfterOrigin} h)`;
    const mark = m.url === self ? ' <strong>this article</strong>' : '';
    return `<li><span class="meta">${escapeHtml(m.published ?? 'undated')}${delay}</span> ${escapeHtml(m.site)} — <span class="url">${escapeHtml(m.url)}</span> · ${escapeHtml(m.verdict)}${mark}</li>`;
  });
  return `<ol class="timeline">${items.join('')}</ol>`;
}

/**
 * One self-contained HTML page about one article: the verdict and its
 * reasons, the family tree drawn as a graph and its timeline, and the
 * article beside each source with the shared passages aligned and
 * highlighted, substitutions marked word by word and boilerplate greyed.
 * Article text is untrusted: every piece of it is escaped, the page holds
 * no script, and its Content-Security-Policy lets nothing load or run.
 */
export function renderReport(input: ReportInput): string {
  const t = input.trace;
  const verdict = t.verdict.replace('-', ' ');
  const bpKinds = new Map<string, number>();
  for (const b of t.boilerplate) bpKinds.set(b.kind, (bpKinds.get(b.kind) ?? 0) + 1);
  const family = input.family;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>newstrace: ${escapeHtml(t.title ?? t.url)}</title>
<style>${CSS}</style>
</head><body>
<header>
<h1>${escapeHtml(t.title ?? t.url)}</h1>
<p class="meta"><span class="url">${escapeHtml(t.url)}</span> · ${escapeHtml(t.site)}${t.published ? ` · ${escapeHtml(t.published)}` : ''}</p>
<p><span class="verdict ${t.verdict}">${escapeHtml(verdict)}</span> ${Math.round(t.coverage * 100)}% of its own words come from earlier articles${t.parent ? ` · parent <span class="url">${escapeHtml(t.parent)}</span>` : ''}</p>
<ul class="reasons">${t.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>
${t.boilerplate.length ? `<p class="note">Greyed: ${[...bpKinds].map(([k, n]) => `${n} ${escapeHtml(k)}`).join(', ')} — not the article's own text, left out of coverage.</p>` : ''}
</header>
${family ? `<section id="family"><h2>Story family: ${family.articles} articles on ${family.sites} sites</h2><p>Origin: <span class="url">${escapeHtml(family.origin.url)}</span> — ${escapeHtml(family.origin.reason)}.</p>${familyGraph(family, t.url)}<h2>Timeline</h2>${timeline(family, t.url)}</section>` : ''}
<section id="sources"><h2>${t.sources.length ? 'Sources, side by side' : 'No earlier source'}</h2>
${t.sources.map((s, k) => sourceSection(input, s, k)).join('\n')}
</section>
<footer class="note"><p>Made by newstrace. Highlighted: text shared with the source; underlined: words this article put in place of the source's (struck through on the source's side); grey: boilerplate.</p></footer>
</body></html>
`;
}
