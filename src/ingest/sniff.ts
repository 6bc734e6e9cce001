/** Whether bytes are binary data rather than text: NUL bytes at the start (UTF-16 text has a byte-order mark, handled first). */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const head = bytes.subarray(0, 1024);
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  return nul > 0;
}

