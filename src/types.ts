/** Half-open range of UTF-16 offsets (JavaScript string indices) into a text. */
export interface Span {
  begin: number;
  end: number;
}

/** Precision of a publication date, from coarse to fine. */
export type DatePrecision = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

/** What a user hands to `ingest`: one record of JSON Lines, a JSON object, a text or an HTML file. */
export interface ArticleInput {
  url: string;
  text?: string | undefined;
  html?: string | undefined;
  title?: string | undefined;
  site?: string | undefined;
  published?: string | undefined;
  author?: string | undefined;
  language?: string | undefined;
  /** Fields of the input that newstrace does not interpret, kept as they came. */
  meta?: Record<string, unknown> | undefined;
}

/** An article as the store keeps it. `text` is the text every offset refers to. */
export interface Article {
  url: string;
  site: string;
  title: string | null;
  /** ISO 8601 as given (date, or date-time), precision kept; null when unknown. */
  published: string | null;
  author: string | null;
  language: string | null;
  text: string;
  /** ISO 8601 date-time of the first ingest of this url. */
  firstSeen: string;
  meta: Record<string, unknown>;
}

/** An article with the id the store gave it. */
export interface StoredArticle extends Article {
  id: number;
}

export type Verdict = 'original' | 'copy' | 'partial-copy';

export interface Passage {
  /** Offsets into the traced article's text. */
  begin: number;
  end: number;
  /** Offsets into the source's text. */
  sourceBegin: number;
  sourceEnd: number;
  /** Share of aligned words identical on both sides, 0..1. */
  similarity: number;
}

export interface Substitution {
  /** Word in the source. */
  from: string;
  /** Word in the copy. */
  to: string;
  count: number;
  /** `name`: a proper name or an outlet (capitalised inside a sentence, or a site's name); `word`: a spun word. */
  kind: 'name' | 'word';
}

/** Text of one side that the other leaves out, with its offsets. */
export interface TextSpan extends Span {
  /** The span's text; a span longer than 120 characters gives its opening and " …". */
  text: string;
}

/**
 * Lines that are not the article's own text: lines its site repeats under
 * many articles, an author's biography, a call to action (subscribe,
 * follow, share), a credit line ("Source: …", "Read more at …").
 */
export type BoilerplateKind = 'site-template' | 'author-bio' | 'call-to-action' | 'credit-line';

export interface Boilerplate extends Span {
  text: string;
  kind: BoilerplateKind;
}

export interface SourceReport {
  url: string;
  title: string | null;
  site: string;
  published: string | null;
  /** Share of the traced article's own words aligned with this source. */
  coverage: number;
  /** Share of the source's words that the traced article reuses. */
  sourceCoverage: number;
  passages: Passage[];
  substitutions: Substitution[];
  /** Share of the aligned word pairs whose words differ (spinning). */
  changed: number;
  /** True when the shared passages come in another order in the copy than in the source. */
  reordered: boolean;
  /** Text of this article outside its passages with the source (a new intro, an added line), offsets into this article. */
  added: TextSpan[];
  /** Text of the source outside the passages (a paragraph cut, a credit that disappeared), offsets into the source. */
  dropped: TextSpan[];
}

/**
 * Why a reusing article is not a source: its date does not let us order the two,
 * it is of the same site, it shares only quotations, or it was published later.
 */
export type Relation = 'undecided' | 'same-site' | 'quote-only' | 'later';

/** What a source report says of the changes a copy made. */
export type ChangeFields = 'substitutions' | 'changed' | 'reordered' | 'added' | 'dropped';

/**
 * Reuse that makes no source. Only an `undecided` relation says what was
 * changed (the fields of a source); a later article's changes are told by
 * its own trace, and same-site or quotation-only reuse is no copy.
 */
export interface RelatedReport extends Omit<SourceReport, ChangeFields>, Partial<Pick<SourceReport, ChangeFields>> {
  relation: Relation;
}

export interface Trace {
  url: string;
  title: string | null;
  site: string;
  published: string | null;
  verdict: Verdict;
  coverage: number;
  parent: string | null;
  sources: SourceReport[];
  boilerplate: Boilerplate[];
  /** Reuse that does not make a source, with the reason in `relation`. */
  related: RelatedReport[];
  /** Plain-language reasons for the verdict and the parent. */
  reasons: string[];
}
