// The improvement plan component (data-p2p-component="plan", macros/plan_view.py): the plan of
// the readiness checklist on the same page, as pilot2prod builds it, and its exports.
//
// The reader edits the plan in each open question's "Plan" fold (checklist.js keeps it in the
// answers document). The live verdict (readiness.js) asks Python once per change for everything
// the page shows (readiness.view), the plan included; this module lists the plan from the
// "pilot2prod:readiness-scored" event that follows. The exports are Python's own text, made when
// asked for the document the checklist shows then (readiness.plan with exports): the Markdown
// task list, the tracker CSV and the plan's JSON with one issue body per open question, the same
// bytes `pilot2prod plan --format md|csv|json --site-url <this site>` writes for the JSON export.
// Everything shown goes in through textContent.

import { callPython, failedText, bootingText } from "../lib/python.js";
import { watchPython } from "../lib/python-component.js";
import { h, part, setText } from "../lib/dom.js";
import { download, today } from "../lib/download.js";

const SELECTOR = '[data-p2p-component="plan"]';
const EXPORTS = {
  "plan-md": { key: "markdown", extension: "md", mime: "text/markdown;charset=utf-8", label: "the plan as Markdown tasks" },
  "plan-csv": { key: "csv", extension: "csv", mime: "text/csv;charset=utf-8", label: "the plan for a tracker (CSV)" },
  "plan-json": { key: "json", extension: "json", mime: "application/json", label: "the issue bodies (JSON)" },
};

const states = new WeakMap();

function formOf(root) {
  return document.querySelector(`.p2p-checklist[data-checklist="${CSS.escape(root.dataset.checklist || "")}"]`);
}

function showStatus(root, status) {
  const state = states.get(root);
  const line = part(root, "status");
  if (status === "failed") {
    setText(line, `${failedText("The plan list")} Your plan is still saved with your answers, and the answers' JSON export carries it.`);
  } else if (status !== "ready") {
    setText(line, bootingText("the plan"));
  } else if (state && !state.shown) {
    setText(line, "Working out the plan…");
  }
  for (const button of root.querySelectorAll("button[data-action]")) button.disabled = status !== "ready";
}

function itemLine(item) {
  const meta = [item.risk_label, item.critical ? "critical" : ""];
  if (item.owner) meta.push(`owner: ${item.owner}`);
  if (item.due) meta.push(`due ${item.due}`);
  if (item.suggested) meta.push("suggested action");
  return h(
    "li",
    { class: "p2p-plan__item", data: { item: item.id, status: item.status } },
    h("span", { class: "p2p-plan__state", text: `${item.status_label}: ` }),
    h("strong", { class: "p2p-plan__action", text: item.action || item.question }),
    h("br"),
    h("a", { href: item.question_href, text: item.question }),
    h("span", { class: "p2p-plan__meta", text: ` (${meta.filter(Boolean).join(" · ")})` }),
  );
}

function render(root, view) {
  const { items, counts } = view;
  setText(
    part(root, "counts"),
    items.length
      ? `${items.length} ${items.length === 1 ? "question is" : "questions are"} open: ${counts.open} not started, ${counts["in-progress"]} in progress, ${counts.done} done.`
      : "Nothing is open: every question is answered Yes or does not apply.",
  );
  setText(part(root, "list-summary"), `The plan, question by question (${items.length})`);
  part(root, "list").hidden = items.length === 0;
  part(root, "items").replaceChildren(...items.map(itemLine));
  setText(part(root, "status"), "The plan follows your answers and their Plan folds; it is worked out in your browser.");
  root.dataset.state = "live";
}

async function exportPlan(root, action) {
  const what = EXPORTS[action];
  const form = formOf(root);
  const detail = form && form.pilot2prodAnswers;
  if (!what || !detail) return;
  const notice = part(root, "notice");
  try {
    // Worked out afresh for the document the checklist shows now, passed on as it came.
    const view = await callPython("readiness.plan", {
      document: detail.document,
      site_root: new URL(root.dataset.siteRoot || "./", window.location.href).href,
      directory_urls: root.dataset.directoryUrls !== "false",
      exports: true,
      today: today(),
    });
    const name = `pilot2prod-${root.dataset.checklist}-plan-${today()}.${what.extension}`;
    download(name, what.mime, view[what.key]);
    setText(notice, `Exported ${what.label}: ${name}.`);
  } catch (error) {
    setText(notice, `The plan could not be exported: ${error && error.message ? error.message : "Python is not available"}. Your answers' JSON export still carries the plan.`);
  }
}

/** Mount one plan block: show it, and follow the verdict's results. */
export function mount(root) {
  if (states.has(root)) return;
  states.set(root, { shown: null });
  part(root, "nojs").hidden = true;
  part(root, "body").hidden = false;
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button && root.contains(button)) exportPlan(root, button.dataset.action);
  });
  watchPython(root, (status) => showStatus(root, status));
  const verdict = document.querySelector(`[data-p2p-component="readiness"][data-checklist="${CSS.escape(root.dataset.checklist || "")}"]`);
  if (verdict && verdict.pilot2prodView && verdict.pilot2prodView.plan) show(root, verdict.pilot2prodView.plan);
}

function show(root, plan) {
  const state = states.get(root);
  state.shown = plan;
  render(root, plan);
}

// One listener for the whole tab: the verdict's result carries the plan for the same answers.
document.addEventListener("pilot2prod:readiness-scored", (event) => {
  const view = event.detail || {};
  const checklist = event.target instanceof Element ? event.target.dataset.checklist : undefined;
  if (!view.plan) return;
  for (const root of document.querySelectorAll(SELECTOR)) {
    const state = states.get(root);
    if (state && root.dataset.checklist === checklist) show(root, view.plan);
  }
});
