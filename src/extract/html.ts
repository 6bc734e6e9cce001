import { parseDocument } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';

/** What a page says about its article. */
export interface ExtractedPage {
  title: string | null;
  text: string;
  published: string | null;
  author: string | null;
  language: string | null;
  site: string | null;
}

/** Elements that never hold the article's own text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'form', 'button', 'select', 'nav', 'header',
  'footer', 'aside', 'figure', 'figcaption', 'head', 'rt', 'rp',
]);
/** Elements whose text is one paragraph. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'dd', 'dt', 'td']);
const BOILERPLATE_HINT = /(comment|share|social|related|promo|newsletter|subscribe|cookie|advert|sidebar|footer|menu|breadcrumb)/i;

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

function textOf(node: AnyNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if (!isElement(node) || SKIP.has(node.name)) return '';
  if (node.name === 'br') return '\n';
  let out = '';
  for (const child of node.children) out += textOf(child);
  return out;
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Paragraphs under `root`, each the text of one block element. */
function paragraphs(root: Element, out: string[]): void {
  for (const child of root.children) {
    if (!isElement(child) || SKIP.has(child.name)) continue;
    const hint = `${child.attribs['class'] ?? ''} ${child.attribs['id'] ?? ''}`;
    if (BOILERPLATE_HINT.test(hint)) continue;
    if (BLOCKS.has(child.name)) {
      const text = clean(textOf(child));
      if (text) out.push(text);
    } else paragraphs(child, out);
  }
}

/** The element whose own paragraphs hold the most text: the article body. */
function findBody(root: Element): Element {
  let best = root;
  let bestScore = 0;
  const visit = (node: Element): void => {
    let score = 0;
    for (const child of node.children) {
      if (isElement(child) && child.name === 'p') score += clean(textOf(child)).length;
    }
    if (score > bestScore) {
      bestScore = score;
      best = node;
    }
    for (const child of node.children) if (isElement(child) && !SKIP.has(child.name)) visit(child);
  };
  visit(root);
  return best;
}

function find(root: AnyNode, test: (e: Element) => boolean): Element | null {
  if (isElement(root)) {
    if (test(root)) return root;
    for (const child of root.children) {
      const hit = find(child, test);
      if (hit) return hit;
    }
  } else if ('children' in root) {
    for (const child of (root as unknown as { children: AnyNode[] }).children) {
      const hit = find(child, test);
      if (hit) return hit;
    }
  }
  return null;
}

function meta(doc: AnyNode, ...names: string[]): string | null {
  const wanted = new Set(names);
  const hit = find(
    doc,
    (e) => e.name === 'meta' && wanted.has((e.attribs['property'] ?? e.attribs['name'] ?? e.attribs['itemprop'] ?? '').toLowerCase()),
  );
  const content = hit?.attribs['content'];
  return content ? clean(content) : null;
}

/**
 * A reasonable main-text extraction: the block of paragraphs with the most
 * text, with navigation, scripts and the like left out, and the metadata
 * the page declares (Open Graph, article:*, <title>, <html lang>).
 */
export function extractHtml(html: string): ExtractedPage {
  const doc = parseDocument(html);
  const titleElement = find(doc, (e) => e.name === 'title');
  const h1 = find(doc, (e) => e.name === 'h1');
  const title = meta(doc, 'og:title', 'twitter:title') ?? (h1 ? clean(textOf(h1)) : null) ?? (titleElement ? clean(textOf(titleElement)) : null);
  const timeElement = find(doc, (e) => e.name === 'time' && Boolean(e.attribs['datetime']));
  const published =
    meta(doc, 'article:published_time', 'datepublished', 'date', 'dc.date', 'pubdate') ?? timeElement?.attribs['datetime'] ?? null;
  const htmlElement = find(doc, (e) => e.name === 'html');
  const bodyElement = find(doc, (e) => e.name === 'body');
  const container = bodyElement ? findBody(bodyElement) : null;
  const out: string[] = [];
  if (container) paragraphs(container, out);
  return {
    title: title || null,
    text: out.join('\n\n'),
    published,
    author: meta(doc, 'author', 'article:author'),
    language: htmlElement?.attribs['lang'] ?? null,
    site: meta(doc, 'og:site_name'),
  };
}

/** Charset a page declares in its first bytes (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(head: string): string | null {
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? (m[1] as string).toLowerCase() : null;
}
