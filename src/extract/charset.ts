import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import chardet from 'chardet';

/** Bytes of a page read for a `<meta charset>` (the HTML standard's prescan reads 1,024; pages put comments first). */
const PRESCAN_BYTES = 4096;

/** Bytes given to detection: enough for a verdict, bounded for enormous pages (detection reads them some twenty times, once a charset). */
const DETECT_BYTES = 16 * 1024;

/** Bytes of ASCII before the first other byte that detection also reads. */
const DETECT_BEFORE = 1024;

/** The charsets an XML declaration, `<meta charset>` or `<meta http-equiv="Content-Type">` in the page's first bytes declare, in order. */
export function declaredCharsets(head: string): string[] {
  const xml = /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  const metas = [...head.matchAll(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/gi)].map((m) => m[1] as string);
  return (xml ? [xml[1] as string, ...metas] : metas).map((label) => label.toLowerCase());
}

/** The charset of a Content-Type header (`text/html; charset=windows-1251`). */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = contentType ? /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(contentType) : null;
  return m ? (m[1] as string).toLowerCase() : null;
}

function decoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // a label no decoder knows
  }
}

/**
 * Bytes decoded at a time. Node 20 builds a string of a large page an order
 * of magnitude more slowly than the same text in pieces of this size, so a
 * page is decoded, and parsed, in pieces.
 */
const PIECE_BYTES = 16 * 1024;

/**
 * Decoding as a stream, even all at once: Node 20 decodes windows-1252 as
 * ISO-8859-1 otherwise (0x85 as U+0085, not "…"; 0x80 not as "€").
 */
const STREAM = { stream: true } as const;

/** A page's text: whole (`text`) or in pieces (`parts`), each decoded on first use. */
export class Decoded {
  #text: string | null = null;
  #parts: string[] | null = null;
  readonly #bytes: Uint8Array;
  constructor(
    bytes: Uint8Array,
    /** The encoding used, as TextDecoder names it. */
    readonly charset: string,
    /** Where it came from. */
    readonly by: 'bom' | 'header' | 'meta' | 'utf-8' | 'detected' | 'default',
    /** The text, when it was decoded whole already. */
    text: string | null = null,
  ) {
    this.#bytes = bytes;
    this.#text = text;
  }

  get text(): string {
    if (this.#text === null) {
      const decoder = new TextDecoder(this.charset);
      this.#text = decoder.decode(this.#bytes, STREAM) + decoder.decode();
    }
    return this.#text;
  }

  /** The text in pieces, in order (a character split between pieces of bytes is kept whole). */
  get parts(): readonly string[] {
    if (this.#text !== null) return [this.#text];
    if (this.#parts === null) {
      const decoder = new TextDecoder(this.charset);
      const bytes = this.#bytes;
      this.#parts = [];
      for (let at = 0; at < bytes.length; at += PIECE_BYTES) {
        const piece = decoder.decode(bytes.subarray(at, at + PIECE_BYTES), STREAM);
        if (piece) this.#parts.push(piece);
      }
      const rest = decoder.decode();
      if (rest) this.#parts.push(rest);
    }
    return this.#parts;
  }
}

/**
 * Decodes a page: by its byte-order mark, else the charset of the HTTP
 * header (`contentType`, from a WARC record or a fetch), else its
 * `<meta charset>` (a declared UTF-8 that the bytes are not is passed over
 * for the next declaration; another charset declared for bytes that are
 * valid UTF-8 beyond ASCII gives way to UTF-8), else UTF-8 when the bytes are valid UTF-8, else
 * the charset detected from the bytes (windows-1252 when nothing is).
 */
export function decodePage(bytes: Uint8Array, contentType?: string | null): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new Decoded(bytes.subarray(3), 'utf-8', 'bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new Decoded(bytes.subarray(2), 'utf-16le', 'bom');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new Decoded(bytes.subarray(2), 'utf-16be', 'bom');
  const fromHeader = headerCharset(contentType);
  const header = fromHeader ? decoder(fromHeader) : null;
  if (header) return new Decoded(bytes, header.encoding, 'header');
  let utf8: boolean | undefined; // undefined: not tried yet
  const validUtf8 = (): boolean => (utf8 ??= isUtf8(bytes));
  for (const label of declaredCharsets(new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES)))) {
    // a page saved as UTF-8 that still declares UTF-16 is UTF-8 (the HTML standard says so too)
    const meta = decoder(label.startsWith('utf-16') ? 'utf-8' : label);
    if (!meta) continue;
    if (meta.encoding !== 'utf-8') {
      // a page saved again as UTF-8 keeps declaring its old charset: bytes that are valid UTF-8 beyond ASCII are
      // almost never text of another charset
      if (validUtf8() && !isAscii(bytes)) return new Decoded(bytes, 'utf-8', 'utf-8');
      return new Decoded(bytes, meta.encoding, 'meta');
    }
    // pages copied into another site's template often declare UTF-8 first and their own charset after
    if (validUtf8()) return new Decoded(bytes, 'utf-8', 'meta');
  }
  if (validUtf8()) return new Decoded(bytes, 'utf-8', 'utf-8');
  const asUtf8 = mostlyUtf8(bytes);
  if (asUtf8 !== null) return new Decoded(bytes, 'utf-8', 'utf-8', asUtf8);
  const detected = detect(bytes);
  if (detected) return new Decoded(bytes, detected.encoding, 'detected');
  return new Decoded(bytes, 'windows-1252', 'default');
}

/** Least share of a page's characters beyond ASCII that decode as UTF-8 for bytes that are not all UTF-8 to be read as UTF-8. */
const MOSTLY_UTF8 = 0.9;

/**
 * The text of bytes that are not valid UTF-8 but are UTF-8 with a few stray bytes of
 * another charset (a Latin-1 "ü" in an image's alt text or a comment of a
 * UTF-8 page): nine in ten of the characters beyond ASCII or more decode.
 * Read as a legacy charset, all its UTF-8 text would be garbled; read as
 * UTF-8, only the stray bytes are lost. Text of a legacy charset almost never
 * decodes so (its letters beyond ASCII are not UTF-8 sequences): null.
 */
function mostlyUtf8(bytes: Uint8Array): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let lost = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) lost++;
    else other++;
  }
  return other > 0 && other >= (other + lost) * MOSTLY_UTF8 ? text : null;
}

/**
 * The charset detected for bytes of a legacy charset: read where their text
 * is, from just before the first byte beyond ASCII (a page's first kilobytes
 * are often its ASCII scripts).
 */
function detect(bytes: Uint8Array): TextDecoder | null {
  const first = bytes.findIndex((b) => b >= 0x80);
  const from = Math.max(0, first - DETECT_BEFORE);
  const guess = chardet.detect(bytes.subarray(from, from + DETECT_BYTES));
  return guess ? decoder(guess) : null;
}
