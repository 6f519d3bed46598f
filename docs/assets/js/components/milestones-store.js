// The milestones kept in this browser: reading them, writing them, and every change as one
// read-modify-write under a cross-tab lock (lib/locks.js), so two tabs saving at the same moment
// both keep their milestone. Stored under "pilot2prod:milestones:<checklist>" in the very format
// of the export file (pilot2prod/readiness/milestones.py), so an export is the stored text plus
// the time it was made; the limits (how many, how long a name) are Python's, from rules.js, and
// a change past them is refused before anything is written.

import { withLock } from "../lib/locks.js";
import { RULES } from "../lib/rules.js";
import { guard, openStore, setAsideMessage } from "../lib/storage.js";

const M = RULES.milestones;

/** The milestones file (or stored value) holding `milestones`. */
export function fileOf(checklist, milestones, extra = {}) {
  return { format: M.format, version: M.version, checklist, ...extra, milestones };
}

/** The stored text's milestones, or null when it is not a milestones list this page wrote. */
function parseKept(text, checklist) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const entryOk = (m) =>
    m && typeof m === "object" && ["id", "name", "saved"].every((key) => typeof m[key] === "string") &&
    m.document && typeof m.document === "object" && !Array.isArray(m.document);
  if (!raw || raw.format !== M.format || raw.version !== M.version || raw.checklist !== checklist) return null;
  if (!Array.isArray(raw.milestones) || !raw.milestones.every(entryOk)) return null;
  return raw.milestones;
}

/** Why milestones are not stored, ending in `outcome` ("the milestones could not be stored"). */
export function storageProblem(problem, outcome = "the milestones could not be stored") {
  if (problem === "full") return `This browser's storage for the site is full, so ${outcome}.`;
  if (problem === "blocked") return `This browser does not let the site store data, so ${outcome}.`;
  return `This browser would not store them, so ${outcome}.`;
}

export const ONLY_HERE =
  "Your milestones are kept on this page only until you reload or close it; use Export milestones to keep them in a file.";

// One store for the tab: when a write is refused, the milestones it held stay in its memory,
// and a page shown again after instant navigation must see them rather than the older copy.
let sharedStore = null;
export const store = () => (sharedStore ??= openStore());

/**
 * The list as stored, for one checklist. `list` is in the order saved (a new milestone goes at
 * the end), which settles the order of milestones saved at the same instant. `say(message,
 * kind)` tells the reader about storage problems.
 */
export class MilestoneStore {
  constructor(checklist, say) {
    this.checklist = checklist;
    this.key = `pilot2prod:milestones:${checklist}`;
    this.say = say;
    this.list = [];
    this.readable = true;
    this.revision = 0; // counts the changes stored (and reloads), not verdicts filled in
  }

  /** Read the list as stored now; an unreadable value is set aside, never read over. */
  load() {
    this.revision += 1;
    const text = store().get(this.key);
    this.readable = true;
    if (text === null) {
      this.list = [];
      return;
    }
    const found = parseKept(text, this.checklist);
    if (found) {
      this.list = found;
      return;
    }
    // Never read over, never deleted: moved aside (or, failing that, left alone and held).
    const kept = guard(store(), this.key, text);
    this.list = [];
    this.readable = Boolean(kept);
    this.say(setAsideMessage("The milestones saved in this browser", kept), "error");
  }

  /** The stored text, to tell whether anything changed since it was read. */
  text() {
    return store().get(this.key);
  }

  /** Store `list`; says so when the browser would not keep it. Returns whether it was stored. */
  write(list) {
    this.revision += 1;
    this.list = list;
    const ok = store().set(this.key, JSON.stringify(fileOf(this.checklist, list)));
    if (!ok) {
      // Later reads in this tab must find these, not the older copy the browser kept.
      store().hold(this.key);
      this.say(`${storageProblem(store().problem)} ${ONLY_HERE}`, "error");
    }
    return ok;
  }

  /**
   * Apply `edit` to the list as stored now and store what it returns, holding the cross-tab lock
   * from the read to the write. `edit(list)` returns the new list, null to leave the list as it
   * is, or a string: why the change is refused (then nothing is written and the string is said).
   * Resolves to whether a new list was stored.
   */
  update(edit) {
    return withLock(this.key, () => {
      this.load();
      if (!this.readable) return false; // load() has said why, and set the value aside
      const next = edit(this.list);
      if (typeof next === "string") {
        this.say(next, "error");
        return false;
      }
      if (next === null) return false;
      if (next.length > M.max) {
        this.say(`Nothing was saved: this browser keeps at most ${M.max} milestones. Export them, then delete the oldest ones you no longer need.`, "error");
        return false;
      }
      return this.write(next);
    });
  }
}

/** The milestones newest first (the list's and the pickers' order); of two saved at the same
 * instant, the one saved later comes first. */
export function newestFirst(milestones) {
  return oldestFirst(milestones).reverse();
}

/** The milestones oldest first (the trend's order); ties kept in the order they were saved. */
export function oldestFirst(milestones) {
  return milestones
    .map((milestone, index) => ({ milestone, index }))
    .sort((a, b) => (a.milestone.saved < b.milestone.saved ? -1 : a.milestone.saved > b.milestone.saved ? 1 : a.index - b.index))
    .map(({ milestone }) => milestone);
}
