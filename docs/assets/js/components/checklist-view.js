// Showing the answers: fills a checklist's controls from the answers shown (the reader's own,
// or the ones under the banner), and keeps every status line, progress bar, filter, the list of
// answers kept aside and the printed "from" line current. It reads the page, never storage.
//
// The checklist controller (checklist.js) owns one PageView; the pieces it shows were built
// by checklist-ui.js when the form was mounted.

import { progressSentence, tally } from "./checklist-progress.js";
import { isBlank } from "../lib/text.js";
import { h } from "../lib/dom.js";
import { today } from "../lib/download.js";
import { pageUrl } from "../lib/sharelink.js";

export class PageView {
  constructor(controller) {
    this.controller = controller;
  }

  applyView() {
    const { form, spec, view, planFields } = this.controller;
    for (const item of spec.items.values()) {
      const name = `${spec.id}-${item.id}`;
      const value = view.answers[item.id];
      for (const control of form.querySelectorAll(`input[name="${name}"]`)) {
        control.checked = control.value === value;
      }
      const note = item.element.querySelector('[data-field="note"]');
      const owner = item.element.querySelector('[data-field="owner"]');
      if (note) note.value = view.notes[item.id] || "";
      if (owner) owner.value = view.owners[item.id] || "";
      const details = item.element.querySelector(".p2p-item__more");
      if (details && (view.notes[item.id] || view.owners[item.id])) details.open = true;
      planFields.applyPlan(item);
    }
    for (const input of form.querySelectorAll("input[data-identity]")) {
      const key = input.dataset.identity;
      input.value = view[key] || (key === "assessed" ? today() : "");
    }
    this.refresh();
  }

  refreshItem(item) {
    const { spec, view, planFields } = this.controller;
    const el = item.element;
    const value = view.answers[item.id] || "";
    const note = isBlank(view.notes[item.id] || "") ? "" : view.notes[item.id];
    const owner = isBlank(view.owners[item.id] || "") ? "" : view.owners[item.id];
    const needsReason = value === "na" && !note;
    el.dataset.answer = value || "none";
    el.dataset.open = String(spec.scale === "done" ? value !== "done" : !value || needsReason);
    el.dataset.gap = String(value === "no" || value === "partial");
    el.classList.toggle("p2p-item--needs-reason", needsReason);
    planFields.refreshPlan(item, value !== "yes" && (value !== "na" || needsReason));

    const status = el.querySelector("[data-p2p-status]");
    if (status) {
      status.textContent = spec.scale === "done" ? (value ? "Done" : "Not done") : value ? spec.labels.get(value) || value : "Not answered";
    }
    const printed = el.querySelector("[data-p2p-print]");
    if (printed) {
      const parts = [];
      if (owner) parts.push(`Owner: ${owner}`);
      if (note) parts.push(`${value === "na" ? "Why it does not apply" : "Note"}: ${note}`);
      printed.textContent = parts.join(" · ");
      printed.hidden = parts.length === 0;
    }
    const state = el.querySelector("[data-p2p-more-state]");
    if (state) {
      const parts = [];
      if (owner) parts.push(`owner: ${owner}`);
      if (note) parts.push("note added");
      state.textContent = parts.length ? ` (${parts.join(", ")})` : "";
    }
    const noteField = el.querySelector('[data-field="note"]');
    const noteLabel = el.querySelector("[data-p2p-note-label]");
    const warning = el.querySelector("[data-p2p-warning]");
    if (noteLabel) noteLabel.textContent = value === "na" ? "Why it does not apply (required for Not applicable)" : "Evidence note";
    if (noteField) {
      noteField.toggleAttribute("required", value === "na");
      noteField.setAttribute("aria-invalid", String(needsReason));
      if (warning) noteField.setAttribute("aria-describedby", warning.id);
    }
    if (warning) {
      warning.hidden = !needsReason;
      warning.textContent = needsReason ? "Not applicable needs a reason: say in the note why this item does not apply to your project." : "";
    }
  }

  refresh() {
    const { spec, view, form, ui, sectionUi: sections } = this.controller;
    for (const item of spec.items.values()) this.refreshItem(item);
    const counts = tally(spec, view);
    ui.progress.max = counts.total;
    ui.progress.value = counts.answered;
    ui.progressLabel.textContent = `Progress: ${progressSentence(spec, view)}`;
    ui.breakdown.textContent = counts.needReason
      ? ` · ${counts.needReason} “Not applicable” ${counts.needReason === 1 ? "answer needs" : "answers need"} a reason`
      : "";
    const filter = ui.filter.value;
    form.dataset.filter = filter;
    let shown = 0;
    for (const section of spec.sections) {
      const sectionUi = sections.get(section.id);
      const done = section.items.filter((item) => view.answers[item.id]).length;
      sectionUi.bar.max = section.items.length;
      sectionUi.bar.value = done;
      sectionUi.label.textContent = `${section.title}: ${done} of ${section.items.length} ${spec.scale === "done" ? "done" : "answered"}`;
      let visible = 0;
      for (const item of section.items) {
        const el = item.element;
        const show = filter === "all" || (filter === "open" && el.dataset.open === "true") || (filter === "gaps" && el.dataset.gap === "true");
        el.classList.toggle("p2p-item--filtered", !show);
        if (show) visible += 1;
      }
      sectionUi.empty.hidden = visible > 0;
      shown += visible;
    }
    ui.filterCount.textContent = filter === "all" ? "" : `${shown} of ${spec.items.size} items shown`;
    this.renderOrphans();
    this.renderPrintHeader();
  }

  renderOrphans() {
    const { spec, view, orphans } = this.controller;
    const entries = Object.entries(view.orphans);
    const { list, root } = orphans;
    list.replaceChildren();
    for (const [id, entry] of entries) {
      const parts = [];
      if (entry.answer) parts.push(spec.scale === "done" ? (entry.answer === "done" ? "Done" : entry.answer) : spec.labels.get(entry.answer) || entry.answer);
      if (entry.owner) parts.push(`owner: ${entry.owner}`);
      if (entry.note) parts.push(`note: ${entry.note}`);
      if (entry.plan) parts.push(`plan that could not be used: ${entry.plan}`);
      list.append(h("li", {}, h("code", { text: id }), h("span", { text: ` ${parts.join(" · ")}` })));
    }
    root.hidden = entries.length === 0;
  }

  renderPrintHeader() {
    const { spec, view, printHeader } = this.controller;
    printHeader.textContent = `${pageUrl()} · checklist version ${spec.version} · ${today()} · ${progressSentence(spec, view)}`;
  }
}
