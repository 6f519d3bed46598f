// The milestones component (data-p2p-component="milestones" on the assessment page): named,
// dated snapshots of the answers, kept in this browser, listed newest first, compared two at a
// time and charted over all. The frame comes from macros/milestones_view.py.
//
// Every judgement is Python's (pilot2prod/readiness/): a snapshot's verdict is the one
// `readiness.score` gives, a comparison is `readiness.compare` shown as it comes, the chart's
// geometry and its table are `readiness.trend`, and an imported file is read and merged by
// `readiness.milestones_import`, which refuses a file it cannot read whole and never changes a
// milestone kept here. This module only keeps the list, draws what Python returns, and asks the
// reader before deleting anything.
//
// Stored under "pilot2prod:milestones:<checklist>" in the very format of the export file, so an
// export is the stored text plus the time it was made.

import { FORMAT, FORMAT_VERSION } from "./checklist-doc.js";
import { resultOf, verdictWidget } from "./readiness-export.js";
import { drawChart } from "../lib/chart.js";
import { h, part, setText } from "../lib/dom.js";
import { download, today } from "../lib/download.js";
import { bootingText, callPython, failedText, onPythonStatus, pythonStatus } from "../lib/python.js";
import { guard, openStore, setAsideMessage } from "../lib/storage.js";

const FILE_FORMAT = "pilot2prod/milestones";
const FILE_VERSION = 1;
const NAME_MAX = 80; // pilot2prod.readiness.milestones.NAME_MAX
const MAX_FILE_BYTES = 5_000_000;
const TREND_MAX = 100; // the most milestones readiness.trend draws: the newest ones
const CURRENT = "current";
const CURRENT_NAME = "Your answers now";

const milestonesKey = (checklist) => `pilot2prod:milestones:${checklist}`;

// One store for the tab: when a write is refused, the milestones it held stay in its memory,
// and a page shown again after instant navigation must see them rather than the older copy.
let sharedStore = null;
const store = () => (sharedStore ??= openStore());

const widgets = new WeakMap();

const ONLY_HERE =
  "Your milestones are kept on this page only until you reload or close it; use Export milestones to keep them in a file.";

/** Why milestones are not stored, ending in `outcome` ("the milestones could not be stored"). */
function storageProblem(problem, outcome = "the milestones could not be stored") {
  if (problem === "full") return `This browser's storage for the site is full, so ${outcome}.`;
  if (problem === "blocked") return `This browser does not let the site store data, so ${outcome}.`;
  return `This browser would not store them, so ${outcome}.`;
}

/** The stored text's milestones, or null when it is not a milestones list this page wrote. */
function parseKept(text, checklist) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const entryOk = (m) =>
    m && typeof m === "object" && ["id", "name", "saved"].every((key) => typeof m[key] === "string") &&
    m.document && typeof m.document === "object" && !Array.isArray(m.document);
  if (!raw || raw.format !== FILE_FORMAT || raw.version !== FILE_VERSION || raw.checklist !== checklist) return null;
  if (!Array.isArray(raw.milestones) || !raw.milestones.every(entryOk)) return null;
  return raw.milestones;
}

function fileOf(checklist, milestones, extra = {}) {
  return { format: FILE_FORMAT, version: FILE_VERSION, checklist, ...extra, milestones };
}

function newId() {
  const random = Math.floor(Math.random() * 36 ** 6).toString(36);
  return `m-${Date.now().toString(36)}-${random}`;
}

/** Newest first: the order of the list and of the pickers. */
function newestFirst(milestones) {
  return [...milestones].sort((a, b) => (a.saved < b.saved ? 1 : a.saved > b.saved ? -1 : 0));
}

function savedDate(milestone) {
  const when = new Date(milestone.saved);
  return Number.isNaN(when.getTime()) ? milestone.saved.slice(0, 10) : today(when);
}

class Milestones {
  constructor(root) {
    this.root = root;
    this.checklist = root.dataset.checklist || "";
    this.key = milestonesKey(this.checklist);
    this.list = [];
    this.revision = 0; // counts the reader's changes (and reloads), not verdicts filled in
    this.readable = true;
    this.compareRun = 0;
    this.trendRun = 0;
    this.timer = null;
  }

  start() {
    part(this.root, "nojs").hidden = true;
    part(this.root, "live").hidden = false;
    this.load();
    if (store().problem && this.readable) {
      this.notify(`${storageProblem(store().problem, "new milestones cannot be stored")} ${ONLY_HERE}`, "error");
    }
    this.root.addEventListener("click", (event) => this.onClick(event));
    part(this.root, "file").addEventListener("change", (event) => this.importFile(event.target));
    for (const role of ["old", "new"]) part(this.root, role).addEventListener("change", () => this.compare());
    this.render();
  }

  // ----- storage ------------------------------------------------------------------------

  load() {
    this.revision += 1;
    const text = store().get(this.key);
    this.readable = true;
    if (text === null) {
      this.list = [];
      return;
    }
    const found = parseKept(text, this.checklist);
    if (found) {
      this.list = found;
      return;
    }
    // Never read over, never deleted: moved aside (or, failing that, left alone and held).
    const kept = guard(store(), this.key, text);
    this.list = [];
    this.readable = Boolean(kept);
    this.notify(setAsideMessage("The milestones saved in this browser", kept), "error");
  }

  /** Store `list`; says so when the browser would not keep it. Returns whether it was stored. */
  write(list) {
    this.revision += 1;
    this.list = list;
    const ok = store().set(this.key, JSON.stringify(fileOf(this.checklist, list)));
    if (!ok) {
      // Later reads in this tab must find these, not the older copy the browser kept.
      store().hold(this.key);
      this.notify(`${storageProblem(store().problem)} ${ONLY_HERE}`, "error");
    }
    this.render();
    return ok;
  }

  /** Apply `edit` to the list as this browser holds it now, and store what it returns.
   * Another tab may have saved since this one last drew its list, and the storage event that
   * says so may still be on its way: reading again first means a change made here never drops
   * one made there. `edit` returns the new list, or null to leave the list as it is.
   * Returns whether a new list was stored. */
  update(edit) {
    this.load();
    if (!this.readable) {
      this.render(); // load() has said why, and set the unreadable value aside
      return false;
    }
    const next = edit(this.list);
    if (next === null) {
      this.render();
      return false;
    }
    return this.write(next);
  }

  onStorage(event) {
    if (event.key !== this.key) return;
    this.load();
    this.render();
  }

  // ----- the answers shown ----------------------------------------------------------------

  form() {
    return document.querySelector(`form.p2p-checklist[data-checklist="${CSS.escape(this.checklist)}"]`);
  }

  /** The answers document the checklist shows now (what its JSON export holds), or null. */
  currentDoc() {
    const form = this.form();
    const detail = form && form.pilot2prodAnswers;
    if (!detail) return null;
    // Everything the checklist announces belongs in the document, apart from why it spoke.
    const { reason: _reason, checklist, version, ...parts } = detail;
    return { format: FORMAT, version: FORMAT_VERSION, checklist, checklist_version: version, orphans: {}, ...parts };
  }

  scoreSettings() {
    const widget = verdictWidget(this.checklist);
    return {
      site_root: widget ? widget.dataset.siteRoot || "" : "",
      directory_urls: widget ? widget.dataset.directoryUrls !== "false" : true,
    };
  }

  answersChanged() {
    if (part(this.root, "new").value !== CURRENT && part(this.root, "old").value !== CURRENT) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compare(), 300);
  }

  // ----- actions ----------------------------------------------------------------------------

  onClick(event) {
    const button = event.target.closest("button[data-action]");
    if (!button || !this.root.contains(button)) return;
    const id = button.closest("[data-milestone]")?.dataset.milestone;
    const actions = {
      save: () => this.save(),
      export: () => this.exportAll(),
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
    if (!this.readable) {
      this.notify("Nothing was saved: the milestones kept in this browser could not be read or set aside, so this page leaves them as they are.", "error");
      return;
    }
    const doc = this.currentDoc();
    if (!doc) {
      this.notify("The answers are not loaded yet; try again in a moment.", "error");
      return;
    }
    const input = part(this.root, "name");
    const name = input.value.trim().slice(0, NAME_MAX) || this.defaultName(doc);
    const saved = new Date().toISOString();
    let verdict = null;
    let missing = "";
    const button = this.root.querySelector('[data-action="save"]');
    button.disabled = true; // one snapshot per click, however long the verdict takes
    if (pythonStatus() !== "ready") this.notify(`Saving “${name}”: ${bootingText("the verdict")}`);
    try {
      const view = await callPython("readiness.score", { document: doc, ...this.scoreSettings() });
      doc.result = resultOf(view);
      verdict = view.verdict.label;
    } catch (error) {
      // The snapshot is never held back: it keeps the answers, and its verdict is worked out later.
      missing = ` Its verdict could not be worked out now (${error && error.message ? error.message : "Python is not available"}).`;
    } finally {
      button.disabled = false;
    }
    const milestone = { id: newId(), name, saved, verdict, document: doc };
    const stored = this.update((list) => [...list, milestone]);
    input.value = "";
    if (stored) this.notify(`Saved milestone “${name}”.${missing}`, missing ? "error" : "info");
  }

  openRename(id) {
    const row = this.row(id);
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
    const row = this.row(id);
    if (!row) return;
    part(row, "rename").hidden = true;
    row.querySelector('[data-action="rename"]').focus();
  }

  rename(id) {
    const row = this.row(id);
    const milestone = this.find(id);
    if (!row || !milestone) return;
    const name = part(row, "rename-input").value.trim().slice(0, NAME_MAX);
    if (!name) {
      this.notify("A milestone needs a name; the old one was kept.", "error");
      return;
    }
    const before = milestone.name;
    part(row, "rename").hidden = true; // done: the redraw below must not reopen it
    const renamed = this.update((list) => (list.some((m) => m.id === id) ? list.map((m) => (m.id === id ? { ...m, name } : m)) : null));
    if (renamed) this.notify(`Renamed “${before}” to “${name}”.`);
    else if (this.readable && !this.find(id)) this.notify(`“${before}” was deleted in another tab, so it was not renamed.`, "error");
    this.row(id)?.querySelector('[data-action="rename"]').focus();
  }

  askDelete(id) {
    const row = this.row(id);
    if (!row) return;
    part(row, "confirm").hidden = false;
    // The safe choice takes the focus: Enter or Space on it keeps the milestone.
    row.querySelector('[data-action="delete-cancel"]').focus();
  }

  closeDelete(id) {
    const row = this.row(id);
    if (!row) return;
    part(row, "confirm").hidden = true;
    row.querySelector('[data-action="delete"]').focus();
  }

  remove(id) {
    const milestone = this.find(id);
    if (!milestone) return;
    if (this.update((list) => list.filter((m) => m.id !== id))) {
      this.notify(`Deleted milestone “${milestone.name}”.`);
    }
    part(this.root, "name").focus();
  }

  exportAll() {
    if (this.list.length === 0) {
      this.notify("There is no milestone to export yet.", "error");
      return;
    }
    const file = fileOf(this.checklist, this.list, { exported: new Date().toISOString() });
    const name = `pilot2prod-${this.checklist}-milestones-${today()}.json`;
    download(name, "application/json", `${JSON.stringify(file, null, 2)}\n`);
    this.notify(`Exported ${this.list.length} milestone${this.list.length === 1 ? "" : "s"}: ${name}.`);
  }

  async importFile(input) {
    const file = input.files && input.files[0];
    input.value = ""; // the same file can be chosen again
    if (!file) return;
    const refuse = (why) => this.notify(`The file was not imported: ${why}. Your milestones are unchanged.`, "error");
    if (!this.readable) {
      refuse("the milestones kept in this browser could not be read or set aside");
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      refuse(`it is larger than ${MAX_FILE_BYTES / 1e6} MB`);
      return;
    }
    let raw;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      refuse("it is not a JSON file");
      return;
    }
    this.load(); // merged with the list as stored now: another tab may have saved a moment ago
    if (!this.readable) {
      this.render(); // load() has said why, and set the unreadable value aside
      return;
    }
    const kept = this.list;
    const revision = this.revision;
    const keptText = store().get(this.key);
    let merged;
    try {
      merged = await callPython("readiness.milestones_import", { file: raw, kept: fileOf(this.checklist, kept) }, { timeoutMs: 30000 });
    } catch (error) {
      // Python's reason for refusing the file, or why it could not be asked.
      refuse(error && error.message ? error.message.replace(/\.$/, "") : "Python is not available");
      return;
    }
    // The merge was made with the list as it was; a change since (here, or in another tab whose
    // storage event has not arrived yet) would be thrown away by storing it.
    if (this.revision !== revision || store().get(this.key) !== keptText) {
      refuse("the milestones changed while it was read; import it again");
      return;
    }
    if (this.write(merged.milestones)) this.notify(`Imported ${file.name}: ${merged.summary}`);
  }

  // ----- drawing ----------------------------------------------------------------------------

  find(id) {
    return this.list.find((m) => m.id === id) || null;
  }

  row(id) {
    return [...part(this.root, "list").children].find((li) => li.dataset.milestone === id) || null;
  }

  notify(message, kind = "info") {
    const notices = part(this.root, "notices");
    const notice = h("p", { class: `p2p-notice p2p-notice--${kind}` }, h("span", { text: message }));
    const dismiss = h("button", { type: "button", class: "p2p-button p2p-button--small", text: "Dismiss", "aria-label": "Dismiss this message" });
    dismiss.addEventListener("click", () => notice.remove());
    notice.append(" ", dismiss);
    notices.replaceChildren(notice);
  }

  render() {
    const ordered = this.renderList();
    this.fillPickers(ordered);
    this.compare();
    this.trend();
    this.fillVerdicts();
  }

  renderList() {
    const ordered = newestFirst(this.list);
    part(this.root, "empty").hidden = ordered.length > 0;
    const list = part(this.root, "list");
    const open = this.openWork(list);
    list.replaceChildren(...ordered.map((m) => this.renderRow(m)));
    this.restoreWork(open);
    return ordered;
  }

  /** What the reader has under way in the list: rename boxes open (with the text typed so far),
   * delete questions asked, and where the focus is. The list is redrawn whenever a verdict
   * arrives or another tab saves, and a redraw must not throw any of it away. */
  openWork(list) {
    const work = new Map();
    for (const row of list.querySelectorAll("li[data-milestone]")) {
      const rename = part(row, "rename");
      const input = part(row, "rename-input");
      const focused = row.contains(document.activeElement) ? document.activeElement : null;
      work.set(row.dataset.milestone, {
        renaming: rename && !rename.hidden ? input.value : null,
        selection: focused === input ? [input.selectionStart, input.selectionEnd] : null,
        confirming: !part(row, "confirm").hidden,
        focus: focused ? focused.dataset.action || focused.dataset.role || null : null,
      });
    }
    return work;
  }

  restoreWork(work) {
    for (const [id, was] of work) {
      const row = this.row(id);
      if (!row) continue; // deleted meanwhile (in another tab): nothing of it to keep
      const input = part(row, "rename-input");
      if (was.renaming !== null) {
        part(row, "rename").hidden = false;
        input.value = was.renaming;
      }
      if (was.confirming) part(row, "confirm").hidden = false;
      if (was.focus) {
        const target = row.querySelector(`[data-action="${was.focus}"], [data-role="${was.focus}"]`);
        if (target) target.focus();
        if (target === input && was.selection) input.setSelectionRange(...was.selection);
      }
    }
  }

  /** Verdicts for milestones saved while Python was unavailable, worked out by Python now. */
  async fillVerdicts() {
    const list = this.list;
    const revision = this.revision;
    if (!list.some((m) => !m.verdict)) return;
    let read;
    try {
      read = await callPython("readiness.milestones_import", { file: fileOf(this.checklist, list) }, { timeoutMs: 30000 });
    } catch {
      return; // the list keeps saying "verdict not worked out", which stays true
    }
    if (this.revision !== revision || !this.root.isConnected) return;
    const verdicts = new Map(read.milestones.map((m) => [m.id, m.verdict]));
    // Not written now: the stored milestones change only when the reader changes something.
    this.list = this.list.map((m) => (m.verdict ? m : { ...m, verdict: verdicts.get(m.id) || null }));
    this.renderList();
  }

  renderRow(milestone) {
    const label = `“${milestone.name}”`;
    const button = (action, text, aria) =>
      h("button", { type: "button", class: "p2p-button p2p-button--small", data: { action }, text, "aria-label": aria });
    const inputId = `p2p-milestone-rename-${milestone.id}`;
    const rename = h(
      "div",
      { class: "p2p-milestones__rename", data: { role: "rename" }, hidden: true },
      h("label", { for: inputId, text: `New name for ${label}` }),
      h("input", { type: "text", id: inputId, maxlength: NAME_MAX, autocomplete: "off", data: { role: "rename-input" } }),
      button("rename-save", "Save name", undefined),
      button("rename-cancel", "Cancel", `Cancel renaming ${label}`),
    );
    part(rename, "rename-input").addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        this.rename(milestone.id);
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.closeRename(milestone.id);
      }
    });
    const confirm = h(
      "div",
      { class: "p2p-milestones__confirm", data: { role: "confirm" }, role: "group", "aria-label": `Delete ${label}?`, hidden: true },
      h("span", { text: `Delete ${label}? This cannot be undone.` }),
      " ",
      button("delete-confirm", "Delete", `Delete ${label} now`),
      " ",
      button("delete-cancel", "Keep it", `Keep it: do not delete ${label}`),
    );
    const verdict = milestone.verdict ? `verdict ${milestone.verdict}` : "verdict not worked out";
    return h(
      "li",
      { class: "p2p-milestones__item", data: { milestone: milestone.id } },
      h("span", { class: "p2p-milestones__name", data: { role: "milestone-name" }, text: milestone.name }),
      " ",
      h("span", { class: "p2p-milestones__meta", text: `saved ${savedDate(milestone)}, ${verdict}` }),
      " ",
      h(
        "span",
        { class: "p2p-milestones__actions" },
        button("rename", "Rename", `Rename ${label}`),
        " ",
        button("delete", "Delete…", `Delete ${label}…`),
      ),
      rename,
      confirm,
    );
  }

  fillPickers(ordered) {
    const pick = part(this.root, "compare-pick");
    const none = part(this.root, "compare-none");
    const oldSelect = part(this.root, "old");
    const newSelect = part(this.root, "new");
    pick.hidden = ordered.length === 0;
    none.hidden = ordered.length > 0;
    const options = [
      [CURRENT, CURRENT_NAME],
      ...ordered.map((m) => [m.id, `${m.name} (${savedDate(m)})`]),
    ];
    const keep = (select, fallback) => {
      const was = select.value;
      select.replaceChildren(...options.map(([value, text]) => h("option", { value, text })));
      select.value = options.some(([value]) => value === was) && was ? was : fallback;
    };
    // By default: the latest milestone against the one before it, or against the answers now.
    const fallbackOld = ordered.length >= 2 ? ordered[1].id : ordered.length ? ordered[0].id : CURRENT;
    const fallbackNew = ordered.length >= 2 ? ordered[0].id : CURRENT;
    keep(oldSelect, fallbackOld);
    keep(newSelect, fallbackNew);
  }

  point(value) {
    if (value === CURRENT) return { name: CURRENT_NAME, document: this.currentDoc() };
    const milestone = this.find(value);
    return milestone ? { name: milestone.name, document: milestone.document } : null;
  }

  async compare() {
    const area = part(this.root, "compare-result");
    const run = ++this.compareRun;
    if (this.list.length === 0) {
      area.replaceChildren();
      return;
    }
    const before = this.point(part(this.root, "old").value);
    const after = this.point(part(this.root, "new").value);
    if (!before || !after || !before.document || !after.document) {
      area.replaceChildren(h("p", { text: "The answers are not loaded yet." }));
      return;
    }
    area.dataset.state = "working";
    if (pythonStatus() !== "ready") area.replaceChildren(h("p", { text: bootingText("the comparison") }));
    let result;
    try {
      result = await callPython("readiness.compare", {
        old: before.document,
        new: after.document,
        old_name: before.name.slice(0, NAME_MAX),
        new_name: after.name.slice(0, NAME_MAX),
      });
    } catch (error) {
      if (run !== this.compareRun) return;
      const why = error && error.kind === "boot" ? failedText("The comparison") : `The comparison could not be made: ${error.message}.`;
      area.replaceChildren(h("p", { class: "p2p-notice p2p-notice--error", text: why }));
      area.dataset.state = "failed";
      return;
    }
    if (run !== this.compareRun || !this.root.isConnected) return;
    area.replaceChildren(...this.comparison(result, before.name, after.name));
    area.dataset.state = "done";
  }

  comparison(result, beforeName, afterName) {
    const head = h("tr", {}, ...["Dimension", beforeName, afterName, "Change"].map((text) => h("th", { scope: "col", text })));
    const rows = result.dimensions.map((d) =>
      h(
        "tr",
        { class: d.went_down ? "p2p-milestones__down" : undefined },
        h("th", { scope: "row", text: d.title }),
        h("td", { text: d.old_text }),
        h("td", { text: d.new_text }),
        h("td", { text: d.change_text }),
      ),
    );
    const table = h(
      "table",
      { class: "p2p-milestones__table", data: { role: "compare-dimensions" } },
      h("caption", { text: "Each dimension's score" }),
      h("thead", {}, head),
      h("tbody", {}, ...rows),
    );
    const questions = (title, role, items) => {
      const block = h("div", { class: "p2p-milestones__questions", data: { role } }, h("h4", { text: title }));
      if (items.length === 0) block.append(h("p", { text: "None." }));
      else {
        block.append(
          h("ul", {}, ...items.map((q) => h("li", { text: `${q.text} (${q.dimension_title}): ${q.old_label} → ${q.new_label}` }))),
        );
      }
      return block;
    };
    return [
      h("p", { class: "p2p-milestones__verdict", data: { role: "verdict-change", change: result.verdict_change }, text: result.verdict_text }),
      h("p", { data: { role: "compare-summary" }, text: result.summary }),
      h("div", { class: "p2p-milestones__scroll", tabindex: "0", role: "region", "aria-label": "Each dimension's score" }, table),
      questions("Questions that improved", "improved", result.improved),
      questions("Questions that regressed", "regressed", result.regressed),
    ];
  }

  async trend() {
    const box = part(this.root, "trend");
    const run = ++this.trendRun;
    const points = [...this.list].sort((a, b) => (a.saved < b.saved ? -1 : a.saved > b.saved ? 1 : 0)).slice(-TREND_MAX);
    part(this.root, "trend-none").hidden = points.length > 0;
    if (points.length === 0) {
      box.hidden = true;
      return;
    }
    let result;
    try {
      result = await callPython("readiness.trend", {
        milestones: points.map((m) => ({ name: m.name.slice(0, NAME_MAX), document: m.document })),
      });
    } catch (error) {
      if (run !== this.trendRun) return;
      box.hidden = true;
      const none = part(this.root, "trend-none");
      none.hidden = false;
      setText(none, error && error.kind === "boot" ? failedText("The trend") : `The trend could not be drawn: ${error.message}.`);
      return;
    }
    if (run !== this.trendRun || !this.root.isConnected) return;
    // Python's geometry (pilot2prod.readiness.compare.trend), drawn with the shared allow-list.
    drawChart(part(this.root, "trend-chart"), result.chart);
    const [first, ...rest] = result.table.columns;
    const table = h(
      "table",
      { class: "p2p-milestones__table", data: { role: "trend-rows" } },
      h("caption", { text: "Dimension scores at each milestone" }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: first }), ...rest.map((text) => h("th", { scope: "col", text })))),
      h(
        "tbody",
        {},
        ...result.table.rows.map(([title, ...cells]) =>
          h("tr", {}, h("th", { scope: "row", text: title }), ...cells.map((text) => h("td", { text }))),
        ),
      ),
    );
    part(this.root, "trend-table").replaceChildren(table);
    box.hidden = false;
    box.dataset.points = String(points.length);
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
window.addEventListener("storage", (event) => eachWidget((widget) => widget.onStorage(event)));
// Back from the back-forward cache: the storage events of the time away were never delivered.
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) return;
  eachWidget((widget) => {
    widget.load();
    widget.render();
  });
});
onPythonStatus((status) => {
  if (status === "failed") eachWidget((widget) => widget.compare());
});
