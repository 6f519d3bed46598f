// The progress line under a checklist's tools, counted from the answers shown as the reader
// clicks: how many are answered, by answer, and how many "Not applicable" still want a reason
// (a reason that is blank by Python's rule does not count, as Python does not count it).

import { isBlank } from "../lib/text.js";

/** Counts for the progress line: {answered, total, byValue, needReason}. */
export function tally(spec, doc) {
  const byValue = {};
  let needReason = 0;
  for (const item of spec.items.values()) {
    const value = doc.answers[item.id];
    if (!value) continue;
    byValue[value] = (byValue[value] || 0) + 1;
    if (value === "na" && isBlank(doc.notes[item.id] || "")) needReason += 1;
  }
  const answered = Object.values(byValue).reduce((a, b) => a + b, 0);
  return { answered, total: spec.items.size, byValue, needReason };
}

/** One sentence of progress, e.g. "14 of 21 answered (Yes 8, Partly 3, No 2, Not applicable 1)". */
export function progressSentence(spec, doc) {
  const { answered, total, byValue } = tally(spec, doc);
  if (spec.scale === "done") return `${answered} of ${total} done`;
  const parts = spec.values.filter((v) => byValue[v]).map((v) => `${spec.labels.get(v) || v} ${byValue[v]}`);
  return `${answered} of ${total} answered${parts.length ? ` (${parts.join(", ")})` : ""}`;
}
