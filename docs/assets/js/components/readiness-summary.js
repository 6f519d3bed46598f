// The verdict in view while answering: a compact summary placed inside the readiness checklist,
// above its questions. CSS keeps it stuck under the header on a wide screen and turns it into a
// bar at the bottom of a phone's screen that opens for the details (readiness.css).
//
// It shows only what Python worked out (verdict, score, weakest dimension, blockers) for the
// answers shown; while Python is starting, or between an answer and its result, it says the
// verdict is being worked out and gives the one thing counted here: how many are answered.

import { h, setText } from "../lib/dom.js";

const WORKING = "Working out the verdict…";

/** The question the address names (a blocker's link, a link to one question), scrolled to again
 * now that the summary is drawn. The theme's instant navigation draws the page again for a
 * link within it and scrolls before the form has grown its folds and this summary, which then
 * push the question out of sight. */
export function revealLinkedQuestion(form) {
  let id = "";
  try {
    id = decodeURIComponent(window.location.hash.slice(1));
  } catch {
    return; // not an element's id
  }
  const target = id ? document.getElementById(id) : null;
  if (target && form.contains(target) && target.matches(".p2p-item")) target.scrollIntoView({ block: "start" });
}

export class VerdictSummary {
  /** Build the summary for the readiness `widget` and put it into its checklist `form`. */
  constructor(widget, form) {
    this.total = form.querySelectorAll(".p2p-item[data-item]").length;
    this.answered = 0;
    const id = `${form.id}--summary`;
    const field = (name, label) => {
      const value = h("span", { class: "p2p-verdict-bar__value", data: { summary: name } });
      const cell = h("span", { class: `p2p-verdict-bar__cell p2p-verdict-bar__cell--${name}` }, h("span", { class: "p2p-verdict-bar__label", text: `${label}: ` }), value);
      return { cell, value };
    };
    this.verdict = field("verdict", "Verdict");
    this.score = field("score", "Score");
    this.answeredField = field("answered", "Answered");
    this.blockers = field("blockers", "Blockers");
    this.weakest = field("weakest", "Weakest");
    this.toggle = h("button", {
      type: "button",
      class: "p2p-verdict-bar__toggle",
      "aria-expanded": "false",
      "aria-controls": `${id}-more`,
      text: "Details",
    });
    const link = h("a", { class: "p2p-verdict-bar__link", href: `#${widget.getAttribute("aria-labelledby") || ""}`, text: "Full explanation of the verdict" });
    this.more = h("div", { class: "p2p-verdict-bar__more", id: `${id}-more` }, this.weakest.cell, link);
    this.live = h(
      "p",
      { class: "p2p-verdict-bar__main", role: "status" },
      this.verdict.cell,
      this.score.cell,
      this.answeredField.cell,
      this.blockers.cell,
    );
    this.root = h(
      "aside",
      { class: "p2p-verdict-bar p2p-no-print", id, "aria-label": "Readiness verdict so far", data: { state: "booting", open: "false" } },
      this.live,
      this.toggle,
      this.more,
    );
    this.toggle.addEventListener("click", () => this.setOpen(this.root.dataset.open !== "true"));
    // Scrolled here rather than left to the browser: instant navigation can keep the old
    // scroll position for a link on the same page. Focus follows, for keyboard readers.
    link.addEventListener("click", (event) => {
      const target = document.getElementById(link.hash.slice(1));
      if (!target) return;
      event.preventDefault();
      this.setOpen(false);
      target.scrollIntoView({ block: "start" });
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    });
    this.root.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.root.dataset.open === "true") {
        this.setOpen(false);
        this.toggle.focus();
      }
    });
    // Above the first section: the summary stays in view while any question is.
    const first = form.querySelector(".p2p-section");
    const heading = first && first.previousElementSibling && /^H[1-6]$/.test(first.previousElementSibling.tagName) ? first.previousElementSibling : first;
    if (heading) heading.before(this.root);
    else form.append(this.root);
    this.measure(form);
    this.working();
    revealLinkedQuestion(form);
  }

  /** Tell the stylesheet how much of the screen the summary covers, as it changes: stuck under
   * the header (--p2p-bar-top, where a question linked to must land below it) or fixed at the
   * foot (--p2p-bar-bottom, where the form's notices must show above it). Set on the form, so
   * they reach only its questions and notices and leave with the page. */
  measure(form) {
    const update = () => {
      if (!this.root.isConnected) return;
      const style = getComputedStyle(this.root);
      const height = Math.ceil(this.root.getBoundingClientRect().height);
      const top = style.position === "sticky" ? Math.ceil(parseFloat(style.top) || 0) + height : 0;
      form.style.setProperty("--p2p-bar-top", `${top}px`);
      form.style.setProperty("--p2p-bar-bottom", style.position === "fixed" ? `${height}px` : "0px");
    };
    new ResizeObserver(update).observe(this.root);
    window.addEventListener("resize", update, { passive: true });
    update();
  }

  setOpen(open) {
    this.root.dataset.open = String(open);
    this.toggle.setAttribute("aria-expanded", String(open));
  }

  /** New answers were shown: count them, and say the verdict is on its way. */
  answers(answers) {
    this.answered = Object.values(answers || {}).filter((v) => typeof v === "string" && v !== "").length;
    setText(this.answeredField.value, `${this.answered} of ${this.total}`);
    this.root.setAttribute("aria-busy", "true");
  }

  /** Python is not ready yet (or is starting again): no verdict to show. */
  working() {
    this.root.dataset.state = "booting";
    setText(this.verdict.value, WORKING);
    setText(this.score.value, "…");
    setText(this.blockers.value, "…");
    setText(this.weakest.value, "…");
    setText(this.answeredField.value, `${this.answered} of ${this.total}`);
  }

  /** Python could not start: the counts stay, the verdict is said to be missing. */
  failed() {
    this.root.dataset.state = "failed";
    this.root.setAttribute("aria-busy", "false");
    setText(this.verdict.value, "not available (Python could not start)");
    setText(this.score.value, "—");
    setText(this.blockers.value, "—");
    setText(this.weakest.value, "—");
  }

  /** Python's result for the answers shown. */
  result(view) {
    this.root.dataset.state = "live";
    this.root.dataset.band = view.verdict.id;
    this.root.setAttribute("aria-busy", "false");
    setText(this.verdict.value, view.verdict_text);
    setText(this.score.value, view.score_explained);
    setText(this.weakest.value, view.weakest_text);
    const capping = Array.isArray(view.capping) ? view.capping.length : 0;
    setText(this.blockers.value, capping === 0 ? "none" : `${capping} critical No`);
  }
}
