// Named copies of a checklist's answers: snapshots kept next to the reader's own answers (for
// another project, or a colleague's view), listed in the tool bar's "Named copies" panel, each
// opened under the banner (checklist-transfer.js) or deleted with an undo. They are stored
// under their own key (lib/storage.js copiesKey) in the format checklist-doc.js reads and writes.
//
// The checklist controller (checklist.js) owns one NamedCopies.

import { cloneDoc, readCopies, uniqueName, writeCopies } from "./checklist-doc.js";
import { h } from "../lib/dom.js";
import { withLock } from "../lib/locks.js";
import { copiesKey, guard, setAsideMessage } from "../lib/storage.js";
import { squeeze } from "../lib/text.js";

export class NamedCopies {
  constructor(controller) {
    this.controller = controller;
  }

  loadCopies() {
    const { spec, store } = this.controller;
    const key = copiesKey(spec.id);
    const text = store.get(key);
    const state = readCopies(text, spec);
    if (state.broken) {
      // Never overwrite named copies that cannot be read: set them aside first, and say so.
      const kept = guard(store, key, text);
      this.controller.notify(setAsideMessage("Your saved named copies", kept), { kind: "error" });
    }
    return state;
  }

  saveCopies(state) {
    const { spec, store } = this.controller;
    const ok = store.set(copiesKey(spec.id), writeCopies(state, spec));
    if (!ok) this.controller.saving.showStorageProblem();
  }

  /** Add a copy under the cross-tab lock (two tabs adding at once both keep theirs); resolves
   * to the name it was saved under. */
  addCopy(name, doc) {
    const snapshot = cloneDoc(doc);
    return withLock(copiesKey(this.controller.spec.id), () => {
      const state = this.loadCopies();
      const unique = uniqueName(name, state.copies);
      state.copies.push({ name: unique, saved: new Date().toISOString(), doc: snapshot });
      this.saveCopies(state);
      this.renderCopies();
      return unique;
    });
  }

  /** Save the answers shown as a copy named by the text field `input` (the tool bar's or the
   * banner's); resolves to the name it was saved under, or "" when the field is empty (then the
   * reader is asked for a name and nothing is saved). */
  async addCopyNamedBy(input) {
    const controller = this.controller;
    const name = [...squeeze(input.value)].slice(0, controller.spec.nameMax).join("");
    if (!name) {
      controller.notify("Give the copy a name first.", { kind: "error" });
      input.focus();
      return "";
    }
    return this.addCopy(name, controller.view);
  }

  async saveCurrentAsCopy() {
    const { ui } = this.controller;
    const saved = await this.addCopyNamedBy(ui.copyName);
    if (!saved) return;
    ui.copyName.value = "";
    this.controller.notify(`Saved the answers shown as the named copy “${saved}”.`);
  }

  renderCopies() {
    const { copies } = this.loadCopies();
    const { copiesList, copiesEmpty } = this.controller.ui;
    copiesList.replaceChildren();
    copies.forEach((copy, index) => {
      const when = copy.saved ? copy.saved.slice(0, 10) : "";
      const count = Object.keys(copy.doc.answers).length;
      copiesList.append(
        h(
          "li",
          { class: "p2p-copy" },
          h("span", { class: "p2p-copy__name", text: copy.name }),
          h("span", { class: "p2p-copy__meta", text: ` ${when ? `saved ${when}, ` : ""}${count} answered ` }),
          h("button", { type: "button", class: "p2p-button p2p-button--small", data: { action: "copy-open", index: String(index) }, text: "Open", "aria-label": `Open copy ${copy.name}` }),
          h("button", { type: "button", class: "p2p-button p2p-button--small", data: { action: "copy-delete", index: String(index) }, text: "Delete", "aria-label": `Delete copy ${copy.name}` }),
        ),
      );
    });
    copiesEmpty.hidden = copies.length > 0;
  }

  openCopy(index) {
    const { copies } = this.loadCopies();
    const copy = copies[index];
    if (!copy) return;
    this.controller.transfer.showPreview(copy.doc, { source: "copy", label: copy.name });
  }

  async deleteCopy(index) {
    const key = copiesKey(this.controller.spec.id);
    const removed = await withLock(key, () => {
      const state = this.loadCopies();
      const [gone] = state.copies.splice(index, 1);
      if (gone) this.saveCopies(state);
      this.renderCopies();
      return gone;
    });
    if (!removed) return;
    this.controller.notify(`Deleted the copy “${removed.name}”.`, {
      undo: () =>
        withLock(key, () => {
          const again = this.loadCopies();
          again.copies.splice(Math.min(index, again.copies.length), 0, removed);
          this.saveCopies(again);
          this.renderCopies();
        }),
    });
  }
}
