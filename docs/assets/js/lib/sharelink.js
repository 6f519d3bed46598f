// Share links: the codec (a JSON object <-> the text after "p2p=" in a URL fragment), and the
// one place that remembers a link's "#p2p=…" payload for the page it opens.
//
// Format: "v2." + CRC-32 of the UTF-8 JSON (8 lowercase hex digits) + "." + base64url (no
// padding) of raw DEFLATE (no zlib header) of that JSON. pilot2prod/sharelink.py reads and
// writes the same strings. A fragment is untrusted: decodeShare bounds the compressed and the
// expanded size, accepts only an object, and refuses content that does not match its check
// (a link changed on the way can still inflate). Older "v1." links (no check) still open,
// with `verified: false`. The functions are async because the browser's (de)compression
// streams are.

import { RULES } from "./rules.js";

export const PREFIX = "v2.";
export const LEGACY_PREFIX = "v1.";
export const PARAM = "p2p";
/** The largest share link opened (Python's pilot2prod/sharelink.py MAX_BYTES, from rules.js). */
export const MAX_BYTES = RULES.share_link.max_bytes;

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const CHECK = /^[0-9a-f]{8}$/;

let crcTable = null;

/** CRC-32 (the zlib.crc32 of Python) of `bytes`, as eight lowercase hex digits. */
export function checksum(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i += 1) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
}

function toBase64Url(bytes) {
  let binary = "";
  const chunk = 0x8000; // String.fromCharCode takes arguments; keep the count bounded
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function concat(chunks, total) {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function readAll(readable, maxBytes, tooLarge) {
  const reader = readable.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      throw new Error(tooLarge);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

function requireStreams() {
  if (typeof CompressionStream === "undefined" || typeof DecompressionStream === "undefined") {
    throw new Error("This browser cannot pack or unpack share links; export the answers as JSON instead.");
  }
}

/** Pack a JSON object into the text that follows "p2p=" (resolves to a string). */
export async function encodeFragment(obj) {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
    throw new Error("A share link carries a set of answers (a JSON object).");
  }
  requireStreams();
  const raw = new TextEncoder().encode(JSON.stringify(obj));
  const stream = new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const packed = await readAll(stream, Number.MAX_SAFE_INTEGER, "");
  return `${PREFIX}${checksum(raw)}.${toBase64Url(packed)}`;
}

/** Unpack the text after "p2p=" into the object it carries (see decodeShare). */
export async function decodeFragment(text, options = {}) {
  return (await decodeShare(text, options)).doc;
}

/** The words a page adds when a link opened without a check (v1): it cannot be vouched for. */
export const UNVERIFIED_TEXT =
  "This link is in the older format, which carries no check, so it cannot be verified as complete and unchanged.";

/**
 * Unpack the text after "p2p=": {text, verified}, the JSON text it carries (read by Python, as
 * an imported file is: a key written twice or a deep nesting is refused there) and whether a
 * checksum vouched for it (v2) rather than nothing (v1). Throws an Error whose message is meant
 * for a reader, never for a developer.
 */
export async function decodeShareText(text, { maxBytes = MAX_BYTES } = {}) {
  if (typeof text !== "string") throw new Error("The share link is not text.");
  let payload = text.trim();
  if (!payload) {
    throw new Error("The share link is empty: nothing follows “#p2p=”, so there is nothing to open; it may have been cut off when it was copied.");
  }
  let expected = null;
  if (payload.startsWith(PREFIX)) {
    const rest = payload.slice(PREFIX.length);
    const dot = rest.indexOf(".");
    expected = dot < 0 ? rest : rest.slice(0, dot);
    if (!CHECK.test(expected)) throw new Error("The share link is damaged: its check is missing or not eight hex digits.");
    payload = rest.slice(dot + 1);
  } else if (payload.startsWith(LEGACY_PREFIX)) {
    payload = payload.slice(LEGACY_PREFIX.length);
  } else {
    throw new Error("The share link is not in a format this site knows; it may come from a newer version.");
  }
  if (Math.floor((payload.length * 3) / 4) > maxBytes) {
    throw new Error("The share link is too large to open (over 1 MB).");
  }
  if (!payload || !BASE64URL.test(payload) || payload.length % 4 === 1) {
    throw new Error("The share link is damaged: it holds characters a link cannot carry.");
  }
  requireStreams();
  let packed;
  try {
    packed = fromBase64Url(payload);
  } catch {
    throw new Error("The share link is damaged and cannot be read.");
  }
  let raw;
  try {
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    raw = await readAll(stream, maxBytes, "The share link expands to more than 1 MB; it was not opened.");
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("The share link")) throw error;
    throw new Error("The share link is damaged or incomplete and cannot be read.");
  }
  if (expected !== null && checksum(raw) !== expected) {
    throw new Error("The share link is damaged: its content does not match its check, so part of it changed on the way; it was not opened.");
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(raw), verified: expected !== null };
  } catch {
    throw new Error("The share link does not hold readable answers: its content is not UTF-8 text.");
  }
}

/** Unpack the text after "p2p=" into {doc, verified}: the object it carries (see above). */
export async function decodeShare(text, options = {}) {
  const { text: json, verified } = await decodeShareText(text, options);
  let obj;
  try {
    obj = JSON.parse(json);
  } catch {
    throw new Error("The share link does not hold readable answers.");
  }
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
    throw new Error("The share link does not hold a set of answers.");
  }
  return { doc: obj, verified };
}

/** The "p2p=" value in a location hash such as "#p2p=v2.…", "" when empty, null when absent. */
export function fragmentParam(hash) {
  const text = String(hash || "").replace(/^#/, "");
  for (const part of text.split("&")) {
    if (part.startsWith(PARAM + "=")) return part.slice(PARAM.length + 1);
  }
  return null;
}

/** The page's address without any fragment (share links and anchors stripped). */
export function pageUrl(loc = window.location) {
  return `${loc.origin}${loc.pathname}${loc.search}`;
}

/** Drop a share payload from the address bar without reloading or adding history. */
export function clearShareFragment(payload) {
  releaseShareFragment();
  const loc = window.location;
  if (payload && fragmentParam(loc.hash) !== payload) return;
  try {
    window.history.replaceState(window.history.state, "", pageUrl(loc));
  } catch {
    // Some embedded views refuse history changes; the payload is dropped either way.
  }
}

// --- remembering a payload across Material's navigation ------------------------------------
//
// Material's navigation.tracking may replace the address bar's fragment with the heading in view
// (and, after an instant navigation, with an anchor of the page being left) before a component
// has loaded. So a payload is also taken from where it first appeared: the fragment this document
// was loaded with (used once), an in-site link the reader followed, or a checklist banner left
// open before a reload (sessionStorage, per tab and page). main.js imports this module on every
// page, so the click listener below is registered once per tab.

let openedWith = window.location.hash;
let followed = null;

document.addEventListener(
  "click",
  (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link) return;
    const url = new URL(link.href, window.location.href);
    const payload = url.origin === window.location.origin ? fragmentParam(url.hash) : null;
    followed = payload ? { path: url.pathname, payload } : null;
  },
  true,
);

// A link pasted into the address bar of an open page changes only its fragment: Material's
// instant navigation answers the history change by drawing the page again, and its tracking may
// replace the fragment before the new page's components ask for it.
window.addEventListener("hashchange", (event) => {
  const url = new URL(event.newURL);
  const payload = fragmentParam(url.hash);
  if (payload !== null) followed = { path: url.pathname, payload };
});

const pendingKey = (path) => `pilot2prod:pending-share:${path}`;

/** The share payload meant for the page now showing, or null; call once per page shown. */
export function takeSharePayload() {
  const path = window.location.pathname;
  let payload = fragmentParam(window.location.hash);
  if (payload === null && openedWith !== null) payload = fragmentParam(openedWith);
  openedWith = null;
  if (payload === null && followed && followed.path === path) payload = followed.payload;
  followed = null;
  // "" is a link that ends in "#p2p=": handed on, so the page can say it was empty.
  return payload !== null ? payload : pendingShare();
}

// --- keeping a waiting link in the address ---------------------------------------------------
//
// While a link's answers or inputs wait for the reader's choice, the address keeps the link:
// copying it, bookmarking it or reloading shows what is on screen. Material's navigation.tracking
// writes the heading in view into the fragment (history.replaceState) as the page scrolls, so
// while a link is held, a new address for the same page keeps the link's fragment instead. The
// reader's choice lets it go (clearShareFragment, releaseShareFragment).

let held = null;
const replaceHistory = window.history.replaceState.bind(window.history);

function keepHeld(url) {
  if (!held || url === undefined || url === null) return url;
  const next = new URL(String(url), window.location.href);
  if (next.pathname !== held.path || fragmentParam(next.hash) !== null) return url;
  next.hash = `${PARAM}=${held.payload}`;
  return next.href;
}

window.history.replaceState = function replaceState(state, unused, url) {
  return replaceHistory(state, unused, keepHeld(url));
};

// Going to another address (Material's instant navigation) leaves the waiting link behind: the
// page it belongs to remembers it for this tab (rememberPendingShare) and holds it again there.
const pushHistory = window.history.pushState.bind(window.history);
window.history.pushState = function pushState(state, unused, url) {
  held = null;
  return pushHistory(state, unused, url);
};

/** Keep `payload` in this page's address until it is released, putting it back if it went. */
export function holdShareFragment(payload) {
  held = { path: window.location.pathname, payload };
  if (fragmentParam(window.location.hash) === payload) return;
  try {
    replaceHistory(window.history.state, "", `${pageUrl()}#${PARAM}=${payload}`);
  } catch {
    // Some embedded views refuse history changes; the banner still says what is shown.
  }
}

/** Stop keeping a link in the address (the reader chose, or the page changed). */
export function releaseShareFragment() {
  held = null;
}

/** Remember `payload` as the current page's share link waiting for the reader's choice, in
 * this tab's session and in the address. */
export function rememberPendingShare(payload) {
  holdShareFragment(payload);
  try {
    window.sessionStorage.setItem(pendingKey(window.location.pathname), payload);
  } catch {
    // Storage blocked: nothing to remember, the banner still works until the page is left.
  }
}

/** Forget the current page's pending share link (the reader chose). */
export function forgetPendingShare() {
  releaseShareFragment();
  try {
    window.sessionStorage.removeItem(pendingKey(window.location.pathname));
  } catch {
    // Nothing was stored.
  }
}

function pendingShare() {
  try {
    return window.sessionStorage.getItem(pendingKey(window.location.pathname));
  } catch {
    return null;
  }
}
