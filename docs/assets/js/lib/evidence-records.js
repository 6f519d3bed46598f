// The evidence records a reader keeps in this browser for their assessment: what the evidence
// page and the assessment page's "Add evidence records" put here, and what the live verdict
// weighs each answer against (readiness.view with `records`). Python reads every record (strictly
// when it is added, through evidence.back; and each time it weighs them, leaving out one it
// cannot read with a note), so this module only keeps the list: under the cross-tab lock, never
// overwriting a stored value it cannot read (set aside, as answers are).

import { withLock } from "./locks.js";
import { RULES } from "./rules.js";
import { guard, openStore, setAsideMessage } from "./storage.js";

const FORMAT = "pilot2prod/evidence-records";
const VERSION = 1;
export const MAX_RECORDS = RULES.evidence.max_records;
export const EVIDENCE_CHANGED = "pilot2prod:evidence-changed";

const store = openStore();
export const recordsKey = (checklist) => `pilot2prod:evidence:${checklist}`;

/** The records kept for `checklist`: {records: [{name, saved, record}], notice}. A stored value
 * this page cannot read is set aside under a key of its own, and `notice` says so. */
export function keptRecords(checklist) {
  const key = recordsKey(checklist);
  const text = store.get(key);
  if (text === null) return { records: [], notice: "" };
  try {
    const raw = JSON.parse(text);
    const ok =
      raw && raw.format === FORMAT && raw.version === VERSION && Array.isArray(raw.records) &&
      raw.records.every((r) => r && typeof r.name === "string" && typeof r.saved === "string" && r.record && typeof r.record === "object");
    if (ok) return { records: raw.records, notice: "" };
  } catch {
    // set aside below
  }
  const kept = guard(store, key, text);
  return { records: [], notice: setAsideMessage("The evidence records kept in this browser", kept) };
}

function write(checklist, records) {
  const ok = store.set(recordsKey(checklist), JSON.stringify({ format: FORMAT, version: VERSION, records }));
  document.dispatchEvent(new CustomEvent(EVIDENCE_CHANGED, { detail: { checklist } }));
  return ok;
}

/** Keep `record` (already read by Python) under `name`, replacing one of the same name; resolves
 * to whether it was stored, or the reason it was not. */
export function keepRecord(checklist, name, record) {
  return withLock(recordsKey(checklist), () => {
    const { records } = keptRecords(checklist);
    const others = records.filter((r) => r.name !== name);
    if (others.length >= MAX_RECORDS) return `at most ${MAX_RECORDS} evidence records are kept; remove one first`;
    return write(checklist, [...others, { name, saved: new Date().toISOString(), record }]) || "this browser would not store it";
  });
}

/** Stop using the record named `name`. */
export function dropRecord(checklist, name) {
  return withLock(recordsKey(checklist), () => {
    const { records } = keptRecords(checklist);
    return write(checklist, records.filter((r) => r.name !== name));
  });
}

// Another tab added or removed a record: the verdict here weighs the new list.
window.addEventListener("storage", (event) => {
  if (event.key && event.key.startsWith("pilot2prod:evidence:")) {
    document.dispatchEvent(new CustomEvent(EVIDENCE_CHANGED, { detail: { checklist: event.key.slice("pilot2prod:evidence:".length) } }));
  }
});
