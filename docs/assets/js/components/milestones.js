// The milestones component (data-p2p-component="milestones" on the assessment page): named,
// dated snapshots of the answers, kept in this browser, listed newest first, compared two at a
// time and charted over all. The frame comes from macros/milestones_view.py.
//
// Every judgement is Python's (pilot2prod/readiness/): a snapshot's verdict is the one
// `readiness.view` gives, a comparison is `readiness.compare` shown as it comes, the chart's
// geometry and its table are `readiness.trend`, and an imported file is read and merged by
// `readiness.milestones_import`. This file is the controller (saving, renaming, deleting, and the
// page's events); the pieces it owns each live in a file of their own: storage and the cross-tab
// lock (milestones-store.js), the list (milestones-list.js), export and import
// (milestones-transfer.js), the comparison (milestones-compare.js) and the trend
// (milestones-trend.js).

import { verdictWidget } from "./readiness-export.js";
import { Comparison } from "./milestones-compare.js";
import { MilestoneList } from "./milestones-list.js";
import { MilestoneStore, ONLY_HERE, storageProblem, store } from "./milestones-store.js";
import { exportMilestones, importMilestones } from "./milestones-transfer.js";
import { Trend } from "./milestones-trend.js";
import { h, part } from "../lib/dom.js";
import { today } from "../lib/download.js";
import { bootingText, callPython, onPythonStatus, pythonStatus } from "../lib/python.js";
import { RULES } from "../lib/rules.js";
import { squeeze } from "../lib/text.js";

const { name_max: NAME_MAX, max: MAX_KEPT } = RULES.milestones;

const widgets = new WeakMap();

function newId() {
  const random = Math.floor(Math.random() * 36 ** 6).toString(36);
  return `m-${Date.now().toString(36)}-${random}`;
}

/** A name as Python keeps it: blank runs squeezed, at most NAME_MAX characters. */
function nameOf(text) {
  return [...squeeze(text)].slice(0, NAME_MAX).join("");
}

class Milestones {
  constructor(root) {
    this.root = root;
    this.checklist = root.dataset.checklist || "";
    this.store = new MilestoneStore(this.checklist, (message, kind) => this.notify(message, kind));
    this.listView = new MilestoneList(this);
    this.comparison = new Comparison(this);
    this.trend = new Trend(root);
    this.timer = null;
  }

  get list() {
    return this.store.list;
  }

  start() {
    part(this.root, "nojs").hidden = true;
    part(this.root, "live").hidden = false;
    this.store.load();
    if (store().problem && this.store.readable) {
      this.notify(`${storageProblem(store().problem, "new milestones cannot be stored")} ${ONLY_HERE}`, "error");
    }
    this.root.addEventListener("click", (event) => this.onClick(event));
    part(this.root, "file").addEventListener("change", async (event) => {
      await importMilestones(event.target, this.store, (message, kind) => this.notify(message, kind));
      this.render();
    });
    this.render();
  }

  reload() {
    this.store.load();
    this.render();
  }

  // ----- the answers shown ----------------------------------------------------------------

  form() {
    return document.querySelector(`form.p2p-checklist[data-checklist="${CSS.escape(this.checklist)}"]`);
  }

  /** The checklist's whole document, as it sent it (a copy: a snapshot gains its result). */
  currentDoc() {
    const form = this.form();
    const detail = form && form.pilot2prodAnswers;
    return detail ? structuredClone(detail.document) : null;
  }

  scoreSettings() {
    const widget = verdictWidget(this.checklist);
    return {
      site_root: widget ? widget.dataset.siteRoot || "" : "",
      directory_urls: widget ? widget.dataset.directoryUrls !== "false" : true,
    };
  }

  answersChanged() {
    if (part(this.root, "new").value !== "current" && part(this.root, "old").value !== "current") return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.comparison.compare(), 300);
  }

  // ----- actions ----------------------------------------------------------------------------

  onClick(event) {
    const button = event.target.closest("button[data-action]");
    if (!button || !this.root.contains(button)) return;
    const id = button.closest("[data-milestone]")?.dataset.milestone;
    const actions = {
      save: () => this.save(),
      export: () => exportMilestones(this.store, (message, kind) => this.notify(message, kind)),
      import: () => part(this.root, "file").click(),
      rename: () => this.openRename(id),
      "rename-save": () => this.rename(id),
      "rename-cancel": () => this.closeRename(id),
      delete: () => this.askDelete(id),
      "delete-confirm": () => this.remove(id),
      "delete-cancel": () => this.closeDelete(id),
    };
    if (actions[button.dataset.action]) actions[button.dataset.action]();
  }

  defaultName(doc) {
    const day = (doc && typeof doc.assessed === "string" && doc.assessed) || today();
    const base = `Milestone ${day}`;
    const names = new Set(this.list.map((m) => m.name));
    let name = base;
    for (let n = 2; names.has(name); n += 1) name = `${base} (${n})`;
    return name;
  }

  async save() {
    if (!this.store.readable) {
      this.notify("Nothing was saved: the milestones kept in this browser could not be read or set aside, so this page leaves them as they are.", "error");
      return;
    }
    if (this.list.length >= MAX_KEPT) {
      // Said before any work: a milestone past the limit could be saved here but never exported.
      this.notify(`Nothing was saved: this browser keeps at most ${MAX_KEPT} milestones. Export them, then delete the oldest ones you no longer need.`, "error");
      return;
    }
    const doc = this.currentDoc();
    if (!doc) {
      this.notify("The answers are not loaded yet; try again in a moment.", "error");
      return;
    }
    const input = part(this.root, "name");
    const name = nameOf(input.value) || this.defaultName(doc);
    const saved = new Date().toISOString();
    let verdict = null;
    let missing = "";
    const button = this.root.querySelector('[data-action="save"]');
    button.disabled = true; // one snapshot per click, however long the verdict takes
    if (pythonStatus() !== "ready") this.notify(`Saving “${name}”: ${bootingText("the verdict")}`);
    try {
      const view = await callPython("readiness.view", { document: doc, ...this.scoreSettings() });
      doc.result = view.result;
      verdict = view.verdict.label;
    } catch (error) {
      // The snapshot is never held back: it keeps the answers, and its verdict is worked out later.
      missing = ` Its verdict could not be worked out now (${error && error.message ? error.message : "Python is not available"}).`;
    } finally {
      button.disabled = false;
    }
    const milestone = { id: newId(), name, saved, verdict, document: doc };
    const stored = await this.store.update((list) => [...list, milestone]);
    this.render();
    if (stored) {
      input.value = "";
      this.notify(`Saved milestone “${name}”.${missing}`, missing ? "error" : "info");
    }
  }

  find(id) {
    return this.list.find((m) => m.id === id) || null;
  }

  openRename(id) {
    const row = this.listView.rowOf(id);
    const milestone = this.find(id);
    if (!row || !milestone) return;
    const form = part(row, "rename");
    form.hidden = false;
    const input = part(form, "rename-input");
    input.value = milestone.name;
    input.focus();
    input.select();
  }

  closeRename(id) {
    const row = this.listView.rowOf(id);
    if (!row) return;
    part(row, "rename").hidden = true;
    row.querySelector('[data-action="rename"]').focus();
  }

  async rename(id) {
    const row = this.listView.rowOf(id);
    const milestone = this.find(id);
    if (!row || !milestone) return;
    const name = nameOf(part(row, "rename-input").value);
    if (!name) {
      this.notify("A milestone needs a name; the old one was kept.", "error");
      return;
    }
    const before = milestone.name;
    part(row, "rename").hidden = true; // done: the redraw below must not reopen it
    const renamed = await this.store.update((list) => (list.some((m) => m.id === id) ? list.map((m) => (m.id === id ? { ...m, name } : m)) : null));
    this.render();
    if (renamed) this.notify(`Renamed “${before}” to “${name}”.`);
    else if (this.store.readable && !this.find(id)) this.notify(`“${before}” was deleted in another tab, so it was not renamed.`, "error");
    this.listView.rowOf(id)?.querySelector('[data-action="rename"]').focus();
  }

  askDelete(id) {
    const row = this.listView.rowOf(id);
    if (!row) return;
    part(row, "confirm").hidden = false;
    // The safe choice takes the focus: Enter or Space on it keeps the milestone.
    row.querySelector('[data-action="delete-cancel"]').focus();
  }

  closeDelete(id) {
    const row = this.listView.rowOf(id);
    if (!row) return;
    part(row, "confirm").hidden = true;
    row.querySelector('[data-action="delete"]').focus();
  }

  async remove(id) {
    const milestone = this.find(id);
    if (!milestone) return;
    const removed = await this.store.update((list) => list.filter((m) => m.id !== id));
    this.render();
    if (removed) this.notify(`Deleted milestone “${milestone.name}”.`);
    part(this.root, "name").focus();
  }

  // ----- drawing ----------------------------------------------------------------------------

  notify(message, kind = "info") {
    const notices = part(this.root, "notices");
    const notice = h("p", { class: `p2p-notice p2p-notice--${kind}` }, h("span", { text: message }));
    const dismiss = h("button", { type: "button", class: "p2p-button p2p-button--small", text: "Dismiss", "aria-label": "Dismiss this message" });
    dismiss.addEventListener("click", () => notice.remove());
    notice.append(" ", dismiss);
    notices.replaceChildren(notice);
  }

  render() {
    const ordered = this.listView.render(this.list);
    this.comparison.fillPickers(ordered);
    this.comparison.compare();
    this.trend.draw(this.list);
    this.fillVerdicts();
  }

  /** Verdicts for milestones saved while Python was unavailable, worked out by Python now. */
  async fillVerdicts() {
    const list = this.list;
    const revision = this.store.revision;
    if (!list.some((m) => !m.verdict)) return;
    let read;
    try {
      read = await callPython("readiness.milestones_import", { file: { format: RULES.milestones.format, version: RULES.milestones.version, checklist: this.checklist, milestones: list } }, { timeoutMs: 30000 });
    } catch {
      return; // the list keeps saying "verdict not worked out", which stays true
    }
    if (this.store.revision !== revision || !this.root.isConnected) return;
    const verdicts = new Map(read.milestones.map((m) => [m.id, m.verdict]));
    // Not written now: the stored milestones change only when the reader changes something.
    this.store.list = list.map((m) => (m.verdict ? m : { ...m, verdict: verdicts.get(m.id) || null }));
    this.listView.render(this.store.list);
  }
}

/** Mount one milestones section. */
export function mount(root) {
  if (widgets.has(root)) return;
  const widget = new Milestones(root);
  widgets.set(root, widget);
  widget.start();
}

// One listener each for the tab, finding the sections of the page showing at the time.
function eachWidget(callback) {
  for (const root of document.querySelectorAll('[data-p2p-component="milestones"]')) {
    const widget = widgets.get(root);
    if (widget) callback(widget);
  }
}

document.addEventListener("pilot2prod:answers", (event) => {
  const detail = event.detail || {};
  eachWidget((widget) => detail.checklist === widget.checklist && widget.answersChanged());
});
window.addEventListener("storage", (event) => eachWidget((widget) => event.key === widget.store.key && widget.reload()));
// Back from the back-forward cache: the storage events of the time away were never delivered.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) eachWidget((widget) => widget.reload());
});
onPythonStatus((status) => {
  if (status === "failed") eachWidget((widget) => widget.comparison.compare());
});
