// The one choice every page offers when someone else's answers or inputs are shown in place of
// the reader's own: a share link opened, a file imported, a named copy opened. The checklists
// (checklist-transfer.js) and the calculators (calculator.js) both build it here, so the words,
// the buttons and the rule for which buttons appear are the same everywhere.
//
// The rule: nothing is stored until the reader chooses, and no choice may empty the screen of
// the only answers on it. A reader with nothing of their own saved is offered one action, "Save
// to this browser"; "Keep mine" and "Replace mine" (and, on a checklist, "Save as a named copy")
// appear only when there is something of their own to keep.

import { h } from "./dom.js";

/** The buttons' words, by the data-action each carries. */
export const CONSENT_BUTTONS = Object.freeze({
  "banner-save": "Save to this browser",
  "banner-keep": "Keep mine",
  "banner-replace": "Replace mine",
  "banner-copy": "Save as a named copy",
});

/** The actions offered: `hasOwn`, the reader has something saved that a choice could lose;
 * `canCopy`, the page can keep the shown version beside theirs (checklists' named copies). */
export function consentActions({ hasOwn, canCopy = false }) {
  if (!hasOwn) return ["banner-save"];
  return canCopy ? ["banner-keep", "banner-replace", "banner-copy"] : ["banner-keep", "banner-replace"];
}

/** What the banner says about the reader's own version (`what`: "answers", "inputs"), and what
 * happens to changes made while it is shown. `editKeeps`: with nothing of the reader's own, a
 * change keeps the shown version (a calculator, whose fields stay open to try figures). */
export function ownLine({ hasOwn, what, count = null, editKeeps = false }) {
  if (!hasOwn) {
    const save = `“${CONSENT_BUTTONS["banner-save"]}”`;
    return editKeeps
      ? `You have no ${what} saved in this browser: these are stored when you choose ${save} or change one.`
      : `You have no ${what} saved in this browser, so these are shown as they are: nothing is stored until you choose ${save}.`;
  }
  const counted = count === null ? "" : ` (${count} answered)`;
  return `Your own saved ${what}${counted} are untouched until you choose; changes made while this message is here are not saved.`;
}

/** The banner: a region named by its title, with a detail line and the choice's buttons (shown
 * by `offer`). `extra` nodes (the checklist's name panel) go after the buttons. */
export function buildConsent({ id, extra = [] }) {
  const title = h("p", { class: "p2p-banner__title", id: `${id}-title` });
  const detail = h("p", { class: "p2p-banner__detail" });
  const buttons = Object.entries(CONSENT_BUTTONS).map(([action, text]) =>
    h("button", { type: "button", class: "p2p-button", data: { action }, text, hidden: true }),
  );
  const root = h(
    "div",
    { class: "p2p-banner", role: "region", "aria-labelledby": `${id}-title`, tabindex: "-1", hidden: true, data: { p2pOnly: "js" } },
    title,
    detail,
    h("p", { class: "p2p-banner__actions" }, ...buttons),
    ...extra,
  );
  return { root, title, detail, button: (action) => root.querySelector(`[data-action="${action}"]`) };
}

/** Show `banner` with its words and the buttons the situation allows; the first is primary. */
export function offer(banner, { title, detail, hasOwn, canCopy = false }) {
  const shown = consentActions({ hasOwn, canCopy });
  banner.title.textContent = title;
  banner.detail.textContent = detail;
  for (const action of Object.keys(CONSENT_BUTTONS)) {
    const node = banner.button(action);
    node.hidden = !shown.includes(action);
    node.classList.toggle("p2p-button--primary", action === shown[0]);
  }
  banner.root.hidden = false;
}

/** Hide `banner`. */
export function withdraw(banner) {
  banner.root.hidden = true;
}
