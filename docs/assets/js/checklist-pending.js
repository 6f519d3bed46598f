// A share link waiting for the reader's choice, remembered for this tab.
//
// Material's navigation.tracking rewrites the address bar's fragment to the heading in view, so
// the "#p2p=…" of a share link can vanish while its banner is still open. Keeping the payload in
// sessionStorage (per tab, per page) lets a reload show the same banner again until the reader
// chooses. Without sessionStorage the banner simply does not survive a reload.

const key = (path) => `pilot2prod:pending-share:${path}`;

/** Remember `payload` as the pending share link of the current page. */
export function rememberPendingShare(payload) {
  try {
    window.sessionStorage.setItem(key(window.location.pathname), payload);
  } catch {
    // Storage blocked: nothing to remember, the banner still works until the page is left.
  }
}

/** Forget the current page's pending share link (the reader chose). */
export function forgetPendingShare() {
  try {
    window.sessionStorage.removeItem(key(window.location.pathname));
  } catch {
    // Nothing was stored.
  }
}

/** The current page's pending share payload, or null. */
export function pendingShare() {
  try {
    return window.sessionStorage.getItem(key(window.location.pathname));
  } catch {
    return null;
  }
}
