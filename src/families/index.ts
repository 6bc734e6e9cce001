import { comparePublished, parsePublished } from '../text/dates.js';
import type { Trace } from '../types.js';

/** An article of a family, with where it sits in the derivation tree. */
export interface FamilyMember {
  url: string;
  site: string;
  title: string | null;
  published: string | null;
  verdict: Trace['verdict'];
  coverage: number;
  /** The article it copied directly (its parent), null for the origin and for articles whose source cannot be ordered. */
  parent: string | null;
  /** Hours from the origin's publication to this article's, when both dates are known. */
  hoursAfterOrigin: number | null;
  /** Copies between it and an article that copies no other: 0 for the origin (and a second story merged in), 1 for a direct copy … null when it hangs from no edge. */
  depth: number | null;
}

/** A derivation edge: `to` copied `from`. */
export interface FamilyEdge {
  from: string;
  to: string;
  /** Share of `to`'s own words found in `from`. */
  coverage: number;
  /** Hours from `from`'s publication to `to`'s, when both are known. */
  hours: number | null;
  /** Why this is the parent (the trace's own reason). */
  evidence: string;
}

export interface Family {
  /** 1, 2, … by size, largest first. */
  id: number;
  origin: { url: string; site: string; published: string | null; reason: string };
  articles: number;
  sites: number;
  members: FamilyMember[];
  edges: FamilyEdge[];
}

const hoursBetween = (from: string | null, to: string | null): number | null => {
  const a = from ? parsePublished(from) : null;
  const b = to ? parsePublished(to) : null;
  if (!a || !b) return null;
  const ms = (d: NonNullable<typeof a>): number => d.instant ?? Date.UTC(d.year, d.month - 1, d.day);
  return Math.round(((ms(b) - ms(a)) / 3_600_000) * 10) / 10;
};

/**
 * Groups traced articles into story families: articles linked by reuse (a
 * source, or text shared with an article whose date cannot be ordered
 * against theirs; quotations and same-site text do not link). Each family
 * gets its origin: the article that copies no other member, the earliest
 * such when there are several (and why); the derivation tree of parents,
 * with the evidence for each edge; and each member's delay after the origin.
 */
export async function storyFamilies(traces: AsyncIterable<Trace>, minSize = 2): Promise<Family[]> {
  const byUrl = new Map<string, Trace>();
  const parentOf = new Map<string, string>();
  // kept slim: a family needs the sources' urls, dates and coverage and the reasons, not the passages
  for await (const t of traces) byUrl.set(t.url, slim(t));
  // union-find over urls
  const up = new Map<string, string>();
  const find = (u: string): string => {
    let root = u;
    while (up.get(root) !== undefined && up.get(root) !== root) root = up.get(root) as string;
    let x = u;
    while (x !== root) {
      const next = up.get(x) as string;
      up.set(x, root);
      x = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    if (!up.has(a)) up.set(a, a);
    if (!up.has(b)) up.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) up.set(ra, rb);
  };
  for (const t of byUrl.values()) {
    if (!up.has(t.url)) up.set(t.url, t.url);
    for (const s of t.sources) if (byUrl.has(s.url)) union(t.url, s.url);
    for (const r of t.related) if (r.relation === 'undecided' && byUrl.has(r.url)) union(t.url, r.url);
    if (t.parent && byUrl.has(t.parent)) parentOf.set(t.url, t.parent);
  }
  const groups = new Map<string, Trace[]>();
  for (const t of byUrl.values()) {
    const root = find(t.url);
    const group = groups.get(root) ?? [];
    group.push(t);
    groups.set(root, group);
  }
  const families: Family[] = [];
  for (const group of groups.values()) {
    if (group.length < minSize) continue;
    families.push(familyOf(group, parentOf));
  }
  families.sort((a, b) => b.articles - a.articles || (a.origin.published ?? '').localeCompare(b.origin.published ?? ''));
  families.forEach((f, k) => (f.id = k + 1));
  return families;
}

/** What families need of a trace (tracing a large store keeps one of these per article). */
function slim(t: Trace): Trace {
  return {
    ...t,
    sources: t.sources.map((x) => ({ ...x, passages: [], substitutions: [], added: [], dropped: [] })),
    related: t.related.filter((r) => r.relation === 'undecided').map((x) => ({ ...x, passages: [], substitutions: [], added: [], dropped: [] })),
    boilerplate: [],
    reasons: t.reasons.filter((r) => t.parent !== null && r.startsWith(`parent ${t.parent}`)),
  };
}

const byDate = (a: Trace, b: Trace): number => comparePublished(a.published, b.published);

function familyOf(group: Trace[], parentOf: Map<string, string>): Family {
  const roots = group.filter((t) => t.sources.length === 0).sort(byDate);
  const origin = (roots[0] ?? [...group].sort(byDate)[0]) as Trace;
  let reason: string;
  if (roots.length === 1) reason = 'the only article of the family that copies no other';
  else if (roots.length > 1) {
    const tied = roots.filter((r) => byDate(r, origin) === 0).length;
    reason =
      tied > 1
        ? `the earliest of ${roots.length} articles that copy no other, though ${tied} of them cannot be ordered by date`
        : `the earliest of ${roots.length} articles that copy no other`;
  } else reason = 'every article copies another: the earliest';
  const edges: FamilyEdge[] = [];
  const members = new Set(group.map((t) => t.url));
  for (const t of group) {
    const parent = parentOf.get(t.url);
    if (!parent || !members.has(parent)) continue;
    const source = t.sources.find((s) => s.url === parent);
    const evidence = t.reasons.find((r) => r.startsWith(`parent ${parent}`)) ?? `parent ${parent}`;
    edges.push({ from: parent, to: t.url, coverage: source?.coverage ?? 0, hours: hoursBetween(source?.published ?? null, t.published), evidence: evidence.replace(`parent ${parent}: `, '') });
  }
  // depth counts copies from an article that copies no other (the origin, or a second story merged in)
  const depth = new Map<string, number>([[origin.url, 0], ...roots.map((r) => [r.url, 0] as [string, number])]);
  const depthOf = (url: string, seen = new Set<string>()): number | null => {
    if (depth.has(url)) return depth.get(url) as number;
    const parent = parentOf.get(url);
    if (!parent || !members.has(parent) || seen.has(url)) return null;
    seen.add(url);
    const d = depthOf(parent, seen);
    if (d === null) return null;
    depth.set(url, d + 1);
    return d + 1;
  };
  const listed: FamilyMember[] = [...group].sort(byDate).map((t) => ({
    url: t.url,
    site: t.site,
    title: t.title,
    published: t.published,
    verdict: t.verdict,
    coverage: t.coverage,
    parent: members.has(parentOf.get(t.url) ?? '') ? (parentOf.get(t.url) as string) : null,
    hoursAfterOrigin: hoursBetween(origin.published, t.published),
    depth: depthOf(t.url),
  }));
  return {
    id: 0,
    origin: { url: origin.url, site: origin.site, published: origin.published, reason },
    articles: group.length,
    sites: new Set(group.map((t) => t.site)).size,
    members: listed,
    edges,
  };
}

/** A family as readable text: its origin, then its derivation tree drawn with its delays. */
export function renderFamilyText(f: Family): string {
  const lines = [`family ${f.id}: ${f.articles} articles on ${f.sites} sites`, `  origin ${f.origin.url}${f.origin.published ? ` (${f.origin.published})` : ''}: ${f.origin.reason}`];
  const children = new Map<string, FamilyMember[]>();
  for (const m of f.members) {
    if (!m.parent) continue;
    const list = children.get(m.parent) ?? [];
    list.push(m);
    children.set(m.parent, list);
  }
  const byUrl = new Map(f.members.map((m) => [m.url, m]));
  const delay = (m: FamilyMember): string => (m.hoursAfterOrigin === null ? '' : `  +${m.hoursAfterOrigin} h`);
  const draw = (url: string, prefix: string, last: boolean, top: boolean): void => {
    const m = byUrl.get(url) as FamilyMember;
    lines.push(`${prefix}${top ? '' : last ? '└─ ' : '├─ '}${m.url}  ${m.verdict} ${Math.round(m.coverage * 100)}%${top ? '' : delay(m)}`);
    const kids = children.get(url) ?? [];
    kids.forEach((k, i) => draw(k.url, top ? prefix : `${prefix}${last ? '   ' : '│  '}`, i === kids.length - 1, false));
  };
  draw(f.origin.url, '  ', true, true);
  for (const m of f.members) if (m.url !== f.origin.url && m.depth === 0) {
    lines.push('  also copying no other:');
    draw(m.url, '  ', true, true);
  }
  const loose = f.members.filter((m) => m.depth === null);
  for (const m of loose) lines.push(`  ·  ${m.url}  ${m.verdict}${delay(m)} (shares text with the family; the dates cannot order it)`);
  return lines.join('\n');
}
