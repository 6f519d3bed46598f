// The checklist component (data-p2p-component="checklist" on each form.p2p-checklist): one
// controller per form restores saved answers, saves every change, keeps progress and filters
// current, and handles exports, imports, share links and named copies. main.js mounts each form;
// `settle` then hands the page's share link, if any, to the form it belongs to.
//
// This file is the controller's core: mounting, the form's events and buttons, committing an
// edit, the answers event, notices and undo. Every other job is a piece the controller owns, in
// a file of its own: showing the answers (checklist-view.js), saving them (checklist-saving.js),
// another tab's saves (checklist-merge.js), the plan fields (checklist-plan.js), named copies
// (checklist-copies.js), files, share links and printing (checklist-outputs.js), and other
// answers under the banner, from a file or a link (checklist-transfer.js). The pieces reach
// one another through the controller, never by importing one another, so the browser fetches
// them all in one round trip after this file.
//
// Contract with other widgets: the form dispatches a bubbling "pilot2prod:answers" event whenever
// the answers shown change, and again when it receives "pilot2prod:answers-request". Its detail
// is {checklist, reason, document}: the whole answers document as the JSON export holds it
// (frozen; a scored assessment's dated today until the reader dates it), which every consumer
// forwards to Python unchanged. The latest detail is also on the form, as `pilot2prodAnswers`.

import { cloneDoc, emptyDoc, readSpec } from "./checklist-doc.js";
import { buildBanner, buildOrphans, buildPrintHeader, buildSectionProgress, buildToolbar } from "./checklist-ui.js";
import { h } from "../lib/dom.js";
import { today } from "../lib/download.js";
import { fragmentParam } from "../lib/sharelink.js";
import { openStore } from "../lib/storage.js";
import { isBlank, squeeze } from "../lib/text.js";
import { OtherTabs } from "./checklist-merge.js";
import { NamedCopies } from "./checklist-copies.js";
import { Outputs, endPrint } from "./checklist-outputs.js";
import { Saving, flushPendingSave, flushPendingSaves } from "./checklist-saving.js";
import { PlanFields } from "./checklist-plan.js";
import { Transfer, routeShareLink } from "./checklist-transfer.js";
import { PageView } from "./checklist-view.js";
// Modules only the pieces above import, listed here as well so the browser fetches them in the
// same round trip as the pieces, not one later (each level of imports costs one).
import "../lib/clipboard.js";
import "../lib/dict.js";
import "../lib/file-drop.js";
import "../lib/python.js";
import "../lib/rules.js";
import "./checklist-progress.js";
import "./readiness-export.js";

export const ANSWERS_EVENT = "pilot2prod:answers";
export const REQUEST_EVENT = "pilot2prod:answers-request";

const controllers = new WeakMap();

/** The controller of a mounted form, if any. */
function controllerOf(form) {
  return controllers.get(form) || null;
}

/** Mount `form` once; later calls for the same element return the same controller. */
export function mount(form) {
  const existing = controllers.get(form);
  if (existing) return existing;
  const controller = new ChecklistController(form);
  controllers.set(form, controller);
  controller.start();
  return controller;
}

/** What the reader changed in the form before its code arrived. The controls are drawn with the
 * page and work from its first paint, on a slow link a second or more before this module runs;
 * restoring the saved answers would otherwise draw over a tick or a note made in that time.
 * (The form is autocomplete="off", so the browser does not restore old states into it.) */
function earlyEdits(form) {
  const edits = [];
  for (const control of form.elements) {
    if (!control.name || control.disabled) continue;
    if (control.type === "radio") {
      if (control.checked && !control.defaultChecked) edits.push({ control, checked: true });
    } else if (control.type === "checkbox") {
      if (control.checked !== control.defaultChecked) edits.push({ control, checked: control.checked });
    } else if (control.type === "select-one") {
      const first = [...control.options].findIndex((option) => option.defaultSelected);
      if (control.selectedIndex !== Math.max(0, first)) edits.push({ control, value: control.value });
    } else if (typeof control.defaultValue === "string" && control.value !== control.defaultValue) {
      edits.push({ control, value: control.value });
    }
  }
  return edits;
}

class ChecklistController {
  constructor(form) {
    this.form = form;
    this.spec = readSpec(form);
    this.store = openStore();
    this.own = emptyDoc(this.spec);
    this.view = emptyDoc(this.spec);
    this.preview = null; // {source: "link"|"import"|"copy", label, payload}
    this.undo = null;
    // What this tab last read from or wrote to storage: the base of the two-tab merge.
    this.base = emptyDoc(this.spec);
    this.baseText = null;
    this.page = new PageView(this);
    this.saving = new Saving(this);
    this.tabs = new OtherTabs(this);
    this.planFields = new PlanFields(this);
    this.copies = new NamedCopies(this);
    this.outputs = new Outputs(this);
    this.transfer = new Transfer(this);
  }

  // ----- setting up -----------------------------------------------------------------

  start() {
    const { form, spec } = this;
    const early = earlyEdits(form); // read first, before anything here touches the form
    this.ui = buildToolbar(spec);
    this.banner = buildBanner(spec);
    this.orphans = buildOrphans(spec);
    this.printHeader = buildPrintHeader();
    const anchor = form.querySelector(".p2p-checklist__intro") || form.firstElementChild;
    anchor.after(this.printHeader, this.banner.root, this.ui.root);
    const lastSection = spec.sections[spec.sections.length - 1];
    (lastSection ? lastSection.element : this.ui.root).after(this.orphans.root);
    this.sectionUi = new Map();
    for (const section of spec.sections) {
      const ui = buildSectionProgress(spec, section);
      const list = section.element.querySelector(".p2p-items");
      list.before(ui.root);
      list.after(ui.empty);
      this.sectionUi.set(section.id, ui);
    }
    for (const el of form.querySelectorAll('[data-p2p-only="js"][hidden]')) {
      if (!el.closest(".p2p-banner, .p2p-panel, .p2p-orphans")) el.hidden = false;
    }
    for (const el of form.querySelectorAll('[data-p2p-only="nojs"]')) el.hidden = true;

    form.addEventListener("submit", (event) => event.preventDefault());
    form.addEventListener("change", (event) => this.onChange(event));
    form.addEventListener("input", (event) => this.onInput(event));
    form.addEventListener("click", (event) => this.onClick(event));
    form.addEventListener(REQUEST_EVENT, () => this.announce("request"));
    this.ui.fileInput.addEventListener("change", () => this.transfer.importFile());
    this.ui.root.addEventListener("keydown", (event) => this.onMenuKey(event));
    this.banner.nameInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.transfer.bannerSaveCopy();
      }
    });
    this.ui.copyName.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.copies.saveCurrentAsCopy();
      }
    });

    flushPendingSave(spec.id);
    this.saving.restore();
    this.announce("restore");
    this.replayEarly(early);
  }

  /** Hand what the reader did before this code ran to the form's own handlers, as if done now:
   * the restore above has drawn the saved answers over it. */
  replayEarly(early) {
    for (const { control, checked, value } of early) {
      if (!control.isConnected) continue;
      if (checked !== undefined) control.checked = checked;
      else {
        control.value = value;
        control.dispatchEvent(new Event("input", { bubbles: true }));
      }
      control.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }

  // ----- page -> state ----------------------------------------------------------------

  itemOf(target) {
    const el = target.closest(".p2p-item[data-item]");
    return el ? this.spec.items.get(el.dataset.item) || null : null;
  }

  onChange(event) {
    const target = event.target;
    if (target === this.ui.filter) {
      this.page.refresh();
      return;
    }
    if (target === this.ui.fileInput) return; // handled by its own listener
    if (target.dataset.identity) {
      this.setIdentity(target);
      this.commit("identity");
      return;
    }
    const item = this.itemOf(target);
    if (!item) return;
    if (target.matches('input[type="radio"], input[type="checkbox"]')) {
      const value = target.type === "checkbox" ? (target.checked ? "done" : "") : target.checked ? target.value : "";
      if (value) this.view.answers[item.id] = value;
      else delete this.view.answers[item.id];
      if (value === "na") {
        const details = item.element.querySelector(".p2p-item__more");
        if (details) details.open = true;
      }
      this.commit("change");
    } else if (target.dataset.field) {
      // Text was already copied on "input"; "change" (leaving the field) saves and announces.
      this.commit("note");
    } else if (target.dataset.planField && this.spec.plan) {
      this.planFields.setPlanField(item, target);
      this.commit("plan");
    }
  }

  /** Copy a project, assessor or date field into the answers shown, squeezed as Python keeps it. */
  setIdentity(input) {
    const key = input.dataset.identity;
    const text = squeeze(input.value);
    if (text) this.view[key] = text;
    else delete this.view[key];
  }

  onInput(event) {
    const target = event.target;
    const field = target.dataset ? target.dataset.field : undefined;
    const identity = target.dataset ? target.dataset.identity : undefined;
    const planField = target.dataset && this.spec.plan ? target.dataset.planField : undefined;
    if (field !== "note" && field !== "owner" && !identity && !planField) return;
    const item = this.itemOf(target);
    if (identity) this.setIdentity(target);
    else if (!item) return;
    else if (planField) this.planFields.setPlanField(item, target);
    else {
      const bucket = field === "note" ? this.view.notes : this.view.owners;
      if (!isBlank(target.value)) bucket[item.id] = target.value;
      else delete bucket[item.id];
    }
    this.page.refresh();
    if (!this.preview) this.saving.saveSoon();
  }

  /** An edit is complete: save it (unless showing someone else's answers) and tell listeners. */
  commit(reason) {
    // A scored assessment is dated the day it was first worked on, unless the reader says otherwise.
    if (this.spec.identityMax && !this.view.assessed) this.view.assessed = today();
    this.page.refresh();
    if (!this.preview) this.saving.saveOwnFromView();
    this.announce(reason);
  }

  /** The answers shown as one whole document, as the JSON export holds it: a scored assessment
   * the reader has not dated yet is dated today. */
  document() {
    const doc = cloneDoc(this.view);
    return this.spec.identityMax && !doc.assessed ? { ...doc, assessed: today() } : doc;
  }

  announce(reason) {
    const detail = deepFreeze({ checklist: this.spec.id, reason, document: this.document() });
    this.form.pilot2prodAnswers = detail;
    this.form.dispatchEvent(new CustomEvent(ANSWERS_EVENT, { bubbles: true, detail }));
  }

  // ----- notices ----------------------------------------------------------------------

  notify(message, { kind = "info", undo = null } = {}) {
    const notice = h("p", { class: `p2p-notice p2p-notice--${kind}` }, h("span", { text: message }));
    if (undo) {
      this.undo = undo;
      notice.append(" ", h("button", { type: "button", class: "p2p-button p2p-button--small", data: { action: "undo" }, text: "Undo" }));
    }
    notice.append(" ", h("button", { type: "button", class: "p2p-button p2p-button--small", data: { action: "dismiss" }, text: "Dismiss", "aria-label": "Dismiss this message" }));
    this.ui.notices.replaceChildren(notice);
  }

  // ----- buttons ----------------------------------------------------------------------

  onClick(event) {
    const target = event.target.closest("button[data-action]");
    if (!target || !this.form.contains(target)) return;
    const actions = {
      tools: () => this.setMenu(this.ui.actions.hidden),
      share: () => this.outputs.share(),
      "export-md": () => this.outputs.exportFile("md"),
      "copy-md": () => this.outputs.copyMarkdown(),
      "export-json": () => this.outputs.exportFile("json"),
      "export-csv": () => this.outputs.exportFile("csv"),
      import: () => this.ui.fileInput.click(),
      print: () => this.outputs.print(),
      copies: () => this.togglePanel(target, this.ui.copiesPanel, () => this.copies.renderCopies()),
      reset: () => this.togglePanel(target, this.ui.confirmPanel),
      "reset-cancel": () => this.closeConfirm(),
      "reset-confirm": () => this.reset(),
      "copy-current": () => this.copies.saveCurrentAsCopy(),
      "copy-open": () => this.copies.openCopy(Number(target.dataset.index)),
      "copy-delete": () => this.copies.deleteCopy(Number(target.dataset.index)),
      "orphans-discard": () => this.discardOrphans(),
      "plan-reset": () => this.planFields.resetPlanAction(target),
      "banner-save": () => this.transfer.saveShown(),
      "banner-keep": () => this.transfer.keepMine(),
      "banner-replace": () => this.transfer.replaceMine(),
      "banner-copy": () => this.transfer.bannerAskName(),
      "banner-copy-save": () => this.transfer.bannerSaveCopy(),
      "banner-copy-cancel": () => this.transfer.bannerCancelName(),
      undo: () => this.runUndo(),
      dismiss: () => this.ui.notices.replaceChildren(),
    };
    const action = actions[target.dataset.action];
    if (action) {
      event.preventDefault();
      action();
    }
  }

  /** Open or close the "Share and export" menu; closing returns focus to its button when the
   * focus was inside, so a keyboard reader is never left on a hidden control. */
  setMenu(open) {
    const { actions, menuToggle } = this.ui;
    const focusInside = actions.contains(document.activeElement);
    actions.hidden = !open;
    menuToggle.setAttribute("aria-expanded", String(open));
    if (open) {
      const first = actions.querySelector("button:not(:disabled)");
      if (first) first.focus();
    } else if (focusInside) menuToggle.focus();
  }

  /** The menu by keyboard: Escape closes it, the arrow keys, Home and End move between its
   * buttons (Tab works too: they are ordinary buttons). */
  onMenuKey(event) {
    const { actions } = this.ui;
    if (event.key === "Escape" && !actions.hidden) {
      event.preventDefault();
      this.setMenu(false);
      this.ui.menuToggle.focus();
      return;
    }
    if (actions.hidden || !actions.contains(event.target)) return;
    const buttons = [...actions.querySelectorAll("button:not(:disabled)")];
    const at = buttons.indexOf(event.target);
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined || !buttons.length) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length].focus();
  }

  togglePanel(button, panel, onOpen) {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute("aria-expanded", String(open));
    if (open) {
      if (onOpen) onOpen();
      const first = panel.querySelector("input, button");
      if (first) first.focus();
    }
  }

  closeConfirm() {
    this.ui.confirmPanel.hidden = true;
    const button = this.ui.actions.querySelector('[data-action="reset"]');
    button.setAttribute("aria-expanded", "false");
    (this.ui.actions.hidden ? this.ui.menuToggle : button).focus();
  }

  runUndo() {
    const undo = this.undo;
    this.undo = null;
    if (undo) undo();
  }

  adopt(doc, reason) {
    this.view = cloneDoc(doc);
    this.own = cloneDoc(doc);
    this.saving.persist();
    this.page.applyView();
    this.announce(reason);
  }

  focusTools() {
    this.ui.menuToggle.focus({ preventScroll: true });
  }

  // ----- reset and set-aside answers ----------------------------------------------------

  reset() {
    const before = cloneDoc(this.own);
    this.ui.confirmPanel.hidden = true;
    this.ui.actions.querySelector('[data-action="reset"]').setAttribute("aria-expanded", "false");
    this.adopt(emptyDoc(this.spec), "reset");
    this.notify("All answers, notes and owners of this checklist were cleared.", { undo: () => this.adopt(before, "undo") });
    this.focusTools();
  }

  discardOrphans() {
    const before = cloneDoc(this.view);
    this.view.orphans = {};
    this.commit("change");
    this.notify("The answers kept aside were discarded.", {
      undo: () => {
        this.view.orphans = before.orphans;
        this.commit("undo");
      },
    });
  }
}

/** `value` and everything in it made read-only: consumers pass the document on, never edit it. */
function deepFreeze(value) {
  if (value && typeof value === "object") for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

/** Refresh the "printed from" line of every checklist on the page. */
function refreshPrintHeaders() {
  for (const form of document.querySelectorAll("form.p2p-checklist")) {
    const controller = controllers.get(form);
    if (controller) controller.page.renderPrintHeader();
  }
}

// ----- share links and the window's events ---------------------------------------------

const FORM_SELECTOR = 'form.p2p-checklist[data-p2p-component="checklist"]';

function mountedForms() {
  return [...document.querySelectorAll(FORM_SELECTOR)].filter((form) => controllers.has(form));
}

/** After the page's forms are mounted: offer the share link the page was opened with. */
export function settle(forms, context) {
  return routeShareLink(context.share, forms.filter((form) => controllers.has(form)).map(controllerOf));
}

// Registered once, when this module first loads; each looks up the forms showing at the time.
window.addEventListener("hashchange", (event) => {
  const payload = fragmentParam(new URL(event.newURL).hash);
  if (payload !== null) routeShareLink(payload, mountedForms().map(controllerOf));
});

window.addEventListener("storage", (event) => {
  if (!event.key || !event.key.startsWith("pilot2prod:answers:")) return;
  const id = event.key.slice("pilot2prod:answers:".length);
  const form = mountedForms().find((f) => f.dataset.checklist === id);
  if (form) controllerOf(form).tabs.syncFromStorage();
});

// A page brought back from the back-forward cache missed the storage events of its time away:
// another tab may have saved answers meanwhile, and this tab must show them before its next save.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) for (const form of mountedForms()) controllerOf(form).tabs.syncFromStorage();
});

window.addEventListener("beforeprint", () => refreshPrintHeaders());
window.addEventListener("afterprint", () => endPrint());
// The page is going away: a note typed in the last moment is saved now, not after a delay.
window.addEventListener("pagehide", () => flushPendingSaves());
