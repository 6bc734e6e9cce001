import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { NewstraceError } from '../errors.js';
import { collapse, elements, textContent } from '../extract/dom.js';
import { fragmentText } from '../extract/content.js';
import type { ArticleInput } from '../types.js';

export type FeedRecord = { where: string; input: ArticleInput } | { where: string; error: NewstraceError };

const child = (e: Element, ...names: string[]): Element | undefined =>
  e.children.find((c): c is Element => c.type === 'tag' && names.includes((c as Element).name.toLowerCase())) as Element | undefined;
const childText = (e: Element, ...names: string[]): string | null => {
  const c = child(e, ...names);
  const text = c ? collapse(textContent(c)) : '';
  return text || null;
};

/** Whether a document is an RSS or Atom feed (by its root element). */
export function isXmlFeed(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(text);
}

/** Whether a parsed JSON value is a JSON Feed. */
export function isJsonFeed(value: unknown): value is { items: unknown[]; title?: string } {
  const v = value as { version?: unknown; items?: unknown } | null;
  return typeof v?.version === 'string' && v.version.includes('jsonfeed.org') && Array.isArray(v.items);
}

/**
 * The items of an RSS 2.0, RSS 1.0 or Atom feed as article inputs: the full
 * content when the feed carries it (content:encoded, Atom content), else
 * the summary, with the item's link, date and author. An item without a
 * link, or without text, is an error naming the feed and the item.
 */
export function* readXmlFeed(xml: string, where: string): Generator<FeedRecord> {
  const doc: Document = parseDocument(xml, { xmlMode: true });
  const root = doc.children.find((c): c is Element => c.type === 'tag');
  if (!root) {
    yield { where, error: new NewstraceError('BAD_INPUT', 'not a feed: no root element', { where }) };
    return;
  }
  const atom = root.name.toLowerCase() === 'feed';
  const channel = atom ? root : (child(root, 'channel') ?? root);
  const feedTitle = childText(channel, 'title');
  let n = 0;
  for (const item of elements(root)) {
    const name = item.name.toLowerCase();
    if (atom ? name !== 'entry' : name !== 'item') continue;
    n++;
    const at = `${where}#${n}`;
    const link = atom ? atomLink(item) : (childText(item, 'link') ?? permalink(item));
    const full = childText(item, 'content:encoded') ?? (atom ? contentOf(child(item, 'content')) : null);
    const summary = atom ? contentOf(child(item, 'summary')) : childText(item, 'description');
    const body = full ?? summary;
    const text = body ? fragmentText(body) : '';
    if (!link) {
      yield { where: at, error: new NewstraceError('BAD_INPUT', 'feed item without a link', { where: at }) };
      continue;
    }
    if (!text) {
      yield { where: at, error: new NewstraceError('BAD_INPUT', 'feed item without content or summary', { where: at }) };
      continue;
    }
    const author = atom ? (child(item, 'author') ? childText(child(item, 'author') as Element, 'name') : null) : (childText(item, 'dc:creator') ?? rssAuthor(childText(item, 'author')));
    const published = atom ? (childText(item, 'published') ?? childText(item, 'updated')) : (childText(item, 'pubdate') ?? childText(item, 'dc:date'));
    const title = childText(item, 'title');
    yield { where: at, input: feedInput(link, title, published, author, text, feedTitle, full === null) };
  }
  if (n === 0) yield { where, error: new NewstraceError('BAD_INPUT', 'not a feed: no items', { where }) };
}

/** The items of a JSON Feed (version 1 or 1.1) as article inputs. */
export function* readJsonFeed(feed: { items: unknown[]; title?: string }, where: string): Generator<FeedRecord> {
  let n = 0;
  for (const raw of feed.items) {
    n++;
    const at = `${where}#${n}`;
    const item = (raw ?? {}) as Record<string, unknown>;
    const str = (key: string): string | null => (typeof item[key] === 'string' && (item[key] as string).trim() ? (item[key] as string) : null);
    const link = str('url') ?? str('external_url') ?? (str('id')?.match(/^https?:\/\//) ? str('id') : null);
    const fullHtml = str('content_html');
    const fullText = str('content_text');
    const summary = str('summary');
    const text = fullHtml ? fragmentText(fullHtml) : (fullText ?? (summary ? fragmentText(summary) : ''));
    if (!link) {
      yield { where: at, error: new NewstraceError('BAD_INPUT', 'feed item without a url', { where: at }) };
      continue;
    }
    if (!text.trim()) {
      yield { where: at, error: new NewstraceError('BAD_INPUT', 'feed item without content or summary', { where: at }) };
      continue;
    }
    const authors = Array.isArray(item['authors']) ? (item['authors'] as Array<{ name?: unknown }>) : item['author'] ? [item['author'] as { name?: unknown }] : [];
    const author = authors.map((a) => (typeof a?.name === 'string' ? a.name : '')).filter(Boolean).join(', ') || null;
    yield {
      where: at,
      input: feedInput(link, str('title'), str('date_published'), author, text, typeof feed.title === 'string' ? feed.title : null, !fullHtml && !fullText),
    };
  }
}

/**
 * RSS 2.0's <author> is the author's mail address, often with the name after
 * it ("jane@example.com (Jane Doe)", Blogger's "noreply@blogger.com (Jane
 * Doe)"): the name, else the address, unless it is one nobody reads
 * ("noreply@…").
 */
function rssAuthor(value: string | null): string | null {
  if (!value) return null;
  const named = /^\s*\S+@\S+\s*\((.+)\)\s*$/.exec(value);
  if (named) return (named[1] as string).trim() || null;
  return /^\s*no-?reply@/i.test(value) ? null : value;
}

function feedInput(url: string, title: string | null, published: string | null, author: string | null, text: string, feed: string | null, summaryOnly: boolean): ArticleInput {
  return {
    url,
    text,
    ...(title ? { title } : {}),
    ...(published ? { published } : {}),
    ...(author ? { author } : {}),
    meta: { ...(feed ? { feed } : {}), ...(summaryOnly ? { summaryOnly: true } : {}) },
  };
}

function atomLink(entry: Element): string | null {
  let fallback: string | null = null;
  for (const c of entry.children) {
    if (c.type !== 'tag' || (c as Element).name.toLowerCase() !== 'link') continue;
    const e = c as Element;
    const rel = e.attribs['rel'] ?? 'alternate';
    if (rel === 'alternate' && e.attribs['href']) return e.attribs['href'];
    fallback ??= e.attribs['href'] ?? null;
  }
  return fallback ?? childText(entry, 'id');
}

function permalink(item: Element): string | null {
  const guid = child(item, 'guid');
  const text = guid ? collapse(textContent(guid)) : '';
  return /^https?:\/\//.test(text) ? text : null;
}

/** Atom text constructs: text, html (escaped markup) or xhtml (inline markup). */
function contentOf(e: Element | undefined): string | null {
  if (!e) return null;
  const type = (e.attribs['type'] ?? 'text').toLowerCase();
  if (type === 'xhtml') {
    const div = child(e, 'div');
    return div ? renderXml(div) : null;
  }
  const text = textContent(e).trim();
  return text || null;
}

/** Inline XHTML back to markup, for the fragment reader. */
function renderXml(e: Element): string {
  let out = '';
  for (const c of e.children) {
    if (c.type === 'text') out += (c as unknown as { data: string }).data.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    else if (c.type === 'tag') out += `<${(c as Element).name}>${renderXml(c as Element)}</${(c as Element).name}>`;
  }
  return out;
}
