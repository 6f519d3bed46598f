// The answers document as this page keeps it in the browser's storage, and the checklist's shape.
//
// {"format": "pilot2prod/answers", "version": 2, "checklist": id, "checklist_version": v,
//  "answers": {item: value}, "notes": {item: text}, "owners": {item: text},
//  "plan": {item: {"action"?, "owner"?, "due"?, "status"?}},
//  "orphans": {item: {"answer"?, "note"?, "owner"?, "plan"?: JSON text}},
//  "project"?, "assessor"?, "assessed"?}
//
// Python owns this format (pilot2prod/readiness/answers.py): a file or a share link from
// elsewhere is read there, through the worker (components/checklist-transfer.js calls
// answers.read), so the page refuses exactly what the command line refuses. What must work
// before Python is up is reading back what this page stored itself: `readStored` follows
// answers.read_document rule for rule, with every limit from rules.js (written by the build from
// Python), and refuses a stored text that Python would refuse or only partly read, so it is set
// aside rather than shown differently. The conformance corpus (tests/corpus/answers/) runs
// through both and requires the same outcome.

import { RULES } from "../lib/rules.js";
import { characters, isBlank, squeeze } from "../lib/text.js";
import { copyDict, dict, hasKey } from "../lib/dict.js";

const A = RULES.answers;
export const FORMAT = A.format;
export const FORMAT_VERSION = A.version;
export const IDENTITY_KEYS = A.identity_keys;
export const COPIES_FORMAT = "pilot2prod/copies";
/** The most named copies a checklist lists; more are kept in storage, unread. */
const COPIES_SHOWN = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function labels(form) {
  // Answer labels come from Python (pilot2prod/model/checklists.py ANSWER_LABELS) through the
  // form's data-labels; kept in a Map so no stored value can reach a built-in object key.
  let raw = null;
  try {
    raw = JSON.parse(form.dataset.labels || "");
  } catch {
    // reported below
  }
  if (!isPlainObject(raw)) throw new Error("the checklist form has no readable data-labels");
  return new Map(Object.entries(raw).filter(([, text]) => typeof text === "string"));
}

function planLabels(form) {
  // Present on the scored assessment only: the statuses' words, from Python.
  if (!form.dataset.plan) return null;
  let raw = null;
  try {
    raw = JSON.parse(form.dataset.plan);
  } catch {
    // reported below
  }
  if (!isPlainObject(raw) || !isPlainObject(raw.status_labels)) throw new Error("the checklist form has no readable data-plan");
  const words = raw.status_labels;
  return { statuses: A.plan_statuses, labels: new Map(A.plan_statuses.map((s) => [s, typeof words[s] === "string" ? words[s] : s])) };
}

/** The checklist's structure, read from its server-rendered markup; limits come from rules.js. */
export function readSpec(form) {
  const scale = form.dataset.scale === "readiness" ? "readiness" : "done";
  const sections = [];
  const items = new Map();
  for (const sectionEl of form.querySelectorAll(".p2p-section[data-section]")) {
    const section = { id: sectionEl.dataset.section, title: sectionEl.dataset.title || "", element: sectionEl, items: [] };
    for (const itemEl of sectionEl.querySelectorAll(".p2p-item[data-item]")) {
      const label = itemEl.querySelector(".p2p-item__label");
      const item = {
        id: itemEl.dataset.item,
        text: label ? label.textContent.trim() : "",
        weight: Number(itemEl.dataset.weight) || 1,
        critical: itemEl.dataset.critical === "true",
        section: section.id,
        element: itemEl,
      };
      section.items.push(item);
      items.set(item.id, item);
    }
    sections.push(section);
  }
  return {
    id: form.dataset.checklist,
    version: form.dataset.version || "",
    scale,
    title: form.dataset.title || form.dataset.checklist,
    values: A.scale_values[scale],
    labels: labels(form),
    noteMax: A.note_max,
    ownerMax: A.owner_max,
    nameMax: RULES.copies.name_max,
    // 0: this checklist has no identity fields (only the scored assessment has them).
    identityMax: scale === "readiness" ? A.identity_max : 0,
    // null: this checklist keeps no improvement plan.
    plan: scale === "readiness" ? planLabels(form) : null,
    sections,
    items,
  };
}

/** A document with no answers for `spec`. */
export function emptyDoc(spec) {
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    checklist: spec.id,
    checklist_version: spec.version,
    answers: dict(),
    notes: dict(),
    owners: dict(),
    plan: dict(),
    orphans: dict(),
  };
}

/** The identity keys a document holds, non-blank text only. */
export function identityOf(doc) {
  const out = {};
  for (const key of IDENTITY_KEYS) {
    if (typeof doc[key] === "string" && !isBlank(doc[key])) out[key] = doc[key];
  }
  return out;
}

/** A deep copy holding exactly the contract's keys. */
export function cloneDoc(doc) {
  const orphans = dict();
  for (const [id, entry] of Object.entries(doc.orphans || {})) orphans[id] = copyDict(entry);
  const plan = dict();
  for (const [id, entry] of Object.entries(doc.plan || {})) plan[id] = copyDict(entry);
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    checklist: doc.checklist,
    checklist_version: doc.checklist_version,
    answers: copyDict(doc.answers),
    notes: copyDict(doc.notes),
    owners: copyDict(doc.owners),
    plan,
    orphans,
    ...identityOf(doc),
  };
}

/** True when the document holds nothing a reader typed or chose. */
export function isEmptyDoc(doc) {
  // The date alone is not something typed: it defaults to the day of the first answer.
  const named = Boolean(identityOf(doc).project || identityOf(doc).assessor);
  return !named && ["answers", "notes", "owners", "plan", "orphans"].every((key) => Object.keys(doc[key] || {}).length === 0);
}

/** How many items have an answer. */
export function answeredCount(doc) {
  return Object.keys(doc.answers).length;
}

/** A document refused, with `where` (the field, as Python names it) and the reason. */
export class DocError extends Error {
  constructor(where, problem) {
    super(where ? `${where}: ${problem}` : problem);
    this.where = where;
  }
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function kindOf(value) {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "boolean") return "true/false";
  if (typeof value === "number") return "a number";
  if (typeof value === "string") return "text";
  if (Array.isArray(value)) return "a list";
  return "an object";
}

function shown(value, max = 40) {
  const text = JSON.stringify(value) ?? String(value);
  return characters(text) > max ? `${[...text].slice(0, max - 1).join("")}…` : text;
}

/** A value in a reader's sentence, as answers.py's _quoted writes it. */
function quoted(value, max) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const chars = [...text];
  return `“${chars.slice(0, max).join("")}${chars.length > max ? "…" : ""}”`;
}

function isDate(text) {
  if (!DATE.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/** One reading of a document, as answers.py's _Reading: what was read and every fault met. */
class Reading {
  constructor(spec) {
    this.spec = spec;
    this.problems = [];
    this.keptAside = dict();
    this.newlyKept = [];
    this.plansKeptAside = [];
  }

  fault(where, message) {
    this.problems.push({ where, message });
  }

  keepAside(key, name, value) {
    if (!hasKey(this.keptAside, key)) {
      this.keptAside[key] = dict();
      this.newlyKept.push(key);
    }
    this.keptAside[key][name] = value;
  }

  mapping(raw, where) {
    if (raw === undefined || raw === null) return dict();
    if (!isPlainObject(raw)) {
      this.fault(where, `must be an object, not ${kindOf(raw)}`);
      return null;
    }
    if (Object.keys(raw).length > A.entries_max) throw new DocError(where, `lists more than ${A.entries_max} entries; it is not ours`);
    return raw;
  }

  keyOk(key, where) {
    const length = characters(key);
    if (length > 0 && length <= A.id_max) return true;
    this.fault(where, `${shown(key)} is not a question id`);
    return false;
  }

  text(value, where, max) {
    if (typeof value !== "string") {
      this.fault(where, `must be text, not ${kindOf(value)}`);
      return null;
    }
    if (characters(value) > max) {
      this.fault(where, `is longer than ${max} characters`);
      return null;
    }
    return value;
  }

  answers(raw) {
    if (!isPlainObject(raw)) throw new DocError("answers", `must be an object mapping question ids to answers, not ${kindOf(raw)}`);
    if (Object.keys(raw).length > A.entries_max) throw new DocError("answers", `lists more than ${A.entries_max} entries; it is not ours`);
    const values = dict();
    for (const [key, value] of Object.entries(raw)) {
      const here = `answers.${[...key].slice(0, 60).join("")}`;
      if (!this.keyOk(key, here)) continue;
      if (value === null || value === "") continue; // not answered yet: never a fault
      if (typeof value !== "string") {
        this.fault(here, `must be one of ${this.spec.values.join(", ")}, not ${kindOf(value)}`);
        continue;
      }
      if (!this.spec.items.has(key)) {
        if (characters(value) > A.answer_max) this.fault(here, `is longer than ${A.answer_max} characters`);
        else this.keepAside(key, "answer", value);
        continue;
      }
      if (!this.spec.values.includes(value)) {
        this.fault(here, `${shown(value)} is not an answer (use ${this.spec.values.join(", ")})`);
        continue;
      }
      values[key] = value;
    }
    return values;
  }

  texts(raw, name, max) {
    const part = this.mapping(raw, name);
    const kept = dict();
    for (const [key, value] of Object.entries(part || {})) {
      const here = `${name}.${[...key].slice(0, 60).join("")}`;
      if (!this.keyOk(key, here)) continue;
      const text = this.text(value, here, max);
      if (text === null || isBlank(text)) continue;
      if (this.spec.items.has(key)) kept[key] = text;
      else this.keepAside(key, name.slice(0, -1), text);
    }
    return kept;
  }

  identity(raw) {
    const found = {};
    for (const key of IDENTITY_KEYS) {
      const value = raw[key];
      if (value === undefined || value === null || value === "") continue;
      let text = this.text(value, key, A.identity_max);
      if (text === null) continue;
      text = squeeze(text);
      if (key === "assessed" && text && !isDate(text)) {
        this.fault(key, `${shown(text)} is not a date (YYYY-MM-DD)`);
        continue;
      }
      if (text && this.spec.scale === "readiness") found[key] = text;
    }
    return found;
  }

  plan(raw) {
    const part = this.mapping(raw, "plan");
    const plan = dict();
    for (const [key, entry] of Object.entries(part || {})) {
      const here = `plan.${[...key].slice(0, 60).join("")}`;
      if (!this.keyOk(key, here)) continue;
      const why = this.planFault(entry);
      if (!why && this.spec.items.has(key)) {
        const read = planEntry(entry);
        if (Object.keys(read).length) plan[key] = read;
        continue;
      }
      const text = JSON.stringify(entry);
      if (characters(text) > A.kept_limits.plan) {
        this.fault(here, "is too large to read or to keep aside");
      } else if (this.spec.items.has(key)) {
        if (!hasKey(this.keptAside, key)) this.keptAside[key] = dict();
        this.keptAside[key].plan = text;
        this.plansKeptAside.push({ id: key, why });
      } else {
        this.keepAside(key, "plan", text);
      }
    }
    return plan;
  }

  planFault(entry) {
    if (this.spec.scale !== "readiness") return "this checklist keeps no plan";
    if (!isPlainObject(entry)) return "it is not a set of plan fields";
    for (const name of Object.keys(entry)) {
      if (!A.plan_fields.includes(name)) return `it has a field ${quoted(name, 30)} a plan does not have`;
    }
    for (const [name, words, max] of [["action", "its action", A.action_max], ["owner", "its owner", A.owner_max]]) {
      const value = entry[name];
      if (value === undefined || value === null) continue;
      if (typeof value !== "string") return `${words} is not text`;
      if (characters(value) > max) return `${words} is longer than ${max} characters`;
    }
    const { due, status } = entry;
    if (due !== undefined && due !== null && due !== "" && (typeof due !== "string" || !isDate(due))) {
      return `its due date ${quoted(due, 20)} is not a date (YYYY-MM-DD)`;
    }
    if (status !== undefined && status !== null && !A.plan_statuses.includes(status)) {
      const words = A.plan_statuses.map((s) => A.status_labels[s]).join(", ");
      return `its status ${quoted(status, 20)} is not one of: ${words}`;
    }
    return "";
  }

  orphans(raw) {
    const part = this.mapping(raw, "orphans");
    const found = dict();
    for (const [key, entry] of Object.entries(part || {})) {
      const here = `orphans.${[...key].slice(0, 60).join("")}`;
      if (!this.keyOk(key, here)) continue;
      if (!isPlainObject(entry)) {
        this.fault(here, `must be an object, not ${kindOf(entry)}`);
        continue;
      }
      const fields = dict();
      for (const [name, value] of Object.entries(entry)) {
        if (!hasKey(A.kept_limits, name)) {
          this.fault(`${here}.${[...name].slice(0, 40).join("")}`, "unknown key");
          continue;
        }
        const text = this.text(value, `${here}.${name}`, A.kept_limits[name]);
        if (text !== null && !isBlank(text)) fields[name] = text;
      }
      if (Object.keys(fields).length) found[key] = fields;
    }
    return found;
  }
}

/** A usable plan entry (planFault found nothing wrong), blank text left out, as Python writes it:
 * no status while it is the first, "open". */
function planEntry(value) {
  const entry = dict();
  for (const name of ["action", "owner", "due"]) {
    const text = value[name];
    if (typeof text === "string" && !isBlank(text)) entry[name] = text;
  }
  if (typeof value.status === "string" && value.status !== A.plan_statuses[0]) entry.status = value.status;
  return entry;
}

/**
 * Read a stored document for the checklist `spec`, as Python reads it (answers.read_document);
 * refuse it (DocError naming the field) where Python would refuse it or find a fault in it.
 * Returns {doc, fromVersion, newOrphans, planAside}: the document in the current format, the
 * checklist version it names, how many entries this reading newly kept aside, and the plans of
 * questions still asked that it kept aside (`{id, why}`).
 */
export function readStored(raw, spec) {
  if (!isPlainObject(raw)) throw new DocError("", `an answers file must hold a JSON object, not ${kindOf(raw)}`);
  if (!hasKey(raw, "format")) throw new DocError("format", "missing");
  if (raw.format !== FORMAT) throw new DocError("format", `${shown(raw.format)} is not a pilot2prod answers file`);
  const version = raw.version;
  if (typeof version !== "number" || !Number.isInteger(version)) throw new DocError("version", `must be a whole number, not ${kindOf(version)}`);
  if (version > Math.max(...A.readable_versions)) throw new DocError("version", `this file uses answers format ${version}, written by a newer version of this site`);
  if (version < 1) throw new DocError("version", `${version} is not an answers format version`);
  if (raw.checklist !== spec.id) throw new DocError("checklist", `these answers are for ${shown(raw.checklist)}, not for “${spec.title}”`);
  if (!hasKey(raw, "answers")) throw new DocError("answers", "missing; the file holds no answers");
  const reading = new Reading(spec);
  for (const key of Object.keys(raw)) {
    if (!A.known_keys.includes(key)) reading.fault([...key].slice(0, 60).join(""), "unknown key");
  }
  const stated = raw.checklist_version;
  if (stated !== undefined && stated !== null) reading.text(stated, "checklist_version", A.version_max);
  const values = reading.answers(raw.answers);
  const notes = reading.texts(raw.notes, "notes", A.note_max);
  const owners = reading.texts(raw.owners, "owners", A.owner_max);
  const identity = reading.identity(raw);
  const plan = reading.plan(raw.plan);
  const earlier = reading.orphans(raw.orphans);
  for (const [key, entry] of Object.entries(earlier)) {
    // A question asked again gets back what was kept for it; a plan kept aside stays aside.
    const answer = hasKey(entry, "answer") ? entry.answer : "";
    if (spec.items.has(key) && !hasKey(values, key) && (answer === "" || spec.values.includes(answer))) {
      if (answer) values[key] = answer;
      if (entry.note && !hasKey(notes, key)) notes[key] = entry.note;
      if (entry.owner && !hasKey(owners, key)) owners[key] = entry.owner;
      if (hasKey(entry, "plan")) {
        if (!hasKey(reading.keptAside, key)) reading.keptAside[key] = dict();
        reading.keptAside[key].plan = entry.plan;
      }
      continue;
    }
    const merged = dict([...Object.entries(entry), ...Object.entries(hasKey(reading.keptAside, key) ? reading.keptAside[key] : {})]);
    reading.newlyKept = reading.newlyKept.filter((id) => id !== key); // kept aside before: not news
    reading.keptAside[key] = merged;
  }
  if (reading.problems.length) {
    const [first] = reading.problems;
    const more = reading.problems.length > 1 ? ` (and ${reading.problems.length - 1} more)` : "";
    throw new DocError(first.where, `${first.message}${more}`);
  }
  const answers = dict();
  for (const id of spec.items.keys()) if (hasKey(values, id)) answers[id] = values[id];
  const doc = { ...emptyDoc(spec), ...identity, answers, notes, owners, plan, orphans: reading.keptAside };
  return {
    doc,
    fromVersion: typeof stated === "string" ? stated : "",
    newOrphans: reading.newlyKept.length,
    planAside: reading.plansKeptAside,
  };
}

/** Parse stored JSON text into a checked document (same errors as readStored). */
export function parseDocText(text, spec) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DocError("", "It is not valid JSON.");
  }
  return readStored(raw, spec);
}

/**
 * Named copies, read leniently: {copies: [{name, saved, doc}], unreadable: [raw entries], broken}.
 * An entry this page cannot read (say, from a newer version) is kept as it was, not dropped;
 * `broken` is true when the whole text is unreadable (then the caller sets it aside).
 */
export function readCopies(text, spec) {
  const result = { copies: [], unreadable: [], broken: false };
  if (!text) return result;
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...result, broken: true };
  }
  if (!isPlainObject(raw) || raw.format !== COPIES_FORMAT || raw.version !== 1 || !Array.isArray(raw.copies)) {
    return { ...result, broken: true };
  }
  raw.copies.forEach((entry, index) => {
    if (index >= COPIES_SHOWN) {
      result.unreadable.push(entry); // beyond what the list shows: kept, never dropped
      return;
    }
    try {
      if (!isPlainObject(entry) || typeof entry.name !== "string") throw new DocError("", "no name");
      const { doc } = readStored(entry.doc, spec);
      const saved = typeof entry.saved === "string" ? entry.saved.slice(0, 40) : "";
      result.copies.push({ name: [...entry.name].slice(0, spec.nameMax).join(""), saved, doc });
    } catch {
      result.unreadable.push(entry);
    }
  });
  return result;
}

/** Serialise named copies (and any entries kept unread) for storage. */
export function writeCopies({ copies, unreadable = [] }, spec) {
  return JSON.stringify({
    format: COPIES_FORMAT,
    version: 1,
    checklist: spec.id,
    copies: [...copies.map((c) => ({ name: c.name, saved: c.saved, doc: cloneDoc(c.doc) })), ...unreadable],
  });
}

/** A name not yet used by a copy: "Name", then "Name (2)", "Name (3)"… */
export function uniqueName(name, copies) {
  const taken = new Set(copies.map((c) => c.name));
  if (!taken.has(name)) return name;
  for (let n = 2; ; n += 1) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}
