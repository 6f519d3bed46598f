// Drawing a chart that pilot2prod's Python described (pilot2prod/charts.py: width, height, label
// and a list of shapes, each a tag, attributes and optional text). Only the tags and attributes
// of the allow-list below are ever created, with createElementNS and textContent, so chart data
// cannot become markup or script.

const SVG_NS = "http://www.w3.org/2000/svg";
// Mirrors TAGS and ATTRIBUTES in pilot2prod/charts.py: nothing else is ever created.
const TAGS = new Set(["g", "rect", "line", "circle", "text", "polygon"]);
const ATTRIBUTES = new Set([
  "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "width", "height", "points", "class",
  "text-anchor", "dominant-baseline",
]);

/** Replace what `svg` shows with the chart `spec`; a missing svg or spec leaves things alone. */
export function drawChart(svg, spec) {
  if (!svg || !spec || !Array.isArray(spec.shapes)) {
    return;
  }
  const nodes = [];
  for (const shape of spec.shapes) {
    if (!shape || !TAGS.has(shape.tag)) {
      continue;
    }
    const node = document.createElementNS(SVG_NS, shape.tag);
    for (const [name, value] of Object.entries(shape.attrs || {})) {
      if (ATTRIBUTES.has(name)) {
        node.setAttribute(name, String(value));
      }
    }
    if (typeof shape.text === "string") {
      node.textContent = shape.text;
    }
    nodes.push(node);
  }
  svg.setAttribute("viewBox", `0 0 ${Number(spec.width) || 0} ${Number(spec.height) || 0}`);
  svg.setAttribute("aria-label", String(spec.label || ""));
  svg.replaceChildren(...nodes);
}
