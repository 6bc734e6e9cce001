import type { AnyNode, Document, Element } from 'domhandler';

/** Elements nested deeper than this are not read (a page nested 100,000 deep would overflow the stack). */
export const MAX_DEPTH = 400;

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: AnyNode): node is AnyNode & { data: string } {
  return node.type === 'text';
}

/** White space to collapse: a run of two or more, or one that is not a plain space (a single space is left as it is, without a copy). */
const SPACES = /\s{2,}|[^\S ]/g;

/** White space collapsed to single spaces, trimmed, without soft hyphens. */
export const collapse = (s: string): string => withoutSoftHyphens(s).replace(SPACES, ' ').trim();

/**
 * Text without soft hyphens (U+00AD): marks where a word may break across
 * lines ("Mit&shy;tel&shy;al&shy;ter"), invisible unless it does, and no part
 * of the word: left in, the word matches nothing else written without them.
 */
export const withoutSoftHyphens = (s: string): string => (s.includes('\u00ad') ? s.replaceAll('\u00ad', '') : s);

/** The text under `node`, as in the page (no white space changed), skipping `skip` elements. */
export function textContent(node: AnyNode, skip?: ReadonlySet<string>, depth = 0): string {
  if (isText(node)) return node.data;
  if (!('children' in node) || depth > MAX_DEPTH) return '';
  if (isElement(node) && skip?.has(node.name)) return '';
  let out = '';
  for (const child of node.children as AnyNode[]) out += textContent(child, skip, depth + 1);
  return out;
}

/** Elements that set their text apart from the text around them. */
const BLOCK_TAGS = new Set('p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 br hr tr td th table thead tbody section article header footer aside nav main blockquote pre figure figcaption form address'.split(' '));

/**
 * The text under `node` with white space collapsed, or null when it is
 * longer than `limit` characters: read only as far as needed to tell (an
 * element whose class says "meta" or "info" may wrap the whole page). With
 * `lines`, the blocks in it (paragraphs, list items, cells …) are on lines
 * of their own: a phrase ends with its block ("Jane Doe" and "Weitere
 * Artikel" not run together).
 */
export function shortText(node: AnyNode, limit: number, skip?: ReadonlySet<string>, lines = false): string | null {
  const raw = rawText(node, limit, skip, lines ? '\n' : '');
  if (raw === null) return null;
  const text = lines ? asLines(raw) : collapse(raw);
  return text.length > limit ? null : text;
}

/** Marks where a block ends in `markedText` (U+2029, the paragraph separator): no page's text holds it between words. */
export const BLOCK_MARK = '\u2029';

/**
 * The text under `node` as the page has it, with BLOCK_MARK around each
 * block, skipping `skip` elements: for a phrase looked for across a whole
 * page, that must end with its block (normalising the white space of a whole
 * page would cost more than reading it).
 */
export const markedText = (node: AnyNode, skip?: ReadonlySet<string>): string => rawText(node, Infinity, skip, BLOCK_MARK) as string;

/** The text under `node` unchanged, `mark` around its blocks, or null once its collapsed length passes `limit`. */
function rawText(node: AnyNode, limit: number, skip: ReadonlySet<string> | undefined, mark: string): string | null {
  let raw = '';
  let tooLong = false;
  // white space may be most of it: the text is measured collapsed once it could be too long, and again each time it doubles
  let measureAt = limit;
  const visit = (n: AnyNode, depth: number): void => {
    if (tooLong) return;
    if (isText(n)) {
      raw += n.data;
      if (raw.length > measureAt) {
        if (collapse(raw).length > limit) tooLong = true;
        measureAt = raw.length * 2;
      }
      return;
    }
    if (!('children' in n) || depth > MAX_DEPTH) return;
    if (isElement(n) && skip?.has(n.name)) return;
    const block = mark !== '' && depth > 0 && isElement(n) && BLOCK_TAGS.has(n.name);
    if (block) raw += mark;
    for (const child of n.children as AnyNode[]) visit(child, depth + 1);
    if (block) raw += mark;
  };
  visit(node, 0);
  return tooLong ? null : raw;
}

/** Text with white space collapsed but its line breaks kept (one between lines), without soft hyphens. */
const asLines = (s: string): string => withoutSoftHyphens(s).replace(/[^\S\n]+/g, ' ').replace(/ ?\n\s*/g, '\n').trim();

/** Every element under `root` in document order (iterative: deep pages do not overflow the stack). */
export function* elements(root: Document | Element): Generator<Element> {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
}

/** The first element under `root` that passes `test`. */
export function findElement(root: Document | Element, test: (e: Element) => boolean): Element | null {
  for (const e of elements(root)) if (test(e)) return e;
  return null;
}

/** Class and id of an element, for the patterns that tell boilerplate from content. */
export function classAndId(e: Element): string {
  const c = e.attribs['class'];
  const id = e.attribs['id'];
  return c ? (id ? `${c} ${id}` : c) : (id ?? '');
}
