import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/**
 * The body of an HTTP message with its Content-Encoding undone (gzip,
 * deflate, br; identity passes through), never growing past `maxBytes`: a
 * small compressed body that would expand without end (a "gzip bomb") is
 * refused with an error instead. Throws with a reason for a person.
 */
export function decodeContent(body: Uint8Array, encoding: string | null | undefined, maxBytes: number): Buffer {
  const codings = (encoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && c !== 'identity');
  let bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // codings are listed in the order they were applied: undo the last first
  for (const coding of codings.reverse()) {
    const options = { maxOutputLength: maxBytes };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') bytes = gunzipSync(bytes, options);
      else if (coding === 'br') bytes = brotliDecompressSync(bytes, options);
      else if (coding === 'deflate') {
        // servers send zlib-wrapped and bare deflate alike under this name
        try {
          bytes = inflateSync(bytes, options);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw error;
          bytes = inflateRawSync(bytes, options);
        }
      } else throw new Error(`unknown content encoding "${coding}"`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new Error(`larger than ${Math.round(maxBytes / 1048576)} MiB once decompressed`);
      }
      throw new Error(`cannot decompress (${coding}): ${(error as Error).message}`);
    }
  }
  return bytes;
}
