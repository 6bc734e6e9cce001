import { TextDecoder } from 'node:util';
import chardet from 'chardet';

/** Bytes of a page read for a `<meta charset>` (the HTML standard's prescan reads 1,024; pages put comments first). */
const PRESCAN_BYTES = 4096;

/** Bytes given to detection: enough for a verdict, bounded for enormous pages. */
const DETECT_BYTES = 64 * 1024;

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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const NON_ASCII = /[^\x00-\x7f]/;

export interface Decoded {
  text: string;
  /** The encoding used, as TextDecoder names it. */
  charset: string;
  /** Where it came from. */
  by: 'bom' | 'header' | 'meta' | 'utf-8' | 'detected' | 'default';
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
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8', by: 'bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le', by: 'bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be', by: 'bom' };
  const fromHeader = headerCharset(contentType);
  const header = fromHeader ? decoder(fromHeader) : null;
  if (header) return { text: header.decode(bytes), charset: header.encoding, by: 'header' };
  let utf8: string | null | undefined; // undefined: not tried yet; null: not UTF-8
  const asUtf8 = (): string | null => {
    if (utf8 === undefined) {
      try {
        utf8 = strictUtf8.decode(bytes);
      } catch {
        utf8 = null;
      }
    }
    return utf8;
  };
  for (const label of declaredCharsets(new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES)))) {
    // a page saved as UTF-8 that still declares UTF-16 is UTF-8 (the HTML standard says so too)
    const meta = decoder(label.startsWith('utf-16') ? 'utf-8' : label);
    if (!meta) continue;
    if (meta.encoding !== 'utf-8') {
      // a page saved again as UTF-8 keeps declaring its old charset: bytes that are valid UTF-8 beyond ASCII are
      // almost never text of another charset
      const text = asUtf8();
      if (text !== null && NON_ASCII.test(text)) return { text, charset: 'utf-8', by: 'utf-8' };
      return { text: meta.decode(bytes), charset: meta.encoding, by: 'meta' };
    }
    // pages copied into another site's template often declare UTF-8 first and their own charset after
    const text = asUtf8();
    if (text !== null) return { text, charset: 'utf-8', by: 'meta' };
  }
  const text = asUtf8();
  if (text !== null) return { text, charset: 'utf-8', by: 'utf-8' };
  const guess = chardet.detect(bytes.subarray(0, DETECT_BYTES));
  const detected = guess ? decoder(guess) : null;
  if (detected) return { text: detected.decode(bytes), charset: detected.encoding, by: 'detected' };
  return { text: new TextDecoder('windows-1252').decode(bytes), charset: 'windows-1252', by: 'default' };
}
