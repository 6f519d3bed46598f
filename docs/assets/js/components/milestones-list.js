// The list of saved milestones, newest first, each with rename and delete; a redraw keeps what
// the reader has under way (a rename box with its text, an open delete question, the focus), since
// the list is redrawn whenever a verdict arrives or another tab saves.

import { h, part } from "../lib/dom.js";
import { RULES } from "../lib/rules.js";
import { savedDate } from "./milestones-compare.js";
import { newestFirst } from "./milestones-store.js";

const NAME_MAX = RULES.milestones.name_max;

export class MilestoneList {
  /** `milestones` is the controller: its `root`, `rename(id)` and `closeRename(id)`. */
  constructor(milestones) {
    this.milestones = milestones;
    this.root = milestones.root;
  }

  /** Draw `list`; returns it newest first. */
  render(list) {
    const ordered = newestFirst(list);
    part(this.root, "empty").hidden = ordered.length > 0;
    const element = part(this.root, "list");
    const open = this.openWork(element);
    element.replaceChildren(...ordered.map((m) => this.row(m)));
    this.restoreWork(open);
    return ordered;
  }

  rowOf(id) {
    return [...part(this.root, "list").children].find((li) => li.dataset.milestone === id) || null;
  }

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
      const row = this.rowOf(id);
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

  row(milestone) {
    const label = `“${milestone.name}”`;
    const button = (action, text, aria) => h("button", { type: "button", class: "p2p-button p2p-button--small", data: { action }, text, "aria-label": aria });
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
        this.milestones.rename(milestone.id);
      } else if (event.key === "Escape") {
        event.preventDefault();
        this.milestones.closeRename(milestone.id);
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
      h("span", { class: "p2p-milestones__actions" }, button("rename", "Rename", `Rename ${label}`), " ", button("delete", "Delete…", `Delete ${label}…`)),
      rename,
      confirm,
    );
  }
}
