// How deep a JSON text nests, found without parsing it. A file of "[[[[…" is a few kilobytes
// yet would make Python's json (and the code that walks a document) recurse once per level,
// past its limit and, inside Pyodide, the browser's stack. So the page refuses such a file
// by name before it goes anywhere; the limit is pilot2prod/model/nesting.py's MAX_DEPTH,
// handed over by the macro (data-max-depth), and Python checks again on its side.

/** True when the JSON `text` opens more than `limit` arrays/objects inside each other. */
export function depthExceeds(text, limit) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "[" || char === "{") {
      depth += 1;
      if (depth > limit) return true;
    } else if (char === "]" || char === "}") {
      depth -= 1;
    }
  }
  return false;
}

/**
 * The same for UTF-8 bytes (a dropped file not yet decoded): the bytes of quotes, backslashes
 * and brackets never occur inside a multi-byte character, so the walk needs no decoding.
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
