// Entry point of the production-effort estimator. Loaded on every page but tiny: calc-entry.js
// imports the calculator code only when a page holds the estimator, and mounts it again after
// each instant navigation.

import { startCalculators } from "./calc-entry.js";

function percent(score) {
  // A readiness score in 0..1, as the percentage the form expects ("62.5").
  return typeof score === "number" && Number.isFinite(score) && score >= 0 && score <= 1
    ? String(Math.round(score * 1000) / 10)
    : null;
}

/**
 * Carry a readiness result into the readiness fields: `readiness` may be a 0..1 score, or
 * `{score, dimensions}` where dimensions maps an id to a score or to `{score}`, or is a list of
 * `{id, score}` (the assessment's own view). Fields the inputs set explicitly win.
 */
export function carryReadiness(inputs, root) {
  const carried = inputs.readiness;
  delete inputs.readiness;
  if (carried === undefined || carried === null) {
    return inputs;
  }
  let overall = null;
  let dimensions = {};
  if (typeof carried === "number") {
    overall = carried;
  } else if (typeof carried === "object") {
    overall = carried.score;
    if (Array.isArray(carried.dimensions)) {
      for (const entry of carried.dimensions) {
        if (entry && typeof entry.id === "string") dimensions[entry.id] = entry.score;
      }
    } else if (carried.dimensions && typeof carried.dimensions === "object") {
      dimensions = carried.dimensions;
    }
  }
  for (const control of root.querySelectorAll('[data-field] [name^="readiness-"]')) {
    const id = control.name.slice("readiness-".length);
    if (typeof inputs[control.name] === "string" && inputs[control.name].trim() !== "") {
      continue;
    }
    let score = dimensions[id];
    if (score && typeof score === "object") score = score.score;
    const value = percent(score) ?? percent(overall);
    if (value !== null) {
      inputs[control.name] = value;
    }
  }
  return inputs;
}

// The readiness assessment announces each new result ("pilot2prod:readiness-scored", with its
// view as detail); the "Estimate the remaining work" link on that page then carries the scores
// to the estimator in its fragment. Registered once, for the whole tab; the links are looked
// up on every result, so instant navigation leaves nothing stale behind.
let codec = null;
let generation = 0;

document.addEventListener("pilot2prod:readiness-scored", async (event) => {
  const links = [...document.querySelectorAll("a[data-p2p-estimate-link]")];
  if (links.length === 0) {
    return;
  }
  const current = ++generation;
  const view = event.detail || {};
  const dimensions = (Array.isArray(view.dimensions) ? view.dimensions : [])
    .filter((d) => d && typeof d.id === "string" && typeof d.score === "number")
    .map((d) => ({ id: d.id, score: d.score }));
  const score = typeof view.score === "number" ? view.score : null;
  let fragment = "";
  if (dimensions.length > 0 || score !== null) {
    if (!codec) {
      codec = import("./fragment-codec.js");
    }
    try {
      const { encodeFragment, PARAM } = await codec;
      const doc = { format: "pilot2prod/estimate", version: 1, inputs: { readiness: { score, dimensions } } };
      fragment = `#${PARAM}=${await encodeFragment(doc)}`;
    } catch {
      fragment = ""; // without compression streams the link still opens the estimator
    }
  }
  if (current !== generation) {
    return; // a newer result arrived meanwhile
  }
  for (const link of links) {
    link.href = link.href.split("#")[0] + fragment;
  }
});

startCalculators('.p2p-calc[data-p2p-calc="effort"]', "estimator", { transform: carryReadiness });
