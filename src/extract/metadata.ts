import { firstDateInText } from './dates.js';
import type { Document, Element } from 'domhandler';
import { parsePublished } from '../text/dates.js';
import { decodeHTML } from 'entities';
import { bylineName, declaredName, labelledByline, NAME_LIST, openingByline, reads } from './byline.js';
import { BLOCK_MARK, classAndId, collapse, elements, markedText, shortText, textContent } from './dom.js';

/** What the page declares about itself, gathered in one pass over its elements. */
export interface Declared {
  /** meta name / property / itemprop (lowercased) → first content. */
  meta: Map<string, string>;
  /** JSON-LD objects describing the article (NewsArticle, BlogPosting …). */
  ld: Array<Record<string, unknown>>;
  /** The names of the JSON-LD nodes that have one, by their @id (an article's author is often a reference to a Person node). */
  ldNames: Map<string, string>;
  titleTag: string | null;
  /** Headings that may be the headline: every <h1>, and <h2>/<h3> whose class or id says title or headline (blogs' post titles). */
  headings: Heading[];
  /** How many <h1> the page has. */
  h1s: number;
  /** The page's first <h1>, <h2> and <h3> elements (for finding which part of a declared title is the headline; read only then). */
  allHeadings: Element[];
  lang: string | null;
  canonical: string | null;
  /** `datetime` of <time> elements, in page order. */
  times: string[];
  /** Short texts of elements whose class, id or itemprop speaks of a date (posted, byline, meta …), in page order. */
  dateTexts: string[];
  /** Short texts of elements that say they are the byline or the author, outside the comments, in page order. */
  bylines: string[];
  /** Texts of links to an author's page ("/author/jane-doe/"), outside the comments, in page order. */
  authorLinks: string[];
  /** Elements known to be in the comments or not (see inComments). */
  inComments: Map<Element, boolean>;
  /** Other scripts (page state as JSON: a last resort for the date). */
  scripts: Element[];
  body: Element | null;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage|Blog|VideoObject)$/;

/**
 * JSON text with the control characters written raw inside its strings
 * (line breaks in an articleBody: invalid JSON, which many pages write and
 * search engines read) escaped as JSON would write them.
 */
function escapeControls(json: string): string {
  let out = '';
  let inString = false;
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x5c && inString) i++; // a backslash escapes the next character
    else if (c === 0x22) inString = !inString;
    else if (c < 0x20 && inString) {
      out += json.slice(from, i) + (c === 0x0a ? '\\n' : c === 0x09 ? '\\t' : c === 0x0d ? '\\r' : `\\u${c.toString(16).padStart(4, '0')}`);
      from = i + 1;
    }
  }
  return out + json.slice(from);
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    try {
      return JSON.parse(escapeControls(json));
    } catch {
      return undefined;
    }
  }
}

function ldObjects(json: string, out: Array<Record<string, unknown>>, ids: Map<string, string>): void {
  const value = parseJson(json);
  if (value === undefined) return;
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const id = o['@id'];
    const name = o['name'];
    if (typeof id === 'string' && typeof name === 'string' && !ids.has(id)) ids.set(id, name);
    const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (types.some((t) => ARTICLE_TYPES.test(t))) out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o['mainEntity'] && typeof o['mainEntity'] === 'object') visit(o['mainEntity'], depth + 1);
  };
  visit(value, 0);
  // the article types first, a plain WebPage last
  out.sort((a, b) => Number(String(a['@type']) === 'WebPage') - Number(String(b['@type']) === 'WebPage'));
}

const BYLINE = /(^|[\s_-])(byline|author|autor|auteur|autore|writer|by-?line|article-?author|post-?author|entry-?author)s?($|[\s_-])/i;
/** The words of BYLINE alone: most classes have none, and this is told several times faster than BYLINE's word boundaries. */
const BYLINE_WORDS = /byline|by-line|author|autor|auteur|writer/i;
const saysByline = (value: string | undefined): boolean => value !== undefined && BYLINE_WORDS.test(value) && BYLINE.test(value);

export function declared(doc: Document): Declared {
  let root: Element | null = null;
  const d: Declared = { meta: new Map(), ld: [], ldNames: new Map(), titleTag: null, headings: [], h1s: 0, allHeadings: [], lang: null, canonical: null, times: [], dateTexts: [], bylines: [], authorLinks: [], inComments: new Map(), scripts: [], body: null };
  for (const e of elements(doc)) {
    const a = e.attribs;
    switch (e.name) {
      case 'html':
        d.lang ??= a['lang'] ?? a['xml:lang'] ?? null;
        root ??= e;
        break;
      case 'body':
        d.body ??= e;
        break;
      case 'meta': {
        const key = (a['property'] ?? a['name'] ?? a['itemprop'] ?? a['http-equiv'] ?? '').toLowerCase();
        const content = a['content'] ?? (a['itemprop'] ? a['datetime'] : undefined);
        // RDFa lets one element carry several properties: property="og:title twitter:title"
        if (key && content) for (const k of key.split(/\s+/)) if (k && !d.meta.has(k)) d.meta.set(k, collapse(content));
        break;
      }
      case 'title':
        d.titleTag ??= collapse(textContent(e)) || null;
        break;
      case 'h1':
        d.h1s++;
        if (d.headings.length < 8) d.headings.push(headingOf(e));
        keepHeading(e, d);
        break;
      case 'link':
        if (!d.canonical && (a['rel'] ?? '').toLowerCase().split(/\s+/).includes('canonical') && a['href']) d.canonical = a['href'];
        break;
      case 'time': {
        const t = a['datetime'] ?? a['content'];
        if (t) d.times.push(t);
        break;
      }
      case 'script':
        if ((a['type'] ?? '').toLowerCase().includes('ld+json')) ldObjects(textContent(e), d.ld, d.ldNames);
        else if (d.scripts.length < MAX_SCRIPTS && !a['src']) d.scripts.push(e);
        break;
      case 'h2':
      case 'h3':
        if (d.headings.length < 8 && TITLE_HINT.test(classAndId(e))) d.headings.push(headingOf(e));
        keepHeading(e, d);
        break;
      default:
        break;
    }
    const itemprop = a['itemprop'];
    if (itemprop && e.name !== 'meta') {
      const key = itemprop.toLowerCase();
      if ((key === 'datepublished' || key === 'datecreated') && !d.meta.has(key)) {
        const value = a['datetime'] ?? a['content'] ?? collapse(textContent(e));
        if (value) d.meta.set(key, value);
      }
      if (key === 'author') keepByline(e, d);
    }
    // an element without text speaks of no date and names no author (most elements of a page: images, icons, line breaks)
    if (e.children.length === 0) continue;
    const cls = a['class'];
    const id = a['id'];
    if (d.dateTexts.length < 20 && (hints(cls) || hints(id) || hints(itemprop))) {
      const text = shortText(e, 200, SCRIPTS, true);
      if (text) d.dateTexts.push(text);
    }
    if (d.bylines.length < BYLINES && (a['rel'] === 'author' || e.name === 'byline' || saysByline(cls) || saysByline(id) || saysByline(a['data-testid']))) keepByline(e, d);
    else if (e.name === 'a' && d.authorLinks.length < BYLINES && a['href']?.includes('/aut') && AUTHOR_PAGE.test(a['href'])) keepByline(e, d, d.authorLinks);
  }
  // a page that leaves out its optional <body> tag (minified pages do) has its body in <html>, past the <head>
  d.body ??= root;
  return d;
}

/** How many byline texts are kept. */
const BYLINES = 6;

/** Class or id of the comments and the form to write one: their authors are not the article's. */
const COMMENTS = /comment|respond|reply|discussion|disqus/i;

/** How far up an element's ancestors are looked at for the comments. */
const COMMENTS_DEPTH = 40;

/** A link to an author's page ("/author/jane-doe/", "/autor/…"): its text is the author's name. */
const AUTHOR_PAGE = /\/(?:author|authors|autor|autoren|auteur|autore|autores)\/[^/?#]/i;

function keepByline(e: Element, d: Declared, into: string[] = d.bylines): void {
  if (into.length >= BYLINES || e.children.length === 0 || inComments(e, d.inComments)) return;
  const text = shortText(e, 119, SCRIPTS, true);
  if (text) into.push(text);
}

/** Whether an element is in the comments (it or an ancestor, up to COMMENTS_DEPTH, classed so), told once per element. */
function inComments(e: Element, known: Map<Element, boolean>, depth = 0): boolean {
  const seen = known.get(e);
  if (seen !== undefined) return seen;
  const parent = e.parent as Element | null;
  const found = COMMENTS.test(classAndId(e)) || (depth < COMMENTS_DEPTH && parent !== null && parent.attribs !== undefined && inComments(parent, known, depth + 1));
  known.set(e, found);
  return found;
}

/** How many <h1>–<h3> elements are kept for matching parts of a declared title. */
const HEADING_TEXTS = 80;

function keepHeading(e: Element, d: Declared): void {
  if (d.allHeadings.length < HEADING_TEXTS) d.allHeadings.push(e);
}

const DATE_HINT = /date|datum|time|posted|publi|byline|meta|fecha|data|submitted|info|author|autor|artikel|article-head|entry-head|post-head|subline|kicker|zeit|fecha/i;
/** A class of the site's navigation ("hde-m-navigation__meta-navigation-list-item"): its links are no date or byline, however it is named. */
const NAVIGATION = /navigation|(^|[\s_-])(nav|menu)([\s_-]|$)/i;
const hints = (value: string | undefined): boolean => value !== undefined && value !== '' && DATE_HINT.test(value) && !NAVIGATION.test(value);

interface Heading {
  text: string;
  /** Its text is one link to the site's home page: the site's name, not a headline. */
  homeLink: boolean;
  level: number;
}

const TITLE_HINT = /title|headline|heading/i;

/** Class of a control (a button) rather than text. */
const CONTROL = /(^|\s)(btn|button)($|[\s_-])/i;

/** Class of an element inside a heading that is its kicker or subtitle ("Dachzeile", "roofline", "topic-label" …), not the headline. */
const KICKER = /dachzeile|roofline|kicker|overline|topline|eyebrow|label|subtitle|sub-title|supertitle|untertitel|unterzeile|sub-?heading|title-?header|h[1-6]-?small|pre-?title|over-?title|spitzmarke/i;

/** Elements inside a heading whose text is set apart from the text around them (a line break, a block). */
const SPACED = new Set(['br', 'div', 'p', 'li', 'section', 'header']);

/** Elements deep inside a heading that are read. */
const HEADING_DEPTH = 32;

/** A heading's text without its kicker or subtitle, when the rest still says something. */
function headlineText(e: Element): string {
  let kicker = false;
  const walk = (node: Element, depth: number, dropKickers: boolean): string => {
    let out = '';
    for (const child of node.children) {
      if (child.type === 'text') out += (child as unknown as { data: string }).data;
      else if (child.type === 'tag' && depth < HEADING_DEPTH) {
        const el = child as Element;
        // a control set in the heading ("<a class="btn">CC-Editor öffnen</a>") is no part of it
        if (SCRIPTS.has(el.name) || el.name === 'button' || CONTROL.test(el.attribs['class'] ?? '')) continue;
        if (dropKickers && (el.name === 'small' || KICKER.test(el.attribs['class'] ?? ''))) {
          kicker = true;
          out += ' ';
          continue;
        }
        const inner = walk(el, depth + 1, dropKickers);
        out += SPACED.has(el.name) ? ` ${inner} ` : inner;
      }
    }
    return out;
  };
  const whole = collapse(walk(e, 0, false));
  // "<span class="kicker">Geothermie</span>: Bohren, …": the colon that followed the kicker goes with it
  const rest = collapse(walk(e, 0, true)).replace(/^[:|·•»–—-]\s*/, '');
  return kicker && rest.length >= 4 ? rest : whole;
}

function headingOf(e: Element): Heading {
  const text = headlineText(e);
  let link: Element | null = null;
  for (const child of elements(e)) if (child.name === 'a') {
    link = child;
    break;
  }
  const href = link?.attribs['href'] ?? '';
  const linkText = link ? collapse(textContent(link, SCRIPTS)) : '';
  const homeLink = linkText === text && (href === '/' || /^(https?:)?\/\/[^/]+\/?$/i.test(href));
  return { text, homeLink, level: Number(e.name.slice(1)) };
}

const SCRIPTS = new Set(['script', 'style', 'noscript', 'template']);

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? collapse(v) : null);

function ldField(d: Declared, key: string): unknown {
  for (const o of d.ld) if (o[key] !== undefined && o[key] !== null && o[key] !== '') return o[key];
  return undefined;
}

function names(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (v && typeof v === 'object') {
    const name = (v as Record<string, unknown>)['name'];
    return typeof name === 'string' ? [name] : [];
  }
  return [];
}

/**
 * The article's body as its JSON-LD gives it, if it does, with its line
 * breaks; markup written with character references ("&lt;p&gt;…") read as
 * markup.
 */
export function ldBody(d: Declared): string | null {
  const body = ldField(d, 'articleBody');
  if (typeof body !== 'string' || !body.trim()) return null;
  return !body.includes('<') && /&lt;[a-z/!]/i.test(body) ? decodeHTML(body) : body;
}

const SEPARATORS = /\s+[|\-–—:·•»«/]\s+|\s+[|–—·•»«]\s*|\s*[|–—·•»«]\s+|:\s+|\|/;

/**
 * The headline: a h1 that the declared titles agree with; else the page's
 * only h1 or the heading that opens the article (`opening`), when it tells
 * the same story as a declared title; else the declared title without the
 * site's name.
 */
export function titleOf(d: Declared, site: string | null, url: string | null, opening: string | null = null): string | null {
  const declaredTitles = [
    d.meta.get('dc:title') ?? d.meta.get('dcterms:title') ?? d.meta.get('dc.title'),
    d.meta.get('og:title'),
    str(ldField(d, 'headline')),
    d.meta.get('twitter:title'),
    d.meta.get('parsely-title'),
    d.titleTag,
  ].filter(
    (t): t is string => Boolean(t),
  );
  const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const host = squeeze(hostOf(url) ?? '');
  const hostNames = hostNamesOf(url);
  const siteNames = [site, d.meta.get('og:site_name'), d.meta.get('application-name')].filter((n): n is string => Boolean(n)).map(norm);
  // a heading that names the site (the blog's name over every post) is not the headline
  const siteLike = (h: Heading): boolean =>
    h.homeLink || siteNames.includes(norm(h.text)) || (host !== '' && squeeze(h.text).length >= 3 && host.includes(squeeze(h.text)));
  const headings = d.headings.filter((h) => h.text.length >= 4 && !siteLike(h));
  const siteHeading = d.headings.find(siteLike)?.text;
  const isSite = (part: string): boolean => {
    const n = norm(part);
    // "ProNATs e.V." on pronats.de: the legal form is no part of the name in the host
    const q = squeeze(part.replace(LEGAL_FORM, ''));
    return (
      siteNames.includes(n) || (siteHeading !== undefined && n === norm(siteHeading)) || (host !== '' && q.length >= 3 && hostNames.has(q)) || BLOG_DEFAULTS.test(n)
    );
  };
  // a site's name that holds a separator itself ("Salsa-Figuren - Rueda in Berlin") is cut whole from either end
  const wholeNames = [...siteNames, ...(siteHeading ? [norm(siteHeading)] : [])].filter((n) => SEPARATORS.test(n));
  const stripped = declaredTitles.map((t) => stripSite(cutWholeName(t, wholeNames), isSite));
  // a heading that is a declared title, or holds one or is most of one: <h1> before <h2> and <h3>, and at one level the
  // specific declared titles (Open Graph, JSON-LD) before <title>
  for (const level of [1, 2, 3]) {
    for (const t of stripped) {
      const tn = norm(t);
      for (const h of headings) {
        if (h.level !== level) continue;
        const n = norm(h.text);
        // the heading may carry more (a kicker, a date) than the title the page declares: the declared one then
        // (a heading that goes on past the declared title, "… vom Blech: einfach köstlich!", "… in Tennessee", is the headline as shown)
        if (n.includes(tn) && tn.length >= n.length * 0.6 && !goesOn(n, tn)) return t;
        // … or a long kicker before it ("Medienmitteilung der Gesundheitsdirektion: Impfen und Boostern ist …")
        if (n.endsWith(tn) && wordSet(tn).size >= KICKED_TITLE_WORDS) return t;
        if (n.includes(tn) || (tn.includes(n) && n.length >= tn.length * CONTAINED_HEADING)) return h.text;
        // … or opens one that goes on after a separator with the page's sections and the site's name ("Headline / Politik / Home - stol.it")
        if (tn.startsWith(n) && wordSet(n).size >= KICKED_TITLE_WORDS && /^\s*[|\-–—·•»/]\s/.test(tn.slice(n.length))) return h.text;
      }
    }
  }
  // a declared title of several parts ("Headline | Blog name", "Section - Headline - Site") one of which is a heading on the page: that part
  const headingTexts = new Set(
    d.allHeadings
      .map(headingOf)
      .filter((h) => h.text.length <= 300 && !siteLike(h))
      .map((h) => norm(h.text)),
  );
  for (const t of declaredTitles) {
    const parts = t.split(SEPARATORS).map((p) => p.trim());
    if (parts.length < 2) continue;
    const part = parts.find((p) => (wordSet(p).size >= 2 || p.length >= 10) && !isSite(p) && headingTexts.has(norm(p)));
    if (part) return part;
  }
  // the page's only <h1>, about what the declared title is about: the headline as readers see it, where the declared one is worded for search engines
  const h1 = headings.filter((h) => h.level === 1);
  const only = d.h1s === 1 && h1.length === 1 ? (h1[0] as Heading) : null;
  // (where every title declared is only the site's name, "Anwalt Niemeyer" on anwaltniemeyer.de, the <h1> however short)
  const nameOnly = stripped.length > 0 && stripped.every(isSite);
  if (only && wordSet(only.text).size >= (nameOnly ? 1 : 2) && (stripped.length === 0 || nameOnly || sharedWords(only.text, stripped) >= HEADING_SHARED_WORDS)) return only.text;
  // the heading that opens the article, about what the declared title is about, or where the declared title is one word ("News", "Archiv")
  if (opening && wordSet(opening).size >= 2 && (stripped.length === 0 || sharedWords(opening, stripped) >= HEADING_SHARED_WORDS || wordSet(stripped[0] as string).size <= 1)) {
    // the same characters as a declared title (a heading with ruby readings laid out apart): the declared one, as typed;
    // the opening line holding a kicker before the headline ("Initiative EnergieEffizienz Kostenloser Stromcheck …"): the headline without it
    const on = norm(opening);
    const headline = headings.find((h) => h.level === 1 && on.endsWith(norm(h.text)) && h.text.length >= opening.length * CONTAINED_HEADING);
    return stripped.find((t) => squeeze(t) === squeeze(opening)) ?? headline?.text ?? opening;
  }
  // the page's own headline, worded a little differently from the title it declares (for search engines): the headline
  for (const h of headings) {
    if (h.level === 1 && sharedWords(h.text, stripped) >= HEADLINE_SHARED_WORDS) return h.text;
  }
  return stripped[0] ?? headings[0]?.text ?? null;
}

/** Text in lower case without white space and punctuation, for comparing names ("Jobs & Hire", "jungefreiheit.de"). */
const squeeze = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The names a site's host gives it, squeezed: a label ("welpenkaufen24"), the last two, the whole, without "www". */
function hostNamesOf(url: string | null): Set<string> {
  const parts = (hostOf(url) ?? '').toLowerCase().split('.').filter((p) => p !== '' && p !== 'www');
  return parts.length === 0 ? new Set() : new Set([parts.join(''), ...parts.slice(0, -1), parts.slice(-2).join('')].map(squeeze));
}

/** A web archive's copy of a page (Wayback Machine: "https://web.archive.org/web/20120216182711/http://www.stol.it/…"): the address of the page it holds. */
const ARCHIVED = /^https?:\/\/(?:web\.)?archive\.org\/web\/\d{1,14}[a-z_]*\/(.+)$/i;

/** The host of the site a page is from: of the archived page for a web archive's copy of it. */
export function hostOf(url: string | null): string | null {
  if (!url) return null;
  const archived = ARCHIVED.exec(url)?.[1];
  try {
    return new URL(archived ? (/^[a-z][a-z0-9+.-]*:/i.test(archived) ? archived : `http://${archived}`) : url).hostname || null;
  } catch {
    return null;
  }
}

/** Whether a heading goes on past the title it starts with in words of its own (": einfach köstlich!", "in Tennessee", a closing quote's word), not in punctuation or a site's name after a separator ("| Umweltbundesamt"). */
function goesOn(heading: string, title: string): boolean {
  if (!heading.startsWith(title)) return false;
  const rest = heading.slice(title.length);
  return /[\p{L}\p{N}]/u.test(rest) && !/^\s*[|\-–—·•»/]\s/.test(rest);
}

/** A company's or association's legal form after its name. */
const LEGAL_FORM = /\s+(?:e\.\s?V\.|GmbH|AG|Inc\.?|Ltd\.?|LLC|S\.A\.|SA|S\.L\.|S\.r\.l\.|B\.V\.|plc|Co\.)$/i;

/** Parts of a title that blog software puts in by default: "Blog Archive » Post title". */
const BLOG_DEFAULTS = /^(blog ?archiv(e)?|archiv(e)?|blog)$/;

/** Least words of a declared title that ends a longer heading for it to be the headline without the heading's start (fewer may be a section's name). */
const KICKED_TITLE_WORDS = 4;

/** Least share of a declared title's characters a heading it contains has for it to be the headline (less is a section's name, "News", "Düsseldorf"). */
const CONTAINED_HEADING = 0.5;

/** Share of words (of the larger set) an <h1> shares with a declared title for it to be the headline: a kicker or a word or two apart (lower shares read section names as headlines on readability-test-pages). */
const HEADLINE_SHARED_WORDS = 0.8;

const wordSet = (t: string): Set<string> => new Set(t.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));

/** Share of words the page's only <h1>, or the heading opening the article, shares with a declared title for it to be the headline: the same story, reworded ("Brexit: Nervenkrieg geht in nächste Runde" over "Der Nervenkrieg um den Brexit geht in die nächste Runde"). */
const HEADING_SHARED_WORDS = 0.4;

/** Letters that stand for a word when words are compared: "Leasen" and "Leasing", "Finanzieren" and "Finanzierung" are one. */
const STEM = 5;

const stems = (t: string): Set<string> => new Set([...wordSet(t)].map((w) => w.slice(0, STEM)));

/** The largest share of words a heading has in common with one of the titles, counted on the larger of the two. */
function sharedWords(heading: string, titles: string[]): number {
  const hw = stems(heading);
  let best = 0;
  for (const t of titles) {
    const tw = stems(t);
    let shared = 0;
    for (const w of hw) if (tw.has(w)) shared++;
    const larger = Math.max(hw.size, tw.size);
    if (larger > 0) best = Math.max(best, shared / larger);
  }
  return best;
}

/** A title without a site's name (lower case, `names`) that stands whole at its start or end, a separator between. */
function cutWholeName(title: string, names: string[]): string {
  const lower = title.toLowerCase();
  // (a letter whose lower case is longer, "İ", would shift the cut)
  if (lower.length !== title.length) return title;
  for (const name of names) {
    if (lower.length <= name.length + 3) continue;
    if (lower.endsWith(name)) {
      const rest = title.slice(0, title.length - name.length);
      const m = /\s*[|\-–—:·•»«/]\s*$/.exec(rest);
      if (m && /\s/.test(m[0])) return rest.slice(0, m.index).trim();
    }
    if (lower.startsWith(name)) {
      const rest = title.slice(name.length);
      const m = /^\s*[|\-–—:·•»«/]\s*/.exec(rest);
      if (m && /\s/.test(m[0])) return rest.slice(m[0].length).trim();
    }
  }
  return title;
}

/** A title without the parts at its ends that name the site ("Headline | Site", "Site: Headline"). */
function stripSite(title: string, isSite: (part: string) => boolean): string {
  const parts = title.split(SEPARATORS);
  let begin = 0;
  let end = parts.length;
  while (end - begin > 1 && isSite(parts[end - 1] as string)) end--;
  while (end - begin > 1 && isSite(parts[begin] as string)) begin++;
  if (begin === 0 && end === parts.length) return title;
  // the separators between the parts kept are kept as they were
  const m = [...title.matchAll(new RegExp(SEPARATORS.source, 'g'))];
  const from = begin === 0 ? 0 : (m[begin - 1] as RegExpMatchArray).index! + (m[begin - 1] as RegExpMatchArray)[0].length;
  const to = end === parts.length ? title.length : (m[end - 1] as RegExpMatchArray).index!;
  return title.slice(from, to).trim() || title;
}


export function siteOf(d: Declared): string | null {
  const publisher = ldField(d, 'publisher');
  return d.meta.get('og:site_name') ?? names(publisher)[0] ?? d.meta.get('application-name') ?? null;
}

const NOT_A_NAME = /^(https?:|www\.)|@/i;

/** The pair of meta elements that label a value for a card ("twitter:label1" "Written by", "twitter:data1" "Jane Doe"): WordPress writes the author so. */
const WRITTEN_BY = 'twitter:label';
const WRITTEN_BY_LABEL = /^(written by|verfasst von|geschrieben von|écrit par|escrito por|scritto da|autor|author|auteur)$/i;

function writtenBy(d: Declared): string | undefined {
  for (const k of [1, 2]) if (WRITTEN_BY_LABEL.test(d.meta.get(`twitter:label${k}`) ?? '')) return d.meta.get(`twitter:data${k}`);
  return undefined;
}

/** A value that says there is no author. */
const NO_AUTHOR = /^(no author|none|null|undefined|n\/a|-)$/i;

/** An account a publishing system names by default ("admin"), not a person. */
const ACCOUNT = /^(admin|administrator|webmaster|super ?user|editor|user|root|author|publisher)$/i;

/** JSON-LD types of an author that is an organisation (the publisher, an agency), not a person. */
const ORGANIZATION = /organi[sz]ation|corporation/i;

/** The author a page declares (JSON-LD, then meta elements), and whether it declares an organisation. */
function declaredAuthor(d: Declared): { name: string; organization: boolean } | null {
  const given = [ldField(d, 'author') ?? []].flat();
  // a reference to a node of the graph ({"@id": …}, or the @id alone) stands for that node's name
  const fromLd = given
    .flatMap((p) => {
      if (typeof p === 'string') return [d.ldNames.get(p) ?? p];
      const id = p && typeof p === 'object' ? (p as Record<string, unknown>)['@id'] : undefined;
      const named = names(p);
      return named.length === 0 && typeof id === 'string' && d.ldNames.has(id) ? [d.ldNames.get(id) as string] : named;
    })
    // some pages write the names in JSON-LD with HTML's character references ("Redacci&oacute;n")
    .map((n) => declaredName(collapse(n.includes('&') ? decodeHTML(n) : n)))
    .filter((n) => n && !NOT_A_NAME.test(n) && !NO_AUTHOR.test(n))
    .map((n) => (LOGIN.test(n) ? writtenOut(d, n) : n));
  if (fromLd.length) {
    const organization = given.every((p) => p && typeof p === 'object' && [(p as Record<string, unknown>)['@type']].flat().some((t) => typeof t === 'string' && ORGANIZATION.test(t)));
    return { name: [...new Set(fromLd)].join(', '), organization };
  }
  for (const key of META_AUTHORS) {
    const v = metaAuthor(d, key);
    if (v) return { name: v, organization: false };
  }
  return null;
}

const META_AUTHORS = ['author', 'article:author', 'dc.creator', 'sailthru.author', 'parsely-author', 'byl', 'twitter:creator', WRITTEN_BY];

function metaAuthor(d: Declared, key: string): string | null {
  const raw = (key === WRITTEN_BY ? writtenBy(d) : d.meta.get(key))?.replace(/^(['"])(.*)\1$/, '$2');
  const v = raw === undefined ? undefined : declaredName(raw);
  return v && !NOT_A_NAME.test(v) && !NO_AUTHOR.test(v) ? v : null;
}

/** A user's login rather than a name written out: lower case, its parts joined by dots, dashes or underscores ("edilson.la.rosa"). */
const LOGIN = /^[\p{Ll}\d]+(?:[._-][\p{Ll}\d]+)+$/u;

/** The name a login stands for as the page writes it for readers elsewhere (a meta element, a byline: "Edilson La Rosa"), else the login. */
function writtenOut(d: Declared, login: string): string {
  const key = squeeze(login);
  for (const candidate of [...META_AUTHORS.map((k) => metaAuthor(d, k)), ...d.bylines.map(bylineName)]) {
    if (candidate && candidate.includes(' ') && squeeze(candidate) === key) return candidate;
  }
  return login;
}

/**
 * Where the author was found: declared (JSON-LD, meta elements), a byline
 * (an element that says it is one, or that speaks of the date: "Posted on …
 * by …"), or the page's text (a first or last line "von Jane Doe", "Posted by Jane
 * Doe" or "责任编辑：…" anywhere in the body: the weakest).
 */
export type AuthorSource = 'declared' | 'byline' | 'text';

/** An author's name and where it was found. */
export interface Author {
  name: string;
  from: AuthorSource;
  /** A declared organisation, site or account standing in for a person the page names nowhere else marked: a byline in the article's text goes before it. */
  standIn?: boolean;
}

const found = (name: string | null, from: AuthorSource): Author | null => (name === null ? null : { name, from });

/**
 * The byline: the article's declared author(s), else the name the page's
 * byline gives (see bylineName). An organisation (by its JSON-LD type or
 * its legal form: "GmbH", "e.V."), the site itself or a system's default
 * account ("admin") declared as the author gives way to the person a byline
 * names.
 */
export function authorOf(d: Declared, site: string | null, url: string | null): Author | null {
  // the site's names, squeezed: what it declares and what its host says (gathered once a name is found)
  let siteNames: Set<string> | null = null;
  const isSiteName = (name: string): boolean => {
    if (siteNames === null) {
      siteNames = hostNamesOf(url);
      if (site) siteNames.add(squeeze(site));
    }
    const n = squeeze(name);
    return n !== '' && siteNames.has(n);
  };
  const author = declaredAuthor(d);
  // else "Posted on 21.09.2020 by Jane Doe" in an element that speaks of the date (weaker: only where nothing else names one)
  if (!author) {
    const byline = firstByline(d) ?? openingByline(d.dateTexts, d.dateTexts.length) ?? labelledByline(d.dateTexts) ?? firstByline(d, d.authorLinks);
    return found(byline && withoutSite(byline, isSiteName), 'byline') ?? found(postedBy(d), 'text');
  }
  author.name = withoutSite(author.name, isSiteName);
  const declared: Author = { name: author.name, from: 'declared' };
  const organization = author.organization || LEGAL_FORM.test(author.name);
  if (organization || ACCOUNT.test(author.name) || isSiteName(author.name)) {
    const byline = firstByline(d);
    return found(byline && withoutSite(byline, isSiteName), 'byline') ?? { ...declared, standIn: true };
  }
  if (d.bylines.length === 0) return declared;
  // a byline that names the declared author(s) and others with them: the whole list (read only when a byline's text holds the first declared name)
  const first = people(author.name)[0];
  if (first === undefined || !d.bylines.some((b) => b.toLowerCase().includes(first))) return declared;
  const byline = firstByline(d);
  return byline && namesAll(byline, author.name) ? { name: byline, from: 'byline' } : declared;
}

/**
 * A name without the site's own name beside it, where that leaves a name:
 * "unocero - Alberto Ávila" on unocero.com, "Rob Picheta, CNN" on cnn.com.
 */
function withoutSite(name: string, isSiteName: (part: string) => boolean): string {
  if (/[()]/.test(name)) return name;
  let out = name;
  const parts = out.split(/\s+[-–—|/]\s+/);
  if (parts.length > 1 && parts.some(isSiteName)) {
    const rest = parts.filter((p) => !isSiteName(p));
    // the site's name with its tagline ("L-MAG – Das Magazin für Lesben"): the site's name, standing in for an author
    if (rest.length > 0) out = rest.every(reads) ? (parts.find(isSiteName) as string) : rest.join(' - ');
  }
  // after a comma, only as the last of two (not "Example News, Frankfurt, Germany": the site, with its place)
  const comma = out.split(/\s*,\s*/);
  return comma.length === 2 && isSiteName(comma[1] as string) && !isSiteName(comma[0] as string) ? (comma[0] as string) : out;
}

/** White space within one block (not across the mark between blocks). */
const SPACE = String.raw`[^\S${BLOCK_MARK}]+`;

/**
 * "Posted by Jane Doe", "Geschrieben von Jane Doe und John Roe": the phrase
 * blog software puts under a post, on one line, the first in the body's
 * text (not "Autor: …", which book reviews write of the book's), for a page
 * nothing else names an author on (there, a comment's "Posted by" can be
 * taken). A name is capitalised words or initials ("Alon Zakai. Retweet"
 * gives "Alon Zakai"), two of them joined by "und", "and".
 */
const POSTED_BY = new RegExp(
  String.raw`(?<!\p{L})(?:[Pp]osted|[Ww]ritten|[Gg]eschrieben|[Vv]erfasst|[Ee]ingestellt|[Gg]espeichert|[Vv]eröffentlicht|[Pp]ublié|[Ee]scrito|[Pp]ublicado|[Ss]critto|[Pp]ubblicato)${SPACE}(?:by|von|par|por|da)${SPACE}` +
    String.raw`(\p{Lu}(?:\.|[\p{L}'’-]*)(?:${SPACE}(?:\p{Lu}(?:\.|[\p{L}'’-]*)|und|and|et|y)){0,5})`,
  'u',
);

function postedBy(d: Declared): string | null {
  if (!d.body) return null;
  const text = markedText(d.body, SCRIPTS);
  const m = POSTED_BY.exec(text);
  // a name that ends on "und"/"and": the list stopped before its next name was capitalised
  if (m) return collapse(m[1] as string).replace(/ (?:und|and|et|y)$/, '');
  return EDITOR_IN_CHARGE.exec(text)?.[1] ?? null;
}

/** The editor in charge, who Chinese news sites name under each article: "责任编辑：焦鹏". */
const EDITOR_IN_CHARGE = new RegExp(String.raw`(?:责任编辑|責任編輯)(?:${SPACE})?[:：](?:${SPACE})?(\p{Script=Han}{2,4})(?!\p{Script=Han})`, 'u');

/** The name the first byline that gives one gives. */
function firstByline(d: Declared, texts = d.bylines): string | null {
  for (const b of texts) {
    const name = bylineName(b);
    if (name !== null && !NOT_A_NAME.test(name)) return name;
  }
  return null;
}

/** The people a list of names gives ("A, B and C", "A und B"), lowercased. */
const people = (list: string): string[] =>
  list
    .toLowerCase()
    .split(NAME_LIST)
    .filter(Boolean);

/**
 * Whether `byline` names everyone `declared` does and other people with them
 * (each of two words or more: not "Reuters, Washington", "Eric Song, IGN").
 */
function namesAll(byline: string, declared: string): boolean {
  const named = people(byline);
  const wanted = people(declared);
  const others = named.filter((n) => !wanted.includes(n));
  return others.length > 0 && wanted.every((n) => named.includes(n)) && others.every((n) => n.includes(' '));
}

const DATE_KEYS = [
  'article:published_time', 'og:article:published_time', 'datepublished', 'og:published_time', 'published_time',
  'article.published', 'publish-date', 'publishdate', 'publish_date', 'pubdate', 'dc.date.issued', 'dc.date', 'dcterms.date',
  'dcterms.created', 'date', 'sailthru.date', 'parsely-pub-date', 'cxenseparse:recs:publishtime', 'article:published',
  'datecreated', 'dc.date.created', 'citation_publication_date', 'originalpublicationdate',
];

/** A date in a url's path, year first (/2019/07/30/, /2019-7-30-, /20190730.html) or day first (/29-10-2021). */
function urlDate(url: string): string | null {
  const m = URL_DATE.exec(url);
  // "/2023/10/3-fragen-an-…": a lone digit that begins the slug is no day
  if (m && m[4]?.length === 1 && m[2] === '/' && /^[-_]/.test(url.slice(m.index + m[0].length - 1))) return null;
  if (m) return `${m[1]}-${(m[3] ?? m[5])!.padStart(2, '0')}-${(m[4] ?? m[6])!.padStart(2, '0')}`;
  const d = URL_DATE_DAY_FIRST.exec(url);
  return d ? `${d[4]}-${d[3]}-${d[1]}` : null;
}

const URL_DATE_DAY_FIRST = /\/(0[1-9]|[12]\d|3[01])([-_.])(0[1-9]|1[0-2])\2((?:19|20)\d{2})(?:[/_.-]|\.html?|$)/;

/** A date in a url's path: /2019/07/30/, /2019-7-30-, /20190730.html */
const URL_DATE = /\/((?:19|20)\d{2})(?:([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?:[/_-]|\.html?|$)/;

/**
 * Where a publication date was found: declared (JSON-LD, meta elements,
 * <time>), the url, an element that speaks of dates (byline, "posted on"),
 * or the first date written in the page's text (the weakest: right about
 * three times in four on htmldate-eval pages).
 */
export type DateSource = 'declared' | 'url' | 'byline' | 'script' | 'text';

/**
 * The publication date: a full date in the url, JSON-LD, meta elements,
 * <time>, then dates written in elements that speak of dates (bylines,
 * "posted on" lines), then a publication date in the data the page's scripts
 * hold, then the first date written in the page's text.
 */
export function publishedOf(d: Declared, url: string | null): { date: string; from: DateSource } | null {
  const inUrl = url ? urlDate(url) : null;
  const candidates: unknown[] = [ldField(d, 'datePublished'), ...DATE_KEYS.map((k) => d.meta.get(k)), ...d.times.slice(0, 1), ldField(d, 'dateCreated')];
  for (const c of candidates) {
    if (typeof c !== 'string') continue;
    const date = parsePublished(c.trim());
    if (!date || date.year < 1990 || date.year > 2100) continue;
    // a declared date on another day than the url's is most often the last change: the url's day was the first
    if (inUrl && !date.iso.startsWith(inUrl) && date.precision !== 'year' && date.precision !== 'month') return { date: inUrl, from: 'url' };
    return { date: inLocalTime(date, url), from: 'declared' };
  }
  if (inUrl) return { date: inUrl, from: 'url' };
  const language = languageOf(d);
  for (const text of d.dateTexts) {
    const first = firstDateInText(text, language);
    if (first) return { date: first.iso, from: 'byline' };
  }
  // a declared date whose time is written wrong ("2022-01-10T22:06:08:684Z") still gives its day, after the bylines
  for (const c of candidates) {
    const day = typeof c === 'string' ? /^(\d{4}-\d{2}-\d{2})[T ]/.exec(c.trim())?.[1] : undefined;
    const date = day ? parsePublished(day) : null;
    if (date && date.year >= 1990 && date.year <= 2100) return { date: date.iso, from: 'declared' };
  }
  const inState = scriptDate(d.scripts);
  if (inState) return { date: inState, from: 'script' };
  // a summary that dates its story ("… (Notizia del 14 Gennaio 2020)")
  const summary = descriptionOf(d);
  const described = summary ? firstDateInText(summary, language) : null;
  if (described) return { date: described.iso, from: 'text' };
  if (d.body) {
    const first = firstDateInText(collapse(textContent(d.body, SCRIPTS)), language);
    if (first) return { date: first.iso, from: 'text' };
  }
  return null;
}

/**
 * Time zones of the countries whose domains news sites use most, for a time a
 * page gives in UTC; for a country of several zones, the zone of its largest
 * newsrooms (Moscow, São Paulo, Toronto and Ottawa, Sydney, Mexico City).
 */
const ZONE_OF_DOMAIN: Record<string, string> = {
  at: 'Europe/Vienna', de: 'Europe/Berlin', ch: 'Europe/Zurich', li: 'Europe/Vaduz', fr: 'Europe/Paris', be: 'Europe/Brussels',
  nl: 'Europe/Amsterdam', lu: 'Europe/Luxembourg', it: 'Europe/Rome', es: 'Europe/Madrid', pt: 'Europe/Lisbon', uk: 'Europe/London',
  ie: 'Europe/Dublin', dk: 'Europe/Copenhagen', se: 'Europe/Stockholm', no: 'Europe/Oslo', fi: 'Europe/Helsinki', pl: 'Europe/Warsaw',
  cz: 'Europe/Prague', sk: 'Europe/Bratislava', hu: 'Europe/Budapest', si: 'Europe/Ljubljana', hr: 'Europe/Zagreb', ro: 'Europe/Bucharest',
  bg: 'Europe/Sofia', gr: 'Europe/Athens', tr: 'Europe/Istanbul', ua: 'Europe/Kyiv', ru: 'Europe/Moscow', jp: 'Asia/Tokyo',
  kr: 'Asia/Seoul', cn: 'Asia/Shanghai', tw: 'Asia/Taipei', hk: 'Asia/Hong_Kong', in: 'Asia/Kolkata', br: 'America/Sao_Paulo',
  ar: 'America/Argentina/Buenos_Aires', nz: 'Pacific/Auckland', ca: 'America/Toronto', au: 'Australia/Sydney', mx: 'America/Mexico_City',
};

/**
 * A time given in UTC ("…Z") on a site of a country's domain, as the
 * publisher's local time (the same instant): the day a page was published is
 * the day where it was published.
 */
function inLocalTime(date: NonNullable<ReturnType<typeof parsePublished>>, url: string | null): string {
  if (date.instant === null || !/(Z|[+-]00:?00)$/.test(date.iso) || !url) return date.iso;
  const host = hostOf(url);
  if (!host) return date.iso;
  const zone = ZONE_OF_DOMAIN[host.slice(host.lastIndexOf('.') + 1)];
  if (!zone) return date.iso;
  const parts = localClock(zone).formatToParts(new Date(date.instant));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const offset = part('timeZoneName').replace(/^GMT$/, 'GMT+00:00').slice(3);
  const time = date.precision === 'second' ? `${part('hour')}:${part('minute')}:${part('second')}` : `${part('hour')}:${part('minute')}`;
  return `${part('year')}-${part('month')}-${part('day')}T${time}${offset}`;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** A formatter of the date, time and offset in `zone` (made once a zone: making one costs more than using it). */
function localClock(zone: string): Intl.DateTimeFormat {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
    });
    clocks.set(zone, clock);
  }
  return clock;
}

/** Scripts of a page kept for their data. */
const MAX_SCRIPTS = 64;

/** Keys under which the state a page keeps in its scripts (Shopify, Next.js, review sites …) gives the publication date, then the creation date. */
const SCRIPT_DATE_KEYS = [
  /"(?:datePublished|publishedDate|published_at|publishedAt|publishDate|publish_date|publicationDate|firstPublishedDate|first_published_at|pubDate)"\s*:\s*"(\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)"/,
  /"(?:dateCreated|createdAt|created_at|createdDate)"\s*:\s*"(\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)"/,
];

/** The first publication date (else creation date) that a page's scripts hold as data. */
function scriptDate(scripts: Element[]): string | null {
  if (scripts.length === 0) return null;
  const texts = scripts.map((e) => textContent(e)).filter((t) => t.includes('"'));
  for (const key of SCRIPT_DATE_KEYS) {
    for (const text of texts) {
      const found = key.exec(text)?.[1];
      const date = found ? parsePublished(found.replace(' ', 'T')) : null;
      if (date && date.year >= 1990 && date.year <= 2100) return date.iso;
    }
  }
  return null;
}

export function languageOf(d: Declared): string | null {
  const lang = d.lang ?? d.meta.get('content-language') ?? d.meta.get('og:locale') ?? d.meta.get('language') ?? null;
  return lang ? lang.replace('_', '-').trim() || null : null;
}

export function descriptionOf(d: Declared): string | null {
  return d.meta.get('description') ?? d.meta.get('og:description') ?? d.meta.get('twitter:description') ?? str(ldField(d, 'description'));
}
