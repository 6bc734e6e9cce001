import { closingByline, openingByline } from './byline.js';
import { articleBlocks, fragmentText } from './content.js';
import { collapse } from './dom.js';
import { parseHtml } from './parse.js';
import { authorOf, declared, ldBody, descriptionOf, languageOf, publishedOf, siteOf, titleOf, type AuthorSource, type DateSource, type Declared } from './metadata.js';

export { decodePage, declaredCharsets, headerCharset, Decoded } from './charset.js';

/** What a page declares of itself, with or without an article. */
export interface PageMetadata {
  /** Where the page came from (the url fetched, the WARC record's target, the file), if known. */
  url: string | null;
  /** The canonical url the page declares: evidence only, never the article's identity. */
  canonicalUrl: string | null;
  title: string | null;
  author: string | null;
  /** Where `author` was found (see AuthorSource); null when it was not. */
  authorFrom: AuthorSource | null;
  /** ISO 8601 date or date-time. */
  published: string | null;
  /** Where `published` was found (see DateSource); null when it was not. */
  publishedFrom: DateSource | null;
  site: string | null;
  language: string | null;
  description: string | null;
}

/** An article extracted from a page. */
export interface ExtractedArticle extends PageMetadata {
  /** The body as plain text, paragraphs separated by blank lines. */
  text: string;
}

/** A page that holds no article: the reason, and what the page declares of itself. */
export interface NoArticle extends PageMetadata {
  error: string;
}

export interface ExtractOptions {
  /** The page's url: resolves relative links and gives a date in the path. */
  url?: string | null;
  /** Article text shorter than this many characters is not an article (default 200). */
  minChars?: number;
}

function resolve(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).href;
  } catch {
    return null;
  }
}

/**
 * Extracts the article from a page: its main text (the paragraphs of the
 * element that holds the most prose, without navigation, related links,
 * comments, sharing, captions and the like) and its metadata (JSON-LD, Open
 * Graph and other meta elements, <title>, <h1>, <time>, bylines). A page
 * whose prose is too short to be an article gives a NoArticle. `html` is the
 * page's text, or its pieces in order (`decodePage(bytes).parts`, faster).
 */
export function extractPage(html: string | readonly string[], options: ExtractOptions = {}): ExtractedArticle | NoArticle {
  const url = options.url ?? null;
  const doc = parseHtml(html);
  const d = declared(doc);
  const minChars = options.minChars ?? 200;
  // a page that shows its article only without scripts (in <noscript>) is read a second time
  let found = d.body ? (articleBlocks(d.body, minChars) ?? articleBlocks(d.body, minChars, true)) : null;
  // a page that declares itself an article may hold a short one (a brief, a paywalled teaser)
  if (!found && d.body && declaresArticle(d)) found = articleBlocks(d.body, Math.min(minChars, SHORT_ARTICLE_CHARS), true);
  const site = siteOf(d);
  const published = publishedOf(d, url);
  const author = authorOf(d, site, url);
  const metadata: PageMetadata = {
    url,
    canonicalUrl: resolve(d.canonical ?? d.meta.get('og:url') ?? null, url),
    // in one Unicode form: the same headline typed with precomposed or combining characters is one
    title: titleOf(d, site, url, found?.heading ?? null)?.normalize('NFC') ?? null,
    author: author?.name ?? null,
    authorFrom: author?.from ?? null,
    published: published?.date ?? null,
    publishedFrom: published?.from ?? null,
    site,
    language: languageOf(d),
    description: descriptionOf(d),
  };
  let paragraphs = found?.paragraphs;
  // a page that shows a teaser ("Read full article") and declares the whole body in its JSON-LD: the body it declares
  const declaredBody = ldBody(d);
  if (declaredBody && declaredBody.length >= LD_BODY_CHARS) {
    const shown = paragraphs ? paragraphs.reduce((n, p) => n + p.length, 0) : 0;
    // measured as text: markup in the declared body is no part of its length
    const declaredText = declaredBody.length > shown * 2 ? fragmentText(declaredBody).split(/\n+/).map(collapse).filter(Boolean) : [];
    if (declaredText.reduce((n, p) => n + p.length, 0) > shown * 2) paragraphs = declaredText;
  }
  if (!paragraphs) {
    return { ...metadata, error: d.body ? `no article: no run of prose of ${minChars} characters or more` : 'no article: the page has no body' };
  }
  const text = withoutHeadlines(paragraphs, metadata).join('\n\n');
  // a page that marks no byline may write one as one of the article's first lines (left in the text, where the page put it,
  // or left out as a lead's byline or a line of links) or as its last: it names the author where nothing else does, or only
  // an organisation, the site or an account does
  const written =
    metadata.author === null || author?.standIn
      ? (openingByline(paragraphs) ?? (found?.byline ? openingByline([found.byline]) : null) ?? closingByline(paragraphs))
      : null;
  return written ? { ...metadata, author: written, authorFrom: 'text', text } : { ...metadata, text };
}

const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The paragraphs without the lines that open them with the headline (a
 * heading not marked as one) or the byline and date: those are the page's
 * metadata, given apart.
 */
function withoutHeadlines(paragraphs: string[], metadata: PageMetadata): string[] {
  const title = metadata.title ? comparable(metadata.title) : '';
  const author = metadata.author ? comparable(metadata.author) : '';
  let k = 0;
  // only the opening lines, and never all of the text
  while (k < Math.min(3, paragraphs.length - 1)) {
    const line = paragraphs[k] as string;
    if (line.length > 200) break;
    const words = comparable(line);
    const headline = title.length > 0 && words === title;
    const byline = author.length > 0 && words.includes(author) && words.split(' ').length <= author.split(' ').length + 12 && !/[.!?]["”’]?$/.test(line);
    // "Article by" on a line of its own over the author's name
    const label = author.length > 0 && BYLINE_LABEL.test(words) && comparable(paragraphs[k + 1] as string).includes(author);
    if (!headline && !byline && !label) break;
    k++;
  }
  return k > 0 ? paragraphs.slice(k) : paragraphs;
}

/** A byline's words set on a line of their own, before the name. */
const BYLINE_LABEL = /^(?:(?:article|story|posted|written|text) )?(?:by|von|par|por)$/;

/** Characters of a JSON-LD articleBody for it to stand in for a page's teaser (when it is twice the text shown or more). */
const LD_BODY_CHARS = 1000;

/** The least text of a page that declares itself an article (og:type, JSON-LD) for it to be one. */
const SHORT_ARTICLE_CHARS = 80;

const ARTICLE_TYPE = /^(article|blog|blogposting|newsarticle|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|report|posting|socialmediaposting|liveblogposting)$/i;

function declaresArticle(d: Declared): boolean {
  if (ARTICLE_TYPE.test(d.meta.get('og:type') ?? '')) return true;
  return d.ld.some((o) => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t)));
}

export const isNoArticle = (page: ExtractedArticle | NoArticle): page is NoArticle => 'error' in page;
