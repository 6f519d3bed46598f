// The improvement plan component (data-p2p-component="plan", macros/plan_view.py): the plan of
// the readiness checklist on the same page, as pilot2prod builds it, and its exports.
//
// The reader edits the plan in each open question's "Plan" fold (checklist.js keeps it in the
// answers document). This module listens to the checklist's "pilot2prod:answers" event, sends
// the answers document to `readiness.plan` in the tab's worker (the function behind
// `pilot2prod plan`) and lists what comes back. The exports are Python's own text: the Markdown
// task list, the tracker CSV and the plan's JSON with one issue body per open question, the same
// bytes `pilot2prod plan --format md|csv|json --site-url <this site>` writes for the JSON export.
// Everything shown goes in through textContent.

import { bootingText, callPython, failedText, onPythonStatus, pythonStatus, startPython } from "../lib/python.js";
import { h, part, setText } from "../lib/dom.js";
import { download, today } from "../lib/download.js";
import { FORMAT, FORMAT_VERSION, IDENTITY_KEYS } from "./checklist-doc.js";

const SELECTOR = '[data-p2p-component="plan"]';
const EXPORTS = {
  "plan-md": { key: "markdown", extension: "md", mime: "text/markdown;charset=utf-8", label: "the plan as Markdown tasks" },
  "plan-csv": { key: "csv", extension: "csv", mime: "text/csv;charset=utf-8", label: "the plan for a tracker (CSV)" },
  "plan-json": { key: "json", extension: "json", mime: "application/json", label: "the issue bodies (JSON)" },
};

const states = new WeakMap();

// The plan sits below the verdict and shares the tab's one Python worker, which answers in
// order: asking a moment later lets the verdict for the same answers go first, and gathers a
// burst of typing in a Plan fold into one call.
const PLAN_DELAY_MS = 150;

onPythonStatus(() => {
  for (const root of document.querySelectorAll(SELECTOR)) {
    if (states.has(root)) showStatus(root);
  }
});

function formOf(root) {
  return document.querySelector(`.p2p-checklist[data-checklist="${CSS.escape(root.dataset.checklist || "")}"]`);
}

/** The answers document the checklist would export, from its announcement. */
function documentOf(detail) {
  const asObject = (value) => (value && typeof value === "object" ? value : {});
  const doc = {
    format: FORMAT,
    version: FORMAT_VERSION,
    checklist: detail.checklist,
    checklist_version: detail.version,
    answers: asObject(detail.answers),
    notes: asObject(detail.notes),
    owners: asObject(detail.owners),
    plan: asObject(detail.plan),
  };
  for (const key of IDENTITY_KEYS) {
    if (typeof detail[key] === "string" && detail[key] !== "") doc[key] = detail[key];
  }
  return doc;
}

/** Python's plan of `doc`, and with `exports` its Markdown, CSV and issue bodies; links point at
 * this site, absolutely, as a tracker needs them (pilot2prod plan --site-url). */
function planOf(root, doc, exports) {
  return callPython("readiness.plan", {
    document: doc,
    site_root: new URL(root.dataset.siteRoot || "./", window.location.href).href,
    directory_urls: root.dataset.directoryUrls !== "false",
    exports,
    today: today(),
  });
}

function showStatus(root) {
  const status = pythonStatus();
  const state = states.get(root);
  const line = part(root, "status");
  if (status === "failed") {
    setText(line, `${failedText("The plan list")} Your plan is still saved with your answers, and the answers' JSON export carries it.`);
  } else if (status !== "ready") {
    setText(line, bootingText("the plan"));
  } else if (state && !state.view) {
    setText(line, "Working out the plan…");
  }
  const usable = status === "ready";
  for (const button of root.querySelectorAll("button[data-action]")) button.disabled = !usable;
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

async function update(root) {
  const state = states.get(root);
  if (!state || !root.isConnected || !state.detail || pythonStatus() !== "ready") return;
  if (state.busy) {
    state.again = true;
    return;
  }
  state.busy = true;
  const doc = documentOf(state.detail);
  try {
    const view = await planOf(root, doc, false); // the list only: exports are made on demand
    if (root.isConnected) {
      state.view = view;
      render(root, view);
    }
  } catch (error) {
    if (error && error.kind !== "boot") setText(part(root, "status"), `The plan could not be updated: ${error.message}.`);
  } finally {
    state.busy = false;
  }
  if (state.again) {
    state.again = false;
    update(root);
  }
}

function schedule(root, detail) {
  const state = states.get(root);
  if (!state) return;
  state.detail = detail;
  clearTimeout(state.timer);
  state.timer = setTimeout(() => update(root), PLAN_DELAY_MS);
}

async function exportPlan(root, action) {
  const state = states.get(root);
  const what = EXPORTS[action];
  if (!state || !what || !state.detail) return;
  const notice = part(root, "notice");
  try {
    // Worked out afresh for the answers shown now, not taken from the last list drawn.
    const view = await planOf(root, documentOf(state.detail), true);
    const name = `pilot2prod-${root.dataset.checklist}-plan-${today()}.${what.extension}`;
    download(name, what.mime, view[what.key]);
    setText(notice, `Exported ${what.label}: ${name}.`);
  } catch (error) {
    setText(notice, `The plan could not be exported: ${error && error.message ? error.message : "Python is not available"}. Your answers' JSON export still carries the plan.`);
  }
}

/** Mount one plan block: show it, start Python, and take the checklist's current answers. */
export function mount(root) {
  if (states.has(root)) return;
  const state = { detail: null, view: null, busy: false, again: false, timer: 0 };
  states.set(root, state);
  part(root, "nojs").hidden = true;
  part(root, "body").hidden = false;
  root.dataset.state = "booting";
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button && root.contains(button)) exportPlan(root, button.dataset.action);
  });
  showStatus(root);
  startPython()
    .then(() => {
      showStatus(root);
      if (state.detail) schedule(root, state.detail);
    })
    .catch(() => showStatus(root));
  const form = formOf(root);
  if (form && form.pilot2prodAnswers) schedule(root, form.pilot2prodAnswers);
  else if (form) form.dispatchEvent(new CustomEvent("pilot2prod:answers-request", { bubbles: false }));
}

// One listener for the whole tab, finding the plan blocks of the page showing at the time.
document.addEventListener("pilot2prod:answers", (event) => {
  const detail = event.detail || {};
  for (const root of document.querySelectorAll(SELECTOR)) {
    if (states.has(root) && root.dataset.checklist === detail.checklist) schedule(root, detail);
  }
});
