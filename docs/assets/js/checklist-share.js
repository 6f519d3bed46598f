// Share links and the clipboard. The answers travel in the URL fragment (after "#"),
// which browsers never send to a server.

import { encodeFragment, fragmentParam, PARAM } from "./fragment-codec.js";
import { cloneDoc } from "./checklist-doc.js";
import { pageUrl } from "./checklist-export.js";

/** Links longer than this may be cut by some mail and chat programs. */
export const LONG_LINK = 2000;

/** A link to this page that carries `doc` in its fragment. */
export async function shareUrl(doc, loc = window.location) {
  return `${pageUrl(loc)}#${PARAM}=${await encodeFragment(cloneDoc(doc))}`;
}

/** The share payload in the current address, or null. */
export function currentSharePayload(loc = window.location) {
  return fragmentParam(loc.hash);
}

/** Drop a share payload from the address bar without reloading or adding history. */
export function clearShareFragment(payload) {
  const loc = window.location;
  if (payload && currentSharePayload(loc) !== payload) return;
  try {
    window.history.replaceState(window.history.state, "", pageUrl(loc));
  } catch {
    // Some embedded views refuse history changes; the banner is gone either way.
  }
}

/** Copy `text` to the clipboard; resolves false when the browser refuses. */
export async function copyText(text) {
  try {
    if (!navigator.clipboard || !window.isSecureContext) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
