// The improvement-plan fields of a scored assessment: each open question's "Plan" fold (action,
// owner, due date, status), filled from the answers shown and copied back into them. Forms
// without data-plan have no plan, and every method here leaves them alone. The rules (statuses,
// labels) come from Python (rules.js, and the form's data-plan for the words).
//
// The checklist controller (checklist.js) owns one PlanFields and reads the answers from it.

import { dict, hasKey } from "../lib/dict.js";
import { isBlank, squeeze } from "../lib/text.js";

export class PlanFields {
  constructor(controller) {
    this.controller = controller;
  }

  /** Fill an item's plan fields from the answers shown (a question without an own action shows
   * the suggested one, which the macro put in the textarea as its default value). */
  applyPlan(item) {
    const { spec, view } = this.controller;
    if (!spec.plan) return;
    const entry = hasKey(view.plan, item.id) ? view.plan[item.id] : {};
    for (const control of item.element.querySelectorAll("[data-plan-field]")) {
      const name = control.dataset.planField;
      const value = hasKey(entry, name) ? entry[name] : "";
      if (name === "action") control.value = value || control.defaultValue;
      else if (name === "status") control.value = value || spec.plan.statuses[0];
      else control.value = value;
    }
  }

  /** Copy one plan control into the answers shown; a default (suggested action, first status,
   * empty text) is left out, so the document holds only what the reader chose. */
  setPlanField(item, control) {
    const { spec, view } = this.controller;
    const name = control.dataset.planField;
    const plan = view.plan;
    const entry = hasKey(plan, item.id) ? plan[item.id] : dict();
    let value = control.value;
    if (name === "action" && squeeze(value) === squeeze(control.defaultValue)) value = "";
    if (name === "status" && value === spec.plan.statuses[0]) value = "";
    if (!isBlank(value)) entry[name] = value;
    else delete entry[name];
    if (Object.keys(entry).length) plan[item.id] = entry;
    else delete plan[item.id];
  }

  resetPlanAction(button) {
    const controller = this.controller;
    const item = controller.itemOf(button);
    const field = item && item.element.querySelector('[data-plan-field="action"]');
    if (!field) return;
    field.value = field.defaultValue;
    this.setPlanField(item, field);
    controller.commit("plan");
    field.focus();
    controller.notify("The action is the suggested one again.");
  }

  refreshPlan(item, isOpen) {
    const { spec, view } = this.controller;
    const details = item.element.querySelector("[data-p2p-plan]");
    if (!details || !spec.plan) return;
    // The plan is for questions still open; one answered Yes keeps its plan, out of sight.
    details.hidden = !isOpen;
    const entry = hasKey(view.plan, item.id) ? view.plan[item.id] : {};
    const parts = [spec.plan.labels.get(entry.status || spec.plan.statuses[0])];
    if (entry.action) parts.push("own action");
    if (entry.owner) parts.push(`owner: ${entry.owner}`);
    if (entry.due) parts.push(`due ${entry.due}`);
    item.element.querySelector("[data-p2p-plan-state]").textContent = ` (${parts.join(", ")})`;
    const reset = details.querySelector('[data-action="plan-reset"]');
    // Answers shown read-only (checklist-transfer.js, setShownOnly) keep every control disabled.
    if (reset) reset.disabled = !entry.action || "p2pShownOnly" in reset.dataset;
  }

  /** The words for plan entries kept aside on reading ("" for none), naming the first few. */
  asideNote(planAside) {
    const { spec } = this.controller;
    if (!planAside.length) return "";
    const named = planAside.slice(0, 3).map(({ id, why }) => {
      const item = spec.items.get(id);
      const text = item ? item.text : id;
      return `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”: ${why}`;
    });
    const more = planAside.length > 3 ? `; and ${planAside.length - 3} more` : "";
    const count = planAside.length === 1 ? "One plan entry" : `${planAside.length} plan entries`;
    return ` ${count} could not be used and ${planAside.length === 1 ? "was" : "were"} kept aside, unchanged, under “Answers kept aside” (${named.join("; ")}${more}); the rest was read.`;
  }
}
