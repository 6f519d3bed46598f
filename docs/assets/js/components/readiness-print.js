// The first page of the printed assessment: project, verdict, score, what the work will take,
// the dimension chart, blockers, the path to the top band, the plan's next actions and the top
// risks with their owners, from the newest result Python gave (every word is Python's). It is
// kept off the screen (readiness.css shows it only in print); the answers print after it. A
// block with nothing to say is left out rather than printed as an empty heading.

import { h } from "../lib/dom.js";

/** How many of the open questions at the highest risk page 1 lists. */
const TOP_RISKS = 5;

function itemLine(item) {
  const extras = [item.dimension_title, item.risk_label, item.owner_text].filter(Boolean);
  return h("li", {}, h("strong", { text: `${item.answer_label}: ` }), item.text, h("span", { class: "p2p-print-report__extra", text: ` (${extras.join(" · ")})` }));
}

function list(title, items) {
  const block = h("section", { class: "p2p-print-report__block" }, h("h3", { text: title }));
  block.append(h("ul", {}, ...items.map(itemLine)));
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
    ...[...who, ["Verdict", view.verdict_text], ["Score", view.score_explained], ["Weakest dimension", view.weakest_text], ["Answered", view.answered_text], ["Blockers", view.blockers_text]].map(([label, value]) =>
      h("div", {}, h("dt", { text: label }), h("dd", { text: value || "" })),
    ),
  );
  const chart = widget.querySelector('[data-role="chart"] svg');
  const parts = [figures, h("p", { class: "p2p-print-report__meaning", text: view.verdict.meaning })];
  if (view.provisional_text) parts.push(h("p", { class: "p2p-print-report__cap", text: view.provisional_text }));
  if (view.cap_text) parts.push(h("p", { class: "p2p-print-report__cap", text: view.cap_text }));
  const takes = view.takes;
  if (takes && takes.lines.length) {
    parts.push(
      h(
        "section",
        { class: "p2p-print-report__block" },
        h("h3", { text: takes.title }),
        h("dl", { class: "p2p-print-report__figures" }, ...takes.lines.map((line) => h("div", {}, h("dt", { text: line.label }), h("dd", { text: line.text })))),
        h("p", { class: "p2p-print-report__extra", text: [takes.as_of, takes.note].filter(Boolean).join(" ") }),
      ),
    );
  }
  if ((view.capping || []).length) parts.push(list("Blockers: critical questions answered No", view.capping));
  const path = view.path || [];
  if (path.length) {
    parts.push(
      h(
        "section",
        { class: "p2p-print-report__block" },
        h("h3", { text: view.path_title }),
        h(
          "ol",
          { class: "p2p-print-report__path" },
          ...path.map((step) => h("li", {}, h("strong", { text: `${step.title}. ` }), step.summary, " ", h("span", { class: "p2p-print-report__extra", text: [...step.brief, step.brief_more].filter(Boolean).join(" · ") }))),
        ),
      ),
    );
  }
  const actions = view.next_actions;
  if (actions && actions.items.length) {
    parts.push(
      h(
        "section",
        { class: "p2p-print-report__block" },
        h("h3", { text: actions.title }),
        h("ul", {}, ...actions.items.map((entry) => h("li", {}, `${entry.action} `, h("span", { class: "p2p-print-report__extra", text: `(${entry.details})` })))),
      ),
    );
  }
  // The chart after the words that say what to do: page 1 keeps those when the path is long.
  if (chart) parts.push(h("figure", { class: "p2p-print-report__chart" }, chart.cloneNode(true), h("figcaption", { text: view.chart_summary })));
  const risks = view.risks || [];
  if (risks.length) parts.push(list(`Top risks (${Math.min(TOP_RISKS, risks.length)} of ${risks.length} open at high or medium risk)`, risks.slice(0, TOP_RISKS)));
  parts.push(h("p", { class: "p2p-print-report__next", text: "Every answer, with its note and owner, follows on the next pages." }));
  report.replaceChildren(h("h2", { text: "Readiness report" }), ...parts);
}
