// How deep a dropped file's JSON nests, found in its bytes without parsing them. A file of
// "[[[[…" is a few kilobytes yet would make Python's json recurse once per level, past its limit
// and, inside Pyodide, the browser's stack (where a big file is not worth scanning in Python
// first). The worker refuses such a file before Python parses it; the limit is Python's
// (pilot2prod/model/nesting.py, handed over by the page), and Python checks again on its side.

/**
 * True when the UTF-8 `bytes` (a dropped file not yet decoded) open more than `limit`
 * arrays/objects inside each other. The bytes of quotes, backslashes and brackets never occur
 * inside a multi-byte character, so the walk needs no decoding.
 */
export function bytesDepthExceeds(bytes, limit) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (byte === 92) escaped = true; // backslash
      else if (byte === 34) inString = false; // quote
    } else if (byte === 34) {
      inString = true;
    } else if (byte === 91 || byte === 123) {
      depth += 1;
      if (depth > limit) return true;
    } else if (byte === 93 || byte === 125) {
      depth -= 1;
    }
  }
  return false;
}
