// The evidence behind the answers (data-p2p-component="backing" on the assessment page,
// macros/backing_view.py): the evidence records the reader keeps in this browser, and on each
// question what they say of its answer.
//
// Every judgement is Python's. A record file is read strictly when it is added (evidence.back,
// which refuses it naming the field); the live verdict weighs the answers against every kept
// record in the same call that scores them (readiness.view with `records`), and this module shows
// what comes back on the "pilot2prod:readiness-scored" event: a summary, the records, and a line
// in each question the evidence informs, with its figures. A suggestion changes nothing until the
// reader chooses it: "Answer …" checks that answer's own control, and the checklist takes it as
// any other click. Everything shown goes in through textContent.

import { h, part, setText } from "../lib/dom.js";
import { today } from "../lib/download.js";
import { EVIDENCE_CHANGED, dropRecord, keepRecord, keptRecords } from "../lib/evidence-records.js";
import { readFileText } from "../lib/file-drop.js";
import { callPython } from "../lib/python.js";

const SELECTOR = '[data-p2p-component="backing"]';
const mounted = new WeakSet();

function formOf(root) {
  return document.querySelector(`form.p2p-checklist[data-checklist="${CSS.escape(root.dataset.checklist || "")}"]`);
}

function notify(root, message, kind = "info") {
  part(root, "notices").replaceChildren(h("p", { class: `p2p-notice p2p-notice--${kind}` }, message));
}

function renderRecords(root) {
  const { records, notice } = keptRecords(root.dataset.checklist);
  if (notice) notify(root, notice, "error");
  part(root, "records").replaceChildren(
    ...records.map((entry) =>
      h(
        "li",
        { data: { record: entry.name } },
        h("span", { text: `${entry.name} (added ${entry.saved.slice(0, 10)}) ` }),
        h("button", { type: "button", class: "p2p-button p2p-button--small", data: { action: "drop" }, text: "Remove", "aria-label": `Remove ${entry.name}` }),
      ),
    ),
  );
  if (!records.length) setText(part(root, "summary"), "No evidence record is kept for this assessment yet.");
}

async function addFiles(root, files) {
  const checklist = root.dataset.checklist;
  const done = [];
  for (const file of files) {
    const read = await readFileText(file);
    if (read.refused) {
      notify(root, `“${file.name}” was not added: it ${read.refused}`, "error");
      continue;
    }
    try {
      // Read strictly by Python first: a record it cannot read is refused here, by name.
      await callPython("evidence.back", { records: [{ name: file.name, text: read.text }], today: today() }, { timeoutMs: 30000 });
    } catch (error) {
      notify(root, `“${file.name}” was not added: ${error && error.message ? error.message : "Python is not available"}.`, "error");
      continue;
    }
    const kept = await keepRecord(checklist, file.name, JSON.parse(read.text));
    if (kept === true) done.push(file.name);
    else notify(root, `“${file.name}” was not added: ${kept}.`, "error");
  }
  if (done.length) notify(root, `Added ${done.map((name) => `“${name}”`).join(", ")}: each answer it informs is marked below and in the questions.`);
  renderRecords(root);
}

/** The line under a question that evidence informs: its status, figures, and the choice. */
function questionLine(item, form) {
  const findings = item.findings.filter((f) => !f.stale);
  const figures = (findings.length ? findings : item.findings).map((f) => `${f.figures} (${f.record})`).join("; ");
  const line = h(
    "p",
    { class: "p2p-item__evidence", data: { p2pEvidence: "", status: item.status } },
    h("strong", { text: `${item.status_label}.` }),
    " ",
    figures,
  );
  const control = item.suggestion && item.suggestion !== item.answer ? form.querySelector(`#${CSS.escape(`${form.id}-${item.question}--${item.suggestion}`)}`) : null;
  if (control) {
    line.append(
      " ",
      h("button", {
        type: "button",
        class: "p2p-button p2p-button--small",
        data: { action: "use-suggestion", question: item.question, value: item.suggestion },
        text: `Answer ${item.suggestion_label}`,
        "aria-label": `Answer ${item.suggestion_label}, as the evidence suggests, to: ${item.text}`,
      }),
    );
  }
  return line;
}

function render(root, evidence) {
  const form = formOf(root);
  if (form) for (const old of form.querySelectorAll("[data-p2p-evidence]")) old.remove();
  if (!evidence) {
    renderRecords(root);
    return;
  }
  const counts = Object.entries(evidence.counts).filter(([, n]) => n > 0);
  const labels = Object.fromEntries(evidence.items.map((item) => [item.status, item.status_label]));
  const summary = counts.length ? counts.map(([status, n]) => `${labels[status] || status}: ${n}`).join("; ") : "The records kept inform none of the questions.";
  setText(part(root, "summary"), `${summary}.${evidence.notes.length ? ` ${evidence.notes.join(" ")}` : ""}`);
  if (form) {
    for (const item of evidence.items) {
      const element = form.querySelector(`.p2p-item[data-item="${CSS.escape(item.question)}"]`);
      if (element && (item.findings.length || item.status !== "self-reported")) element.append(questionLine(item, form));
    }
  }
}

/** Mount one evidence section. */
export function mount(root) {
  if (mounted.has(root)) return;
  mounted.add(root);
  part(root, "nojs").hidden = true;
  part(root, "live").hidden = false;
  renderRecords(root);
  part(root, "files").addEventListener("change", (event) => {
    const files = [...event.target.files];
    event.target.value = "";
    addFiles(root, files);
  });
  root.addEventListener("click", async (event) => {
    const button = event.target.closest('button[data-action="drop"]');
    if (!button) return;
    const name = button.closest("[data-record]").dataset.record;
    await dropRecord(root.dataset.checklist, name);
    renderRecords(root);
    notify(root, `Removed “${name}”: the answers it informed are self-reported again.`);
  });
  const form = formOf(root);
  if (form) {
    form.addEventListener("click", (event) => {
      const button = event.target.closest('button[data-action="use-suggestion"]');
      if (!button) return;
      const control = form.querySelector(`#${CSS.escape(`${form.id}-${button.dataset.question}--${button.dataset.value}`)}`);
      if (control) control.click(); // the checklist takes it as the reader's own click
    });
  }
  const verdict = document.querySelector(`[data-p2p-component="readiness"][data-checklist="${CSS.escape(root.dataset.checklist || "")}"]`);
  if (verdict && verdict.pilot2prodView) render(root, verdict.pilot2prodView.evidence);
}

document.addEventListener("pilot2prod:readiness-scored", (event) => {
  const checklist = event.target instanceof Element ? event.target.dataset.checklist : undefined;
  for (const root of document.querySelectorAll(SELECTOR)) {
    if (mounted.has(root) && root.dataset.checklist === checklist) render(root, (event.detail || {}).evidence);
  }
});

document.addEventListener(EVIDENCE_CHANGED, (event) => {
  for (const root of document.querySelectorAll(SELECTOR)) {
    if (mounted.has(root) && root.dataset.checklist === event.detail.checklist) renderRecords(root);
  }
});
