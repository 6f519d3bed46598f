// The trend over the milestones: Python's geometry (readiness.trend, pilot2prod/readiness/
// compare.py), drawn with the shared allow-list, and the table of the same scores. The newest
// milestones Python draws at most (rules.js), oldest on the left; milestones saved at the same
// instant in the order they were saved.

import { drawChart } from "../lib/chart.js";
import { h, part, setText } from "../lib/dom.js";
import { callPython, failedText } from "../lib/python.js";
import { RULES } from "../lib/rules.js";
import { oldestFirst } from "./milestones-store.js";

const { name_max: NAME_MAX, trend_max: TREND_MAX } = RULES.milestones;

export class Trend {
  constructor(root) {
    this.root = root;
    this.run = 0;
  }

  async draw(list) {
    const root = this.root;
    const box = part(root, "trend");
    const run = ++this.run;
    const points = oldestFirst(list).slice(-TREND_MAX);
    part(root, "trend-none").hidden = points.length > 0;
    if (points.length === 0) {
      box.hidden = true;
      return;
    }
    let result;
    try {
      result = await callPython("readiness.trend", {
        milestones: points.map((m) => ({ name: m.name.slice(0, NAME_MAX), document: m.document })),
      });
    } catch (error) {
      if (run !== this.run) return;
      box.hidden = true;
      const none = part(root, "trend-none");
      none.hidden = false;
      setText(none, error && error.kind === "boot" ? failedText("The trend") : `The trend could not be drawn: ${error.message}.`);
      return;
    }
    if (run !== this.run || !root.isConnected) return;
    drawChart(part(root, "trend-chart"), result.chart);
    const [first, ...rest] = result.table.columns;
    const table = h(
      "table",
      { class: "p2p-milestones__table", data: { role: "trend-rows" } },
      h("caption", { text: "Dimension scores at each milestone" }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: first }), ...rest.map((text) => h("th", { scope: "col", text })))),
      h(
        "tbody",
        {},
        ...result.table.rows.map(([title, ...cells]) => h("tr", {}, h("th", { scope: "row", text: title }), ...cells.map((text) => h("td", { text })))),
      ),
    );
    part(root, "trend-table").replaceChildren(table);
    box.hidden = false;
    box.dataset.points = String(points.length);
  }
}
