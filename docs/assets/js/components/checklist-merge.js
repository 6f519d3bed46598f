// Two tabs, one checklist: a three-way merge per field, so no edit made in either tab is lost.
//
// `base` is what this tab last read from or wrote to storage, `mine` what it holds now (with a
// note still being typed), `theirs` what another tab has just saved. For every field (an
// answer, a note, an owner or a set-aside entry, each by item id; each field of an item's plan
// (action, owner, due date, status) on its own; any other top-level value as a whole) the rule
// is the same: if this tab changed it since `base`, this tab's value stays;
// otherwise the other tab's value is taken. Only answers documents (already checked by
// normalizeDoc) are merged, so the keys are ids and the dictionaries have no prototype.
//
// OtherTabs, owned by the checklist controller (checklist.js), applies the merge to a form: when
// another tab's save arrives (the "storage" event), and before each write of this tab's own.

import { cloneDoc, emptyDoc, parseDocText } from "./checklist-doc.js";
import { dict, hasKey } from "../lib/dict.js";
import { today } from "../lib/download.js";
import { answersKey } from "../lib/storage.js";

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const isDict = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Top-level parts whose entries merge field by field: one tab may set a plan's owner while
 * the other sets its due date, and both are kept. */
const PER_FIELD = new Set(["plan"]);

function pick(base, mine, theirs) {
  if (same(mine, base)) return { value: theirs, taken: !same(theirs, mine), kept: false };
  return { value: mine, taken: false, kept: !same(mine, theirs) };
}

/**
 * Merge `theirs` into `mine` against their common `base` (any of them may be null: no answers).
 * Returns {doc, taken, kept}: the merged document, how many fields came from the other tab,
 * and how many of this tab's own edits the other tab has not got yet (then save the merge).
 */
export function mergeDocs(base, mine, theirs) {
  const b = base || {};
  const m = mine || {};
  const t = theirs || {};
  const out = dict();
  let taken = 0;
  let kept = 0;
  for (const key of new Set([...Object.keys(m), ...Object.keys(t)])) {
    const bv = hasKey(b, key) ? b[key] : undefined;
    const mv = hasKey(m, key) ? m[key] : undefined;
    const tv = hasKey(t, key) ? t[key] : undefined;
    if (isDict(mv) || isDict(tv)) {
      const bd = isDict(bv) ? bv : {};
      const md = isDict(mv) ? mv : {};
      const td = isDict(tv) ? tv : {};
      const merged = dict();
      for (const id of new Set([...Object.keys(md), ...Object.keys(td)])) {
        const bi = hasKey(bd, id) ? bd[id] : undefined;
        const mi = hasKey(md, id) ? md[id] : undefined;
        const ti = hasKey(td, id) ? td[id] : undefined;
        if (PER_FIELD.has(key) && (isDict(mi) || isDict(ti))) {
          const fields = dict();
          const [bf, mf, tf] = [bi, mi, ti].map((v) => (isDict(v) ? v : {}));
          for (const name of new Set([...Object.keys(mf), ...Object.keys(tf)])) {
            const choice = pick(hasKey(bf, name) ? bf[name] : undefined, hasKey(mf, name) ? mf[name] : undefined, hasKey(tf, name) ? tf[name] : undefined);
            if (choice.taken) taken += 1;
            if (choice.kept) kept += 1;
            if (choice.value !== undefined) fields[name] = choice.value;
          }
          if (Object.keys(fields).length) merged[id] = fields;
          continue;
        }
        const choice = pick(bi, mi, ti);
        if (choice.taken) taken += 1;
        if (choice.kept) kept += 1;
        if (choice.value !== undefined) merged[id] = choice.value;
      }
      out[key] = merged;
    } else {
      const choice = pick(bv, mv, tv);
      if (choice.taken) taken += 1;
      if (choice.kept) kept += 1;
      if (choice.value !== undefined) out[key] = choice.value;
    }
  }
  return { doc: cloneDoc(out), taken, kept };
}

export class OtherTabs {
  constructor(controller) {
    this.controller = controller;
    /** How many of this tab's edits the other tab had not got at the last merge. */
    this.unsent = 0;
  }

  /** Show what another tab changed (`taken` fields merged in), and say so in the live region. */
  showOtherTab(taken) {
    const controller = this.controller;
    const fields = `${taken} ${taken === 1 ? "field" : "fields"}`;
    if (controller.preview) {
      controller.transfer.refreshBanner();
      controller.notify(`Another tab changed your saved answers to this checklist (${fields}); the banner's answers are still shown.`);
      return;
    }
    controller.page.applyView();
    controller.announce("sync");
    controller.notify(`Another tab changed ${fields} of this checklist; the changes are shown here, and your own edits in this tab were kept.`);
  }

  /**
   * Merge what another tab saved (`text`) into this tab's answers, field by field; this tab's
   * own edits since it last looked, a note being typed included, win. Returns how many fields
   * came from the other tab, or -1 when its text was unreadable (then it is set aside);
   * `this.unsent` is then how many of this tab's edits the other tab has not got yet.
   */
  takeOtherTab(text) {
    const controller = this.controller;
    const { spec } = controller;
    let theirs = emptyDoc(spec);
    if (text) {
      try {
        theirs = parseDocText(text, spec).doc;
      } catch (error) {
        controller.saving.setAsideAnswers(text, error);
        return -1;
      }
    }
    const editing = !controller.preview;
    // An undated assessment shows today's date, so a tab that saved it dated today changed
    // nothing the reader sees: compare all three as the page shows them.
    const shown = (d) => (d && spec.identityMax && !d.assessed ? { ...d, assessed: today() } : d);
    const { doc, taken, kept } = mergeDocs(shown(controller.base), shown(editing ? controller.view : controller.own), shown(theirs));
    this.unsent = kept;
    controller.base = theirs;
    controller.baseText = text;
    controller.own = doc;
    if (editing) controller.view = cloneDoc(doc);
    return taken;
  }

  /** Another tab saved answers for this checklist: merge them in, field by field, and say so. */
  syncFromStorage() {
    const controller = this.controller;
    const key = answersKey(controller.spec.id);
    const text = controller.store.get(key);
    if (text === controller.baseText) return;
    const taken = this.takeOtherTab(text);
    if (taken < 0) {
      controller.saving.persist(); // the unreadable text was set aside: this tab's answers go back in place
      return;
    }
    // This tab still holds edits the other tab has not seen: save the merge (a note being
    // typed is saved by its own timer, a moment later).
    if (!controller.preview && !controller.saving.saveTimer && this.unsent > 0) controller.saving.persist();
    if (taken > 0) {
      this.showOtherTab(taken);
      return;
    }
    if (controller.preview) {
      controller.transfer.refreshBanner();
      return;
    }
    controller.page.applyView();
    controller.announce("sync");
  }
}
