// Exports of the scored assessment, written by Python: the Markdown is the very report
// `pilot2prod assess --format md` prints (pilot2prod/readiness/report.py), the CSV is
// pilot2prod/readiness/csv_export.py, and the JSON export gains the result those are made of.
// A checklist uses these only when the page also holds its live verdict (the readiness
// component), whose data-site-root gives the links; other checklists keep their own exports.

import { callPython } from "../lib/python.js";

/** The live verdict widget scoring checklist `id` on this page, or null. */
export function verdictWidget(id) {
  return document.querySelector(`[data-p2p-component="readiness"][data-checklist="${CSS.escape(id)}"]`);
}

/** Python's view of `doc`, with its Markdown report and CSV: {markdown, csv, ...view}. */
export function scoreWithReports(widget, doc) {
  return callPython("readiness.score", {
    document: doc,
    markdown: true,
    site_root: widget.dataset.siteRoot || "",
    directory_urls: widget.dataset.directoryUrls !== "false",
  });
}

// What the JSON export keeps of the result: what a reader or a script reads back. Import
// ignores it, and Python never reads it: a result is always worked out afresh from the answers.
const RESULT_KEYS = [
  "verdict",
  "score",
  "score_text",
  "weakest",
  "weakest_text",
  "answered_text",
  "complete",
  "capped",
  "cap_text",
  "blockers_text",
  "risk_counts",
  "identity",
];

function itemSummary(item) {
  return {
    id: item.id,
    text: item.text,
    dimension: item.dimension,
    answer: item.answer,
    critical: item.critical,
    weight: item.weight_word,
    risk: item.risk,
    owner: item.owner,
  };
}

/** The `result` object of a JSON export, from Python's view. */
export function resultOf(view) {
  const result = {};
  for (const key of RESULT_KEYS) if (key in view) result[key] = view[key];
  result.dimensions = (view.dimensions || []).map((d) => ({ id: d.id, title: d.title, score: d.score, score_text: d.score_text, status: d.status }));
  result.blockers = (view.capping || []).map(itemSummary);
  result.risks = (view.risks || []).map(itemSummary);
  result.path = (view.path || []).map((step) => ({ target: step.target, summary: step.summary, items: step.items.map(itemSummary) }));
  return result;
}
