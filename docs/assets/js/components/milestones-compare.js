// Comparing two points of the assessment's life: the pickers (any milestone, or the answers now)
// and Python's comparison (readiness.compare), shown as it comes.
//
// By default the newest milestone is compared with the one before it, or, while there is only
// one, with the answers now. A choice the reader made is kept while it exists; a default is
// worked out afresh whenever the list changes, so the first save shows that milestone against
// the answers now rather than "the answers now" twice.

import { h, part } from "../lib/dom.js";
import { today } from "../lib/download.js";
import { bootingText, callPython, failedText, pythonStatus } from "../lib/python.js";
import { RULES } from "../lib/rules.js";

export const CURRENT = "current";
export const CURRENT_NAME = "Your answers now";
const NAME_MAX = RULES.milestones.name_max;

/** A milestone's day, as the list and the pickers show it. */
export function savedDate(milestone) {
  const when = new Date(milestone.saved);
  return Number.isNaN(when.getTime()) ? milestone.saved.slice(0, 10) : today(when);
}

export class Comparison {
  /** `milestones` is the controller: its `list`, `find(id)`, `currentDoc()` and `root`. */
  constructor(milestones) {
    this.milestones = milestones;
    this.run = 0;
    this.chosen = { old: false, new: false }; // whether the reader picked each side
    for (const role of ["old", "new"]) {
      part(milestones.root, role).addEventListener("change", () => {
        this.chosen[role] = true;
        this.compare();
      });
    }
  }

  fillPickers(ordered) {
    const root = this.milestones.root;
    part(root, "compare-pick").hidden = ordered.length === 0;
    part(root, "compare-none").hidden = ordered.length > 0;
    const options = [[CURRENT, CURRENT_NAME], ...ordered.map((m) => [m.id, `${m.name} (${savedDate(m)})`])];
    const defaults = {
      old: ordered.length >= 2 ? ordered[1].id : ordered.length ? ordered[0].id : CURRENT,
      new: ordered.length >= 2 ? ordered[0].id : CURRENT,
    };
    for (const role of ["old", "new"]) {
      const select = part(root, role);
      const was = select.value;
      select.replaceChildren(...options.map(([value, text]) => h("option", { value, text })));
      const keep = this.chosen[role] && options.some(([value]) => value === was);
      select.value = keep ? was : defaults[role];
      if (!keep) this.chosen[role] = false;
    }
  }

  point(value) {
    if (value === CURRENT) return { name: CURRENT_NAME, document: this.milestones.currentDoc() };
    const milestone = this.milestones.find(value);
    return milestone ? { name: milestone.name, document: milestone.document } : null;
  }

  async compare() {
    const root = this.milestones.root;
    const area = part(root, "compare-result");
    const run = ++this.run;
    if (this.milestones.list.length === 0) {
      area.replaceChildren();
      return;
    }
    const before = this.point(part(root, "old").value);
    const after = this.point(part(root, "new").value);
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
      if (run !== this.run) return;
      const why = error && error.kind === "boot" ? failedText("The comparison") : `The comparison could not be made: ${error.message}.`;
      area.replaceChildren(h("p", { class: "p2p-notice p2p-notice--error", text: why }));
      area.dataset.state = "failed";
      return;
    }
    if (run !== this.run || !root.isConnected) return;
    area.replaceChildren(...comparison(result, before.name, after.name));
    area.dataset.state = "done";
  }
}

function comparison(result, beforeName, afterName) {
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
    else block.append(h("ul", {}, ...items.map((q) => h("li", { text: `${q.text} (${q.dimension_title}): ${q.old_label} → ${q.new_label}` }))));
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
