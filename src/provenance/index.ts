import type { AlignedPassage } from '../align/index.js';
import type { VerdictParams } from '../defaults.js';
import { compareDates, parsePublished } from '../text/dates.js';
import { FLAG_QUOTED, type Tokens } from '../text/tokenize.js';
import type {
  Article,
  Boilerplate,
  ChangeFields,
  Passage,
  Relation,
  RelatedReport,
  SourceReport,
  Substitution,
  TextSpan,
  Trace,
  Verdict,
} from '../types.js';

/** A stored article that shares passages with the traced one. */
export interface Match {
  article: Article;
  tokens: Tokens;
  passages: AlignedPassage[];
}

interface Judged {
  match: Match;
  relation: Relation | 'source';
  /** Words of the traced article covered by this match's passages (boilerplate left out). */
  covered: Uint8Array;
  coverage: number;
  /** Words of the traced article aligned with an identical word of this text. */
  identical: Uint8Array;
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/**
 * Decides what an article is, given its passages shared with other stored
 * articles (README, "Verdict rules"):
 * 1. classify each match: same site, later, undecided by date, quotation or
 *    boilerplate only, or a source;
 * 2. coverage = own words inside source passages / own words;
 * 3. verdict by the coverage thresholds;
 * 4. parent = the largest source, or among sources that explain the same
 *    words about equally well, the one the article follows most closely
 *    (carrying its changes), else the earliest.
 */
export function judge(
  article: Article,
  tokens: Tokens,
  boilerplate: Boilerplate[],
  matches: Match[],
  params: VerdictParams,
): Trace {
  const excluded = maskSpans(tokens, boilerplate);
  let ownWords = 0;
  for (let i = 0; i < tokens.count; i++) if (!excluded[i]) ownWords++;
  const date = article.published ? parsePublished(article.published) : null;

  const judged = matches
    .filter((m) => m.passages.length > 0)
    .map((match): Judged => {
      const covered = new Uint8Array(tokens.count);
      const identical = new Uint8Array(tokens.count);
      let coveredWords = 0;
      for (const p of match.passages) {
        for (const i of p.identical) identical[i] = 1;
        for (let i = p.aBegin; i < p.aEnd; i++) {
          if (!excluded[i] && !covered[i]) {
            covered[i] = 1;
            coveredWords++;
          }
        }
      }
      return {
        match,
        relation: relationOf(article, date, tokens, excluded, match, params),
        covered,
        coverage: ownWords ? coveredWords / ownWords : 0,
        identical,
      };
    });

  const sources = judged.filter((j) => j.relation === 'source').sort((x, y) => y.coverage - x.coverage);
  const union = new Uint8Array(tokens.count);
  for (const s of sources) for (let i = 0; i < tokens.count; i++) if (s.covered[i]) union[i] = 1;
  let coveredWords = 0;
  for (let i = 0; i < tokens.count; i++) coveredWords += union[i] as number;
  const coverage = ownWords ? coveredWords / ownWords : 0;
  const verdict: Verdict = coverage >= params.copy ? 'copy' : coverage >= params.partialCopy ? 'partial-copy' : 'original';
  const reasons: string[] = [];
  if (sources.length > 0) {
    reasons.push(`${Math.round(coverage * 100)}% of its own words are found in ${sources.length} earlier article${sources.length > 1 ? 's' : ''} of other sites`);
  } else reasons.push('none of its text is found in an earlier article of another site');
  const parent = sources.length > 0 ? chooseParent(sources, params, reasons) : null;
  for (const j of judged) if (j.relation !== 'source') reasons.push(explainRelation(j));

  return {
    url: article.url,
    title: article.title,
    site: article.site,
    published: article.published,
    verdict,
    coverage: round(coverage),
    parent: parent ? parent.match.article.url : null,
    sources: sources.map((s) => report(s, tokens, article)),
    boilerplate,
    related: judged
      .filter((j) => j.relation !== 'source')
      .sort((x, y) => y.coverage - x.coverage)
      .map((j) => relatedReport(j, tokens, article)),
    reasons,
  };
}

function relationOf(
  article: Article,
  date: ReturnType<typeof parsePublished>,
  tokens: Tokens,
  excluded: Uint8Array,
  match: Match,
  params: VerdictParams,
): Relation | 'source' {
  const other = match.article;
  if (other.site === article.site) return 'same-site';
  const otherDate = other.published ? parsePublished(other.published) : null;
  const order = date && otherDate ? compareDates(otherDate, date) : 0;
  if (order > 0) return 'later';
  if (order === 0) return 'undecided';
  const copied = match.passages.some((p) => {
    let outside = 0;
    for (let i = p.aBegin; i < p.aEnd; i++) if (!excluded[i] && !((tokens.flags[i] as number) & FLAG_QUOTED)) outside++;
    return outside >= params.minWordsOutsideQuotes;
  });
  return copied ? 'source' : 'quote-only';
}

function chooseParent(sources: Judged[], params: VerdictParams, reasons: string[]): Judged {
  const best = sources[0] as Judged;
  // Sources that explain the same words about as well as the best one.
  const tied = sources.filter((s) => s === best || (best.coverage - s.coverage <= params.parentTie && overlap(s.covered, best.covered) >= 0.8));
  const name = (s: Judged): string => s.match.article.url;
  if (tied.length === 1) {
    if (sources.length > 1) reasons.push(`parent ${name(best)}: the source that explains most of it`);
    else reasons.push(`parent ${name(best)}: its only earlier source`);
    return best;
  }
  // A source whose own changes the article carries matches words that the
  // others do not: it dominates them. Without such evidence, the earliest.
  const dominated = new Set<Judged>();
  let evidence = 0;
  for (const x of tied) {
    for (const y of tied) {
      if (x === y) continue;
      const lead = exclusive(x.identical, y.identical) - exclusive(y.identical, x.identical);
      if (lead >= params.parentEvidence) dominated.add(y);
    }
  }
  const open = tied.filter((s) => !dominated.has(s));
  if (open.length === 1) {
    const top = open[0] as Judged;
    for (const y of tied) if (y !== top) evidence = Math.max(evidence, exclusive(top.identical, y.identical));
    reasons.push(
      `parent ${name(top)}: of ${tied.length} sources that explain it equally well, it is the one whose changes this article carries (${evidence} words found only there)`,
    );
    return top;
  }
  const earliest = [...(open.length ? open : tied)].sort((x, y) => {
    const dx = parsePublished(x.match.article.published as string);
    const dy = parsePublished(y.match.article.published as string);
    return dx && dy ? compareDates(dx, dy) : 0;
  })[0] as Judged;
  reasons.push(`parent ${name(earliest)}: the earliest of ${tied.length} sources that explain it equally well`);
  return earliest;
}

/** Words set in `a` and not in `b`. */
function exclusive(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] && !b[i]) n++;
  return n;
}

/** Share of the smaller set that the two sets have in common. */
function overlap(a: Uint8Array, b: Uint8Array): number {
  let both = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    na += a[i] as number;
    nb += b[i] as number;
    if (a[i] && b[i]) both++;
  }
  const smaller = Math.min(na, nb);
  return smaller ? both / smaller : 0;
}

function explainRelation(j: Judged): string {
  const url = j.match.article.url;
  switch (j.relation) {
    case 'same-site':
      return `shares text with ${url} of the same site (not counted as copying)`;
    case 'later':
      return `${url} was published later and reuses its text`;
    case 'undecided':
      return `shares text with ${url}, but their dates do not tell which came first`;
    default:
      return `shares only quotations or boilerplate with ${url}`;
  }
}

/**
 * What a related article shares with the traced one; what it changed comes
 * only for an `undecided` relation. A later article's changes are its own
 * trace's to tell (an original copied by a hundred sites would otherwise
 * repeat every copy's changes), and same-site or quotation-only reuse makes
 * no copy to describe.
 */
function relatedReport(j: Judged, tokens: Tokens, article: Article): RelatedReport {
  const relation = j.relation as Relation;
  if (relation === 'undecided') return { ...report(j, tokens, article), relation };
  return { ...sharedReport(j, tokens).shared, relation };
}

/** The source, and what of it the article shares: passages and coverage on both sides. */
function sharedReport(j: Judged, tokens: Tokens): { shared: Omit<SourceReport, ChangeFields>; sourceCovered: Uint8Array } {
  const source = j.match.article;
  const st = j.match.tokens;
  const sourceCovered = new Uint8Array(st.count);
  const passages: Passage[] = j.match.passages.map((p) => {
    for (let k = p.bBegin; k < p.bEnd; k++) sourceCovered[k] = 1;
    return {
      begin: tokens.begin[p.aBegin] as number,
      end: tokens.end[p.aEnd - 1] as number,
      sourceBegin: st.begin[p.bBegin] as number,
      sourceEnd: st.end[p.bEnd - 1] as number,
      similarity: round(p.matches / p.columns),
    };
  });
  let reused = 0;
  for (let k = 0; k < st.count; k++) reused += sourceCovered[k] as number;
  const shared = {
    url: source.url,
    title: source.title,
    site: source.site,
    published: source.published,
    coverage: round(j.coverage),
    sourceCoverage: round(st.count ? reused / st.count : 0),
    passages,
  };
  return { shared, sourceCovered };
}

/** A source: what the article shares with it, and what it changed (words, order, text added and dropped). */
function report(j: Judged, tokens: Tokens, article: Article): SourceReport {
  const { shared, sourceCovered } = sharedReport(j, tokens);
  let pairs = 0;
  let differ = 0;
  for (const p of j.match.passages) {
    pairs += p.matches + p.substitutions.length / 2;
    differ += p.substitutions.length / 2;
  }
  const inCopy = new Uint8Array(tokens.count);
  for (const p of j.match.passages) inCopy.fill(1, p.aBegin, p.aEnd);
  return {
    ...shared,
    substitutions: substitutions(j.match, tokens, article),
    changed: round(pairs ? differ / pairs : 0),
    reordered: reordered(j.match.passages),
    added: outside(tokens, inCopy),
    dropped: outside(j.match.tokens, sourceCovered),
  };
}

/** Whether passages that follow each other in the copy come in another order in the source. */
function reordered(passages: Match['passages']): boolean {
  const inCopyOrder = [...passages].sort((x, y) => x.aBegin - y.aBegin);
  for (let k = 1; k < inCopyOrder.length; k++) if ((inCopyOrder[k] as AlignedPassage).bBegin < (inCopyOrder[k - 1] as AlignedPassage).bEnd) return true;
  return false;
}

/** Words outside the covered ones, as spans of MIN_SPAN_WORDS words or more (shorter gaps are the edges of edits). */
function outside(tokens: Tokens, covered: Uint8Array): TextSpan[] {
  const out: TextSpan[] = [];
  for (let i = 0; i < tokens.count; ) {
    if (covered[i]) {
      i++;
      continue;
    }
    let k = i;
    while (k < tokens.count && !covered[k]) k++;
    if (k - i >= MIN_SPAN_WORDS) {
      const begin = tokens.begin[i] as number;
      const end = tokens.end[k - 1] as number;
      out.push({ begin, end, text: preview(tokens.text, begin, end) });
    }
    i = k;
  }
  return out;
}

/**
 * The text of a span, or the opening of a long one followed by " …": a trace
 * says what was added or dropped without repeating whole paragraphs of
 * stored text (the offsets give all of it).
 */
export function preview(text: string, begin: number, end: number): string {
  if (end - begin <= PREVIEW_CHARS) return text.slice(begin, end);
  let cut = begin + PREVIEW_CHARS;
  const space = text.lastIndexOf(' ', cut);
  if (space > begin + PREVIEW_CHARS / 2) cut = space;
  // never between the halves of a surrogate pair
  else if (/[\ud800-\udbff]/.test(text.charAt(cut - 1))) cut--;
  return `${text.slice(begin, cut)} …`;
}

/** Characters of an added or dropped span that a trace gives as its text. */
export const PREVIEW_CHARS = 120;

/** Added or dropped text shorter than this many words is not reported (the seams of a passage). */
const MIN_SPAN_WORDS = 3;

function substitutions(match: Match, tokens: Tokens, article: Article): Substitution[] {
  const counts = new Map<string, Substitution>();
  const st = match.tokens;
  const sites = [siteWords(article.site), siteWords(match.article.site)];
  for (const p of match.passages) {
    for (let k = 0; k < p.substitutions.length; k += 2) {
      const j = p.substitutions[k] as number;
      const i = p.substitutions[k + 1] as number;
      const from = st.text.slice(st.begin[j], st.end[j]);
      const to = tokens.text.slice(tokens.begin[i], tokens.end[i]);
      const keyed = `${from}\u0000${to}`;
      const entry = counts.get(keyed);
      if (entry) {
        entry.count++;
        // a word capitalised mid-sentence once is a name, even where it also begins a sentence
        if (entry.kind === 'word' && (isName(st, j, sites) || isName(tokens, i, sites))) entry.kind = 'name';
      } else counts.set(keyed, { from, to, count: 1, kind: isName(st, j, sites) || isName(tokens, i, sites) ? 'name' : 'word' });
    }
  }
  return [...counts.values()].sort((x, y) => y.count - x.count);
}

/** The words of a site's name ("daily-buzz.example" → daily, buzz), for telling an outlet's name in the text. */
function siteWords(site: string): Set<string> {
  return new Set(site.toLowerCase().replace(/^www\./, '').replace(/\.[a-z]{2,}$/, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3));
}

/**
 * Whether word `i` is a proper name: capitalised where a sentence does not
 * begin (after a lower-case word, a comma …), or one of the sites' names.
 * Scripts without capitals have no such clue: their swapped names count as words.
 */
function isName(tokens: Tokens, i: number, sites: Array<Set<string>>): boolean {
  const word = tokens.text.slice(tokens.begin[i], tokens.end[i]);
  const lower = word.toLowerCase();
  if (sites.some((s) => s.has(lower))) return true;
  const first = word.charAt(0);
  if (first === first.toLowerCase() || first !== first.toUpperCase()) return false;
  // the nearest character before the word that is not a space or a quotation mark
  let k = (tokens.begin[i] as number) - 1;
  while (k >= 0 && /[^\S\n]|["“”„«»'‘’(\[]/u.test(tokens.text.charAt(k))) k--;
  return k >= 0 && !/[.!?:;\n…]/u.test(tokens.text.charAt(k));
}

/** 1 for each word that starts inside one of the spans. */
function maskSpans(tokens: Tokens, spans: Boilerplate[]): Uint8Array {
  const mask = new Uint8Array(tokens.count);
  for (const span of spans) {
    for (let i = 0; i < tokens.count; i++) {
      const b = tokens.begin[i] as number;
      if (b >= span.begin && b < span.end) mask[i] = 1;
    }
  }
  return mask;
}
