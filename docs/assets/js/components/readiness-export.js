// The live verdict widget that scores a checklist, when the page has one: its data-site-root
// and data-directory-urls say how the exports and reports write their links.

/** The live verdict widget scoring checklist `id` on this page, or null. */
export function verdictWidget(id) {
  return document.querySelector(`[data-p2p-component="readiness"][data-checklist="${CSS.escape(id)}"]`);
}
