// The answers document: what is stored, exported, imported and shared.
//
// {"format": "pilot2prod/answers", "version": 2, "checklist": id, "checklist_version": v,
//  "answers": {item: value}, "notes": {item: text}, "owners": {item: text},
//  "plan": {item: {"action"?: text, "owner"?: text, "due"?: "YYYY-MM-DD", "status"?: id}},
//  "orphans": {item: {"answer"?: value, "note"?: text, "owner"?: text, "plan"?: JSON text}},
//  "project"?: text, "assessor"?: text, "assessed"?: "YYYY-MM-DD"}
//
// The three identity keys belong to a scored assessment (a form with data-identity-max) and are
// present only when filled in, so documents saved before they existed read as they always did.
// The improvement plan (version 2) belongs to it too (a form with data-plan, whose rules come
// from pilot2prod/readiness/answers.py); every checklist writes version 2, the others with an
// empty plan. Version 1 is read as version 2 with an empty plan (answers.upgrade_document).
// A plan entry this page cannot use (a status it does not know, a date that is not one, text
// too long, or a question no longer asked) is kept aside in `orphans`, as the JSON it was.
//
// Orphans are answers to items that are no longer in the checklist: kept aside and shown,
// never silently dropped. Everything read from outside goes through normalizeDoc, which
// refuses what it cannot trust with a message in plain words.

export const FORMAT = "pilot2prod/answers";
export const FORMAT_VERSION = 2;
/** Older versions this page still opens, migrated on read. */
const READABLE_VERSIONS = [1, 2];
const PLAN_FIELDS = ["action", "owner", "due", "status"];
/** Longest set-aside plan entry kept, as JSON text: larger ones refuse the whole document. */
const PLAN_ASIDE_MAX = 2000;
export const COPIES_FORMAT = "pilot2prod/copies";
import { copyDict, dict, hasKey } from "../lib/dict.js";

export const SCALE_VALUES = { readiness: ["no", "partial", "yes", "na"], done: ["done"] };

// Any id of sensible length is read: one the checklist does not know (even "__proto__" or
// "constructor") is kept aside as data, in dictionaries with no prototype (lib/dict.js).
const MAX_ID_LENGTH = 80;
const MAX_ENTRIES = 500;
export const IDENTITY_KEYS = ["project", "assessor", "assessed"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function limit(form, name, attribute) {
  const value = Number(form.dataset[name]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`the checklist form has no valid ${attribute}`);
  return value;
}

function planRules(form) {
  // Present on the scored assessment only: statuses, their labels and lengths from Python.
  if (!form.dataset.plan) return null;
  let raw = null;
  try {
    raw = JSON.parse(form.dataset.plan);
  } catch {
    // reported below
  }
  const ok =
    isPlainObject(raw) &&
    Array.isArray(raw.statuses) &&
    raw.statuses.every((s) => typeof s === "string") &&
    isPlainObject(raw.status_labels) &&
    Number.isInteger(raw.action_max) &&
    Number.isInteger(raw.owner_max);
  if (!ok) throw new Error("the checklist form has no readable data-plan");
  return {
    statuses: raw.statuses,
    labels: new Map(raw.statuses.map((s) => [s, typeof raw.status_labels[s] === "string" ? raw.status_labels[s] : s])),
    actionMax: raw.action_max,
    ownerMax: raw.owner_max,
  };
}

function labels(form) {
  // Answer labels come from Python (pilot2prod/checklists.py ANSWER_LABELS) through the form's
  // data-labels; kept in a Map so no stored value can reach a built-in object key.
  let raw = null;
  try {
    raw = JSON.parse(form.dataset.labels || "");
  } catch {
    // reported below
  }
  if (!isPlainObject(raw)) throw new Error("the checklist form has no readable data-labels");
  return new Map(Object.entries(raw).filter(([, text]) => typeof text === "string"));
}

/**
 * Reading the checklist's structure from its server-rendered markup, with the answer labels
 * and the length limits the macro put on the form (data-labels, data-note-max, data-owner-max,
 * data-name-max), so they are defined once, in Python.
 */
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
    values: SCALE_VALUES[scale],
    labels: labels(form),
    noteMax: limit(form, "noteMax", "data-note-max"),
    ownerMax: limit(form, "ownerMax", "data-owner-max"),
    nameMax: limit(form, "nameMax", "data-name-max"),
    // 0: this checklist has no identity fields (only the scored assessment has them).
    identityMax: form.dataset.identityMax ? limit(form, "identityMax", "data-identity-max") : 0,
    // null: this checklist keeps no improvement plan.
    plan: planRules(form),
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

/** The identity keys a document holds, non-empty text only. */
export function identityOf(doc) {
  const out = {};
  for (const key of IDENTITY_KEYS) {
    if (typeof doc[key] === "string" && doc[key].trim() !== "") out[key] = doc[key];
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

export class DocError extends Error {}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function quote(text, max = 60) {
  const clean = String(text).replace(/\s+/g, " ");
  return `“${clean.length > max ? `${clean.slice(0, max)}…` : clean}”`;
}

function readMap(raw, name, check) {
  if (raw === undefined || raw === null) return dict();
  if (!isPlainObject(raw)) throw new DocError(`Its “${name}” part is not a list of items.`);
  const keys = Object.keys(raw);
  if (keys.length > MAX_ENTRIES) throw new DocError(`Its “${name}” part lists more than ${MAX_ENTRIES} items.`);
  const out = dict();
  for (const key of keys) {
    if (key.length === 0 || key.length > MAX_ID_LENGTH) {
      throw new DocError(`Its “${name}” part names an item ${quote(key)}, which is not a valid item id.`);
    }
    const value = check(raw[key], key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function textCheck(name, max) {
  return (value, key) => {
    if (typeof value !== "string") throw new DocError(`The ${name} for item ${quote(key)} is not text.`);
    if (value.length > max) throw new DocError(`The ${name} for item ${quote(key)} is longer than ${max} characters.`);
    return value.trim() === "" ? undefined : value;
  };
}

function readIdentity(raw, spec) {
  const out = {};
  if (!spec.identityMax) return out;
  const names = { project: "project name", assessor: "assessor", assessed: "assessment date" };
  for (const key of IDENTITY_KEYS) {
    const value = raw[key];
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string") throw new DocError(`Its ${names[key]} is not text.`);
    if (value.length > spec.identityMax) throw new DocError(`Its ${names[key]} is longer than ${spec.identityMax} characters.`);
    const text = value.trim();
    if (key === "assessed" && text && !isDate(text)) throw new DocError(`Its assessment date ${quote(text, 20)} is not a date (YYYY-MM-DD).`);
    if (text) out[key] = text;
  }
  return out;
}

function isDate(text) {
  if (!DATE.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

/**
 * Check a document read from storage, a file or a link against the checklist `spec`.
 * Returns {doc, fromVersion, newOrphans}; throws DocError with a reader-facing message.
 */
export function normalizeDoc(raw, spec) {
  if (!isPlainObject(raw)) throw new DocError("It does not hold a set of answers.");
  if (raw.format !== FORMAT) {
    throw new DocError("It is not a pilot2prod answers file (its format tag is missing or different).");
  }
  if (!READABLE_VERSIONS.includes(raw.version)) {
    if (Number.isInteger(raw.version) && raw.version > FORMAT_VERSION) {
      throw new DocError(`It was written by a newer version of this site (format ${raw.version}); this page reads format ${FORMAT_VERSION}.`);
    }
    throw new DocError("Its format version is missing or not one this page knows.");
  }
  if (raw.checklist !== spec.id) {
    const other = typeof raw.checklist === "string" ? quote(raw.checklist) : "an unnamed checklist";
    throw new DocError(`It holds answers for ${other}, not for “${spec.title}”.`);
  }
  const fromVersion = typeof raw.checklist_version === "string" ? raw.checklist_version.slice(0, 64) : "";
  const answers = readMap(raw.answers, "answers", (value, key) => {
    if (typeof value !== "string" || value.length > 20) throw new DocError(`The answer for item ${quote(key)} is not a valid answer.`);
    return value;
  });
  const notes = readMap(raw.notes, "notes", textCheck("note", spec.noteMax));
  const owners = readMap(raw.owners, "owners", textCheck("owner", spec.ownerMax));
  const orphans = readMap(raw.orphans, "orphans", (value, key) => {
    if (!isPlainObject(value)) throw new DocError(`The set-aside answer for ${quote(key)} is not readable.`);
    const entry = dict();
    if (value.answer !== undefined) {
      if (typeof value.answer !== "string" || value.answer.length > 20) throw new DocError(`The set-aside answer for ${quote(key)} is not readable.`);
      entry.answer = value.answer;
    }
    const note = value.note === undefined ? undefined : textCheck("note", spec.noteMax)(value.note, key);
    const owner = value.owner === undefined ? undefined : textCheck("owner", spec.ownerMax)(value.owner, key);
    if (note !== undefined) entry.note = note;
    if (owner !== undefined) entry.owner = owner;
    if (value.plan !== undefined) {
      if (typeof value.plan !== "string" || value.plan.length > PLAN_ASIDE_MAX) throw new DocError(`The set-aside plan for ${quote(key)} is not readable.`);
      entry.plan = value.plan;
    }
    return Object.keys(entry).length ? entry : undefined;
  });
  // A version 1 document has no plan: it reads as version 2 with an empty one.
  const planAside = [];
  const plan = readMap(raw.version === 1 ? undefined : raw.plan, "plan", (value, key) => {
    const why = spec.plan ? planFault(value, spec.plan) : "this checklist keeps no plan";
    if (!why && spec.items.has(key)) return planEntry(value);
    const text = JSON.stringify(value);
    if (text.length > PLAN_ASIDE_MAX) throw new DocError(`The plan for item ${quote(key)} is too large to read or to keep aside.`);
    if (spec.items.has(key)) planAside.push({ id: key, why });
    return { aside: text };
  });

  const doc = { ...emptyDoc(spec), ...readIdentity(raw, spec) };
  let newOrphans = 0;
  const setAside = (key, field, value) => {
    if (!hasKey(doc.orphans, key)) {
      doc.orphans[key] = dict();
      newOrphans += 1;
    }
    doc.orphans[key][field] = value;
  };
  for (const [key, value] of Object.entries(answers)) {
    if (!spec.items.has(key)) {
      setAside(key, "answer", value);
      continue;
    }
    if (!spec.values.includes(value)) {
      const allowed = spec.values.map((v) => spec.labels.get(v) || v).join(", ");
      throw new DocError(`The answer for item ${quote(key)} is ${quote(value, 20)}, which is not one of: ${allowed}.`);
    }
    doc.answers[key] = value;
  }
  for (const [field, values] of [["note", notes], ["owner", owners]]) {
    for (const [key, value] of Object.entries(values)) {
      if (spec.items.has(key)) doc[`${field}s`][key] = value;
      else setAside(key, field, value);
    }
  }
  for (const [key, value] of Object.entries(plan)) {
    if (!hasKey(value, "aside")) {
      if (Object.keys(value).length) doc.plan[key] = value;
    } else if (spec.items.has(key)) {
      // The question is still asked: kept aside without counting as a removed question's answer.
      if (!hasKey(doc.orphans, key)) doc.orphans[key] = dict();
      doc.orphans[key].plan = value.aside;
    } else {
      setAside(key, "plan", value.aside);
    }
  }
  // An item that comes back (a maintainer restored it) gets its old answer back.
  for (const [key, entry] of Object.entries(orphans)) {
    const usable = spec.items.has(key) && !hasKey(doc.answers, key) && (entry.answer === undefined || spec.values.includes(entry.answer));
    if (usable) {
      if (entry.answer !== undefined) doc.answers[key] = entry.answer;
      if (entry.note !== undefined && !hasKey(doc.notes, key)) doc.notes[key] = entry.note;
      if (entry.owner !== undefined && !hasKey(doc.owners, key)) doc.owners[key] = entry.owner;
      // A plan kept aside stays aside: it was set aside because it could not be used.
      // (When this document also brought an unusable plan for it, the one kept earlier stays.)
      if (entry.plan !== undefined) doc.orphans[key] = dict([["plan", entry.plan]]);
    } else {
      doc.orphans[key] = dict([...Object.entries(hasKey(doc.orphans, key) ? doc.orphans[key] : {}), ...Object.entries(entry)]);
    }
  }
  return { doc, fromVersion, newOrphans, planAside };
}

/** Why a plan entry cannot be used under `rules` (a reader-facing phrase), or "" when it can. */
function planFault(value, rules) {
  if (!isPlainObject(value)) return "it is not a set of plan fields";
  for (const name of Object.keys(value)) {
    if (!PLAN_FIELDS.includes(name)) return `it has a field ${quote(name, 30)} a plan does not have`;
  }
  const texts = [
    ["action", "its action", rules.actionMax],
    ["owner", "its owner", rules.ownerMax],
  ];
  for (const [name, words, max] of texts) {
    const text = value[name];
    if (text === undefined || text === null) continue;
    if (typeof text !== "string") return `${words} is not text`;
    if (text.length > max) return `${words} is longer than ${max} characters`;
  }
  const { due, status } = value;
  if (due !== undefined && due !== null && due !== "") {
    if (typeof due !== "string" || !isDate(due)) return `its due date ${quote(String(due), 20)} is not a date (YYYY-MM-DD)`;
  }
  if (status !== undefined && status !== null && !rules.statuses.includes(status)) {
    const allowed = rules.statuses.map((s) => rules.labels.get(s)).join(", ");
    return `its status ${quote(String(status), 20)} is not one of: ${allowed}`;
  }
  return "";
}

/** A usable plan entry with its empty fields left out (planFault found nothing wrong). */
function planEntry(value) {
  const entry = dict();
  for (const name of PLAN_FIELDS) {
    const text = value[name];
    if (typeof text === "string" && text.trim() !== "") entry[name] = text;
  }
  return entry;
}

/** Parse JSON text into a checked document (same errors as normalizeDoc). */
export function parseDocText(text, spec) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DocError("It is not valid JSON.");
  }
  return normalizeDoc(raw, spec);
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
    if (index >= 100) {
      result.unreadable.push(entry); // beyond what the list shows: kept, never dropped
      return;
    }
    try {
      if (!isPlainObject(entry) || typeof entry.name !== "string") throw new DocError("no name");
      const { doc } = normalizeDoc(entry.doc, spec);
      const saved = typeof entry.saved === "string" ? entry.saved.slice(0, 40) : "";
      result.copies.push({ name: entry.name.slice(0, spec.nameMax), saved, doc });
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
