/**
 * How deep a JSON text nests objects and arrays, read from its bytes without parsing (strings skipped), so a
 * body nested thousands of levels deep is refused before anything builds or walks it. Linear, no recursion.
 * Stops counting once `limit` is exceeded.
 */
export function jsonNestingExceeds(text: Buffer, limit: number): boolean {
  const [QUOTE, BACKSLASH, OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY] = [
    0x22, 0x5c, 0x7b, 0x5b, 0x7d, 0x5d,
  ];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const byte = text[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth--;
  }
  return false;
}
