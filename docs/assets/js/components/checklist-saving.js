// Saving a checklist's answers in this browser: reading them back on mount (saying when the
// checklist changed since), writing every change (a note or owner a moment after the last
// keystroke), and never overwriting what cannot be read: unreadable text is set aside under a
// key of its own first (lib/storage.js guard). A write first merges in what another tab saved
// meanwhile (checklist-merge.js OtherTabs), so it never undoes an edit made there.
//
// The checklist controller (checklist.js) owns one Saving; `controller.base` and
// `controller.baseText` are what this tab last read from or wrote to storage.

import { DocError, cloneDoc, emptyDoc, parseDocText } from "./checklist-doc.js";
import { answersKey, guard, setAsideMessage, storageMessage } from "../lib/storage.js";

const SAVE_DELAY_MS = 400;
// Note edits waiting for their delayed save, by checklist id. A form replaced by instant
// navigation, or a page being closed, flushes them so no keystroke is lost.
const pendingSaves = new Map();

/** Save every note or owner edit still waiting for its delayed save. */
export function flushPendingSaves() {
  for (const save of [...pendingSaves.values()]) save();
}

/** Save the edit of checklist `id` still waiting for its delayed save, if any (its form may
 * have been replaced by the one mounting now). */
export function flushPendingSave(id) {
  const waiting = pendingSaves.get(id);
  if (waiting) waiting();
}

export class Saving {
  constructor(controller) {
    this.controller = controller;
    this.saveTimer = 0;
    this.pendingSave = null;
  }

  restore() {
    const controller = this.controller;
    const { spec } = controller;
    const text = controller.store.get(answersKey(spec.id));
    controller.own = emptyDoc(spec);
    controller.baseText = text;
    if (text) {
      try {
        const { doc, fromVersion, newOrphans, planAside } = parseDocText(text, spec);
        controller.own = doc;
        controller.base = cloneDoc(doc);
        if (fromVersion && fromVersion !== spec.version) {
          const aside = newOrphans ? ` ${newOrphans} of your answers belong to questions that were removed; they are listed under “Answers kept aside”.` : "";
          controller.notify(`This checklist has changed since you last saved (version ${fromVersion} → ${spec.version}).${aside}${controller.planFields.asideNote(planAside)}`);
          this.persist();
        } else if (planAside.length) {
          // Saved back with the entry moved aside, so the notice is said once, not on every visit.
          controller.notify(controller.planFields.asideNote(planAside).trim(), { kind: "error" });
          this.persist();
        }
      } catch (error) {
        this.setAsideAnswers(text, error);
      }
    }
    controller.view = cloneDoc(controller.own);
    controller.page.applyView();
    this.showStorageProblem();
  }

  /** A note, owner, identity or plan field is being typed in: save it a moment after the last
   * keystroke, or sooner if the form is replaced or the page closes. */
  saveSoon() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveOwnFromView(), SAVE_DELAY_MS);
    this.pendingSave = this.pendingSave || (() => this.saveOwnFromView());
    pendingSaves.set(this.controller.spec.id, this.pendingSave);
  }

  saveOwnFromView() {
    const controller = this.controller;
    clearTimeout(this.saveTimer);
    this.saveTimer = 0;
    if (this.pendingSave && pendingSaves.get(controller.spec.id) === this.pendingSave) pendingSaves.delete(controller.spec.id);
    controller.own = cloneDoc(controller.view);
    this.persist();
  }

  persist() {
    const controller = this.controller;
    const { store } = controller;
    const key = answersKey(controller.spec.id);
    // Another tab may have saved since this one last looked (its storage event still on the
    // way): merge its fields in first, so this write never undoes an edit made there.
    const current = store.get(key);
    const taken = current !== controller.baseText ? controller.tabs.takeOtherTab(current) : 0;
    const text = JSON.stringify(controller.own);
    const ok = store.set(key, text);
    controller.base = cloneDoc(controller.own);
    controller.baseText = store.get(key);
    if (!ok) this.showStorageProblem();
    // Its storage event, when it comes, finds this write in place: show the merge now.
    if (taken > 0) controller.tabs.showOtherTab(taken);
  }

  /** Never overwrite what cannot be read: set it aside under a key of its own, and say so truly. */
  setAsideAnswers(text, error) {
    const controller = this.controller;
    const { spec, store } = controller;
    const kept = guard(store, answersKey(spec.id), text);
    controller.base = emptyDoc(spec);
    controller.baseText = store.get(answersKey(spec.id));
    const why = error instanceof DocError ? ` ${error.message}` : "";
    controller.notify(`${setAsideMessage("Your saved answers", kept)}${why}`, { kind: "error" });
  }

  showStorageProblem() {
    const { store, ui } = this.controller;
    const message = storageMessage(store.problem);
    ui.storageNote.textContent = message;
    ui.storageNote.hidden = !message;
  }
}
