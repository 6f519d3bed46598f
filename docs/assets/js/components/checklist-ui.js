// DOM pieces the script adds to a checklist: tool bar, banner, notices, copies, set-aside answers.
// Every piece of text goes in through textContent; nothing a reader typed is parsed as HTML.

import { buildConsent } from "../lib/consent.js";
import { h } from "../lib/dom.js";

const button = (action, text, extra = {}) => h("button", { type: "button", class: "p2p-button", data: { action }, text, ...extra });

/** The tool bar above the first section: progress, filter, the Share and export menu and its
 * panels, and the notices (shown over the page, clear of the verdict bar: checklist.css). */
export function buildToolbar(spec) {
  const id = (part) => `${spec.id}--${part}`;
  const progressLabel = h("span", { class: "p2p-progress__label", id: id("progress-label") });
  const progress = h("progress", { class: "p2p-progress__bar", max: spec.items.size, value: 0, "aria-labelledby": id("progress-label") });
  const breakdown = h("span", { class: "p2p-progress__detail" });
  const filter = h(
    "select",
    { id: id("filter"), data: { control: "filter" } },
    h("option", { value: "all", text: "All items" }),
    // Not "Open": that word is a plan's status (Python's STATUS_LABELS) on the same page.
    h("option", { value: "open", text: spec.scale === "done" ? "Items not done yet" : "Unanswered items only" }),
    spec.scale === "readiness" ? h("option", { value: "gaps", text: "Gaps only (No or Partly)" }) : null,
  );
  const shareField = h("input", { type: "text", id: id("share-url"), readonly: true, class: "p2p-share__url", spellcheck: "false" });
  const sharePanel = h(
    "div",
    { class: "p2p-panel p2p-share", id: id("share"), hidden: true },
    h("label", { for: id("share-url"), text: "Share link (holds your answers, notes and owners)" }),
    shareField,
    h("p", {
      class: "p2p-panel__hint",
      text: "The answers sit after the # in the link, a part browsers never send to a server. Anyone you give the link to can read them.",
    }),
  );
  const fileInput = h("input", { type: "file", accept: "application/json,.json", hidden: true, "aria-hidden": "true", tabindex: "-1", data: { control: "import-file" } });
  const confirmPanel = h(
    "div",
    { class: "p2p-panel p2p-confirm", id: id("confirm"), hidden: true, role: "group", "aria-labelledby": id("confirm-text") },
    h("p", { id: id("confirm-text"), text: "Clear every answer, note and owner in this checklist? Named copies are kept." }),
    button("reset-confirm", "Yes, clear my answers", { class: "p2p-button p2p-button--primary" }),
    button("reset-cancel", "Cancel"),
  );
  const copyName = h("input", { type: "text", id: id("copy-name"), maxlength: spec.nameMax, autocomplete: "off" });
  const copiesList = h("ul", { class: "p2p-copies__list" });
  const copiesEmpty = h("p", { class: "p2p-copies__empty", text: "No named copies yet." });
  const copiesPanel = h(
    "div",
    { class: "p2p-panel p2p-copies", id: id("copies"), hidden: true },
    h("p", { class: "p2p-panel__hint", text: "A named copy keeps a snapshot of answers next to your own, for another project or a colleague's view." }),
    h("p", { class: "p2p-copies__new" }, h("label", { for: id("copy-name"), text: "Name for a copy of the answers shown" }), copyName, button("copy-current", "Save copy")),
    copiesEmpty,
    copiesList,
  );
  const storageNote = h("p", { class: "p2p-storage", role: "note", hidden: true });
  const notices = h("div", { class: "p2p-notices", role: "status", "aria-live": "polite" });
  // One disclosure, "Share and export", after the progress: the questions come first on a phone,
  // and the nine tools are one press away.
  const menuToggle = h("button", {
    type: "button",
    class: "p2p-button p2p-menu__toggle",
    "aria-expanded": "false",
    "aria-controls": id("tools"),
    data: { action: "tools" },
    text: "Share and export",
  });
  const actions = h(
    "div",
    { class: "p2p-actions p2p-menu__list", id: id("tools"), role: "group", "aria-label": `Share and export ${spec.title}`, hidden: true },
    button("share", "Copy share link", { "aria-controls": id("share") }),
    button("export-md", "Export Markdown"),
    button("copy-md", "Copy Markdown"),
    button("export-json", "Export JSON"),
    button("export-csv", "Export CSV"),
    button("import", "Import JSON…"),
    button("print", "Print report"),
    button("copies", "Named copies", { "aria-expanded": "false", "aria-controls": id("copies") }),
    button("reset", "Reset…", { "aria-expanded": "false", "aria-controls": id("confirm") }),
  );
  const root = h(
    "div",
    { class: "p2p-toolbar", data: { p2pOnly: "js" } },
    h("div", { class: "p2p-progress" }, progressLabel, progress, breakdown),
    h(
      "div",
      { class: "p2p-toolbar__row" },
      h("p", { class: "p2p-filter" }, h("label", { for: id("filter"), text: "Show" }), filter, h("span", { class: "p2p-filter__count", "aria-live": "polite" })),
      menuToggle,
    ),
    actions,
    fileInput,
    sharePanel,
    confirmPanel,
    copiesPanel,
    storageNote,
    notices,
  );
  return { root, menuToggle, progress, progressLabel, breakdown, filter, filterCount: root.querySelector(".p2p-filter__count"), actions, fileInput, sharePanel, shareField, confirmPanel, copiesPanel, copyName, copiesList, copiesEmpty, storageNote, notices };
}

/** The banner shown over someone else's answers (a link, an import, a named copy): the choice
 * every page offers (lib/consent.js), with the name panel a named copy needs. */
export function buildBanner(spec) {
  const id = (part) => `${spec.id}--${part}`;
  const nameInput = h("input", { type: "text", id: id("banner-name"), maxlength: spec.nameMax, autocomplete: "off" });
  const namePanel = h(
    "p",
    { class: "p2p-banner__name", hidden: true },
    h("label", { for: id("banner-name"), text: "Name of the copy" }),
    nameInput,
    button("banner-copy-save", "Save copy", { class: "p2p-button p2p-button--primary" }),
    button("banner-copy-cancel", "Cancel"),
  );
  const banner = buildConsent({ id: id("banner"), extra: [namePanel] });
  return { ...banner, namePanel, nameInput, copyButton: banner.button("banner-copy") };
}

/** The list of answers to items that no longer exist. */
export function buildOrphans(spec) {
  const list = h("ul", { class: "p2p-orphans__list" });
  const root = h(
    "section",
    { class: "p2p-orphans", hidden: true, "aria-labelledby": `${spec.id}--orphans-title`, data: { p2pOnly: "js" } },
    h("p", { class: "p2p-orphans__title", id: `${spec.id}--orphans-title`, text: "Answers kept aside" }),
    h("p", {
      class: "p2p-panel__hint",
      text: "These answers belong to questions that are no longer in this checklist, or are plan entries this page could not use. They are kept, exported and shared with the rest until you discard them.",
    }),
    list,
    button("orphans-discard", "Discard these answers"),
  );
  return { root, list };
}

/** A progress line for one section, placed above its items. */
export function buildSectionProgress(spec, section) {
  const labelId = `${spec.id}-${section.id}--progress`;
  const label = h("span", { id: labelId, class: "p2p-section-progress__label" });
  const bar = h("progress", { max: section.items.length, value: 0, "aria-labelledby": labelId });
  const empty = h("p", { class: "p2p-section__empty", hidden: true, text: "Nothing to show in this section with the current filter." });
  const root = h("p", { class: "p2p-section-progress", data: { p2pOnly: "js" } }, label, bar);
  return { root, label, bar, empty };
}

/** A line printed at the top of the report: where and when it comes from. */
export function buildPrintHeader() {
  return h("p", { class: "p2p-print-header", "aria-hidden": "true" });
}
