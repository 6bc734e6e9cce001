import type { Family } from '../families/index.js';
import type { BoilerplateKind, Trace } from '../types.js';

export interface SiteProfile {
  site: string;
  articles: number;
  /** Articles that are copies or partial copies, and their share. */
  copies: number;
  copyShare: number;
  /** The sites it takes text from most, by articles. */
  sources: Array<{ site: string; articles: number }>;
  /** Median hours from a story's origin to this site's copy of it (null without dated copies). */
  medianDelayHours: number | null;
  /** Bylines of its articles, most frequent first. */
  authors: Array<{ name: string; articles: number }>;
  /** Biographies under its articles: how often, under which bylines, and on which other sites the same text appears. */
  bios: Array<{ text: string; articles: number; authors: string[]; otherSites: string[] }>;
  /** Lines that are not its articles' own text (its template, calls to action, credit lines), most frequent first. */
  boilerplate: Array<{ text: string; kind: BoilerplateKind; articles: number; otherSites: string[] }>;
  /** Sites that carry some of the same boilerplate lines, with how many lines they share. */
  sharesBoilerplateWith: Array<{ site: string; lines: number }>;
}

/** Boilerplate lines listed per site at most (the most frequent). */
const MAX_LINES = 20;

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const ranked = (counts: Map<string, number>): Array<[string, number]> => [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

/**
 * A profile of each site from the traces of its articles: how much of what
 * it publishes is copied and from whom, how soon after the origin, its
 * bylines and the biographies under them (the same biography under other
 * bylines or on other sites gives a persona away), and the lines it adds to
 * articles, with the sites that add the same lines.
 */
export function siteProfiles(traces: Trace[], authors: Map<string, string | null>, families: Family[]): SiteProfile[] {
  const delays = new Map<string, number[]>();
  for (const family of families) {
    for (const m of family.members) {
      if (m.url === family.origin.url || m.hoursAfterOrigin === null || m.verdict === 'original') continue;
      const list = delays.get(m.site) ?? [];
      list.push(m.hoursAfterOrigin);
      delays.set(m.site, list);
    }
  }
  // where each line of boilerplate appears: sites, articles, bylines
  const lines = new Map<string, { kind: BoilerplateKind; sites: Map<string, number>; authors: Set<string> }>();
  for (const t of traces) {
    for (const b of new Map(t.boilerplate.map((x) => [x.text, x])).values()) {
      const entry = lines.get(b.text) ?? { kind: b.kind, sites: new Map(), authors: new Set<string>() };
      entry.sites.set(t.site, (entry.sites.get(t.site) ?? 0) + 1);
      const author = authors.get(t.url);
      if (author) entry.authors.add(author);
      // a line is named for what it says wherever it is found so
      if (entry.kind === 'site-template' && b.kind !== 'site-template') entry.kind = b.kind;
      lines.set(b.text, entry);
    }
  }
  const bySite = new Map<string, Trace[]>();
  for (const t of traces) {
    const list = bySite.get(t.site) ?? [];
    list.push(t);
    bySite.set(t.site, list);
  }
  const profiles: SiteProfile[] = [];
  for (const [site, own] of bySite) {
    const copies = own.filter((t) => t.verdict !== 'original').length;
    const sources = new Map<string, number>();
    const bylines = new Map<string, number>();
    for (const t of own) {
      for (const s of new Set(t.sources.map((x) => x.site))) sources.set(s, (sources.get(s) ?? 0) + 1);
      const author = authors.get(t.url);
      if (author) bylines.set(author, (bylines.get(author) ?? 0) + 1);
    }
    const mine = [...lines].filter(([, e]) => e.sites.has(site));
    const others = (e: { sites: Map<string, number> }): string[] => [...e.sites.keys()].filter((s) => s !== site).sort();
    const shared = new Map<string, number>();
    for (const [, e] of mine) for (const other of others(e)) shared.set(other, (shared.get(other) ?? 0) + 1);
    profiles.push({
      site,
      articles: own.length,
      copies,
      copyShare: Math.round((copies / own.length) * 1e4) / 1e4,
      sources: ranked(sources).map(([s, articles]) => ({ site: s, articles })),
      medianDelayHours: median(delays.get(site) ?? []),
      authors: ranked(bylines).map(([name, articles]) => ({ name, articles })),
      bios: mine
        .filter(([, e]) => e.kind === 'author-bio')
        .map(([text, e]) => ({ text, articles: e.sites.get(site) as number, authors: [...e.authors].sort(), otherSites: others(e) })),
      boilerplate: mine
        .filter(([, e]) => e.kind !== 'author-bio')
        .sort((x, y) => (y[1].sites.get(site) as number) - (x[1].sites.get(site) as number))
        .slice(0, MAX_LINES)
        .map(([text, e]) => ({ text, kind: e.kind, articles: e.sites.get(site) as number, otherSites: others(e) })),
      sharesBoilerplateWith: ranked(shared).map(([s, n]) => ({ site: s, lines: n })),
    });
  }
  return profiles.sort((a, b) => b.copies - a.copies || b.articles - a.articles || (a.site < b.site ? -1 : 1));
}

/** A site's profile as readable text. */
export function renderSiteText(p: SiteProfile): string {
  const out = [`${p.site}: ${p.articles} articles, ${p.copies} copies (${Math.round(p.copyShare * 100)}%)`];
  if (p.sources.length) out.push(`  copies from: ${p.sources.slice(0, 8).map((s) => `${s.site} (${s.articles})`).join(', ')}`);
  if (p.medianDelayHours !== null) out.push(`  median delay after the origin: ${p.medianDelayHours} h`);
  if (p.authors.length) out.push(`  bylines: ${p.authors.slice(0, 8).map((a) => `${a.name} (${a.articles})`).join(', ')}`);
  for (const bio of p.bios) {
    const under = bio.authors.length > 1 ? ` under ${bio.authors.length} bylines (${bio.authors.join(', ')})` : '';
    const elsewhere = bio.otherSites.length ? `, also on ${bio.otherSites.join(', ')}` : '';
    out.push(`  biography in ${bio.articles} articles${under}${elsewhere}: "${bio.text.slice(0, 120)}${bio.text.length > 120 ? '…' : ''}"`);
  }
  for (const line of p.boilerplate.slice(0, 8)) {
    out.push(`  ${line.kind} ×${line.articles}${line.otherSites.length ? ` (also ${line.otherSites.join(', ')})` : ''}: "${line.text.slice(0, 100)}"`);
  }
  if (p.sharesBoilerplateWith.length) out.push(`  shares boilerplate with: ${p.sharesBoilerplateWith.slice(0, 8).map((s) => `${s.site} (${s.lines})`).join(', ')}`);
  return out.join('\n');
}
