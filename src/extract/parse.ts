import { DomHandler, type DataNode, type Document } from 'domhandler';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Parser, Tokenizer } from 'htmlparser2';

/** Elements whose text is kept as written: no character references are decoded in them (as htmlparser2 does). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'xmp']);

/**
 * The document tree, with character references decoded once the tree is
 * built rather than by the tokenizer: the tokenizer then skips through text
 * and attribute values to the next `<` or quote instead of reading them a
 * character at a time. Only text and values holding a `&` are decoded, by
 * the same library and rules the tokenizer uses (entities: text in legacy
 * mode, attribute values in attribute mode).
 */
class Handler extends DomHandler {
  private readonly encoded: DataNode[] = [];

  override ontext(data: string): void {
    super.ontext(data);
    if (!data.includes('&')) return;
    const node = this.lastNode;
    if (!node || this.encoded[this.encoded.length - 1] === node) return;
    const parent = node.parent;
    if (parent && 'name' in parent && RAW_TEXT.has(parent.name)) return;
    this.encoded.push(node);
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (!storesAttributes) {
      for (const key in attribs) {
        const value = attribs[key] as string;
        if (value.includes('&')) attribs[key] = decodeHTMLAttribute(value);
      }
    }
    super.onopentag(name, attribs);
  }

  override onend(): void {
    // a text node is whole only at the end: a reference may straddle two pieces of the page
    for (const node of this.encoded) node.data = decodeHTML(node.data);
    this.encoded.length = 0;
    super.onend();
  }
}

/** What htmlparser2's tokenizer keeps of the page it reads (its fields, read by `skipTo`). */
interface TokenizerState {
  buffer: string;
  index: number;
  offset: number;
}

/**
 * htmlparser2's tokenizer, moving to the next character it waits for (the
 * `<` that ends text or a script, the quote that ends a value) with the
 * native String#indexOf rather than a loop over characters: the same
 * positions, several times faster over the scripts that are half of a news
 * page. Where htmlparser2's tokenizer has no such method, it is used as it is.
 */
class SkippingTokenizer extends Tokenizer {}
function skipTo(this: TokenizerState, c: number): boolean {
  const at = this.buffer.indexOf(String.fromCharCode(c), this.index + 1 - this.offset);
  if (at >= 0) {
    this.index = at + this.offset;
    return true;
  }
  this.index = this.buffer.length + this.offset - 1;
  return false;
}
if (typeof (Tokenizer.prototype as unknown as Record<string, unknown>)['fastForwardTo'] === 'function') {
  Object.defineProperty(SkippingTokenizer.prototype, 'fastForwardTo', { value: skipTo });
}

/** What htmlparser2's parser keeps of the attribute it reads (its fields, read by `attributeEnd`). */
interface ParserState {
  startIndex: number;
  endIndex: number;
  buffers: string[];
  bufferOffset: number;
  attribs: Record<string, string> | null;
  attribname: string;
  attribvalue: string;
}

/**
 * htmlparser2's parser, storing each attribute's value as it ends, decoded
 * (attribute mode) when it holds a `&`. The first of two same-named
 * attributes is kept, as htmlparser2 does. Where htmlparser2's parser has no
 * such method, it is used as it is and values are decoded in the handler.
 */
class TreeParser extends Parser {}
function attributeEnd(this: ParserState, _quote: number, endIndex: number): void {
  this.endIndex = endIndex;
  const attribs = this.attribs;
  const name = this.attribname;
  if (attribs && !Object.hasOwn(attribs, name)) {
    const value = this.attribvalue;
    attribs[name] = value.includes('&') ? decodeHTMLAttribute(value) : value;
  }
  this.attribvalue = '';
}
/**
 * Attribute names met so far, by length (up to eight of each): a name read
 * from the page is looked up here before a new string is cut for it. Besides
 * saving the string, a property stored under a name the engine already knows
 * as a key is several times faster than under a new string.
 */
const knownNames: string[][] = [];
const MAX_NAME_LENGTH = 32;
const NAMES_PER_LENGTH = 8;
function attributeName(this: ParserState, start: number, endIndex: number): void {
  this.startIndex = start;
  const length = endIndex - start;
  const buffer = this.buffers[0] as string;
  const at = start - this.bufferOffset;
  const whole = at >= 0 && endIndex - this.bufferOffset <= buffer.length;
  const known = knownNames[length];
  if (known !== undefined && whole) {
    for (const name of known) {
      if (buffer.startsWith(name, at)) {
        this.attribname = name;
        return;
      }
    }
  }
  const name = (whole ? buffer.slice(at, at + length) : parserSlice.call(this, start, endIndex)).toLowerCase();
  if (length <= MAX_NAME_LENGTH && whole) {
    const list = (knownNames[length] ??= []);
    if (list.length < NAMES_PER_LENGTH && buffer.startsWith(name, at)) list.push(name);
  }
  this.attribname = name;
}
/**
 * Each element's attributes are kept in an object with no prototype: the
 * engine keeps such an object as a table from the start, and storing names
 * in the thousands of orders pages use is faster there than building a shape
 * for each order. (No attribute is then shadowed by, nor read from,
 * Object.prototype: "constructor" is an attribute like any other.)
 */
const parserOpenTag = (Parser.prototype as unknown as Record<string, unknown>)['emitOpenTag'] as (this: ParserState, name: string) => void;
function openTag(this: ParserState, name: string): void {
  parserOpenTag.call(this, name);
  if (this.attribs) this.attribs = Object.create(null) as Record<string, string>;
}
if (typeof parserOpenTag === 'function') Object.defineProperty(TreeParser.prototype, 'emitOpenTag', { value: openTag });
const storesAttributes = typeof (Parser.prototype as unknown as Record<string, unknown>)['onattribend'] === 'function';
if (storesAttributes) Object.defineProperty(TreeParser.prototype, 'onattribend', { value: attributeEnd });
const parserSlice = (Parser.prototype as unknown as Record<string, unknown>)['getSlice'] as (
  this: ParserState,
  start: number,
  end: number,
) => string;
if (typeof parserSlice === 'function' && typeof (Parser.prototype as unknown as Record<string, unknown>)['onattribname'] === 'function') {
  Object.defineProperty(TreeParser.prototype, 'onattribname', { value: attributeName });
}

/** The page's document tree, parsed from its text whole or in pieces (`Decoded.parts`: no large string is built). */
export function parseHtml(html: string | readonly string[]): Document {
  const handler = new Handler();
  const parser = new TreeParser(handler, { decodeEntities: false, Tokenizer: SkippingTokenizer });
  if (typeof html === 'string') parser.end(html);
  else {
    for (const piece of html) parser.write(piece);
    parser.end();
  }
  return handler.root;
}
