// The first page of the printed assessment: project, verdict, score, the dimension chart,
// blockers and the top risks with their owners, from the newest result Python gave. It is kept
// off the screen (readiness.css shows it only in print); the answers print after it.

import { h } from "../lib/dom.js";

/** How many of the open questions at the highest risk page 1 lists. */
const TOP_RISKS = 5;

function itemLine(item) {
  const extras = [item.dimension_title, item.risk_label, item.owner ? `owner: ${item.owner}` : "no owner named"].filter(Boolean);
  return h("li", {}, h("strong", { text: `${item.answer_label}: ` }), item.text, h("span", { class: "p2p-print-report__extra", text: ` (${extras.join(" · ")})` }));
}

function list(title, items, empty) {
  const block = h("section", { class: "p2p-print-report__block" }, h("h3", { text: title }));
  block.append(items.length ? h("ul", {}, ...items.map(itemLine)) : h("p", { text: empty }));
  return block;
}

/** Build or replace the print report before the page's first heading's next sibling. */
export function renderPrintReport(widget, view) {
  const content = widget.closest(".md-content__inner") || document.body;
  let report = content.querySelector(":scope > .p2p-print-report");
  if (!report) {
    report = h("section", { class: "p2p-print-report", "aria-hidden": "true" });
    const title = content.querySelector(":scope > h1");
    if (title) title.after(report);
    else content.prepend(report);
  }
  const identity = view.identity || {};
  const who = [
    ["Project", identity.project],
    ["Assessor", identity.assessor],
    ["Assessed on", identity.assessed],
  ].filter(([, value]) => value);
  const figures = h(
    "dl",
    { class: "p2p-print-report__figures" },
    ...[...who, ["Verdict", view.verdict.label], ["Score", view.score_text], ["Weakest dimension", view.weakest_text], ["Answered", view.answered_text], ["Blockers", view.blockers_text]].map(([label, value]) =>
      h("div", {}, h("dt", { text: label }), h("dd", { text: value || "" })),
    ),
  );
  const chart = widget.querySelector('[data-role="chart"] svg');
  const parts = [figures, h("p", { class: "p2p-print-report__meaning", text: view.verdict.meaning })];
  if (view.cap_text) parts.push(h("p", { class: "p2p-print-report__cap", text: view.cap_text }));
  if (chart) parts.push(h("figure", { class: "p2p-print-report__chart" }, chart.cloneNode(true), h("figcaption", { text: view.chart_summary })));
  parts.push(list("Blockers: critical questions answered No", view.capping || [], "None: no critical question is answered No."));
  parts.push(list(`Top risks (${Math.min(TOP_RISKS, (view.risks || []).length)} of ${(view.risks || []).length} open at high or medium risk)`, (view.risks || []).slice(0, TOP_RISKS), "None open at high or medium risk."));
  parts.push(h("p", { class: "p2p-print-report__next", text: "Every answer, with its note and owner, follows on the next pages." }));
  report.replaceChildren(h("h2", { text: "Readiness report" }), ...parts);
}
