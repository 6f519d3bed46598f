// Other answers shown over the reader's own: a JSON file imported, a share link opened, or a
// named copy opened (checklist-copies.js). They appear under a banner and nothing is saved until
// the reader chooses (lib/consent.js, the choice the calculators offer too): keep mine, replace
// mine (with an undo), or save them as a named copy; a reader with nothing saved sees a link's
// answers read-only with one action, "Save to this browser", so no choice can empty the page. A
// file imported into an empty checklist is taken at once, as there is nothing to lose.
// `routeShareLink` hands a share link's answers to the checklist on the page they belong to.
//
// A file or a link is read by Python (answers.read, through the worker, started for it if this
// page had no other use for it), exactly as `pilot2prod assess` reads a file: what the command
// line refuses is refused here, naming the same field, and nothing on the page changes.
//
// The checklist controller (checklist.js) owns one Transfer; `controller.preview` says what the
// banner shows ({source: "link"|"import"|"copy", label, payload}), or null.

import { cloneDoc, isEmptyDoc } from "./checklist-doc.js";
import { offer, ownLine, withdraw } from "../lib/consent.js";
import { today } from "../lib/download.js";
import { readFileText } from "../lib/file-drop.js";
import { callPython } from "../lib/python.js";
import { UNVERIFIED_TEXT, clearShareFragment, decodeShareText, forgetPendingShare, rememberPendingShare } from "../lib/sharelink.js";

/** Python's reading of answers `text` for one of `checklists` (see answers.read). */
export function readAnswers(text, checklists) {
  return callPython("answers.read", { text, checklists }, { timeoutMs: 30000 });
}

/** The reason a reading failed, for a sentence: Python's words, or why Python is not there. */
function whyNot(error) {
  if (error && error.kind === "input") return `${error.message}.`;
  if (error && error.kind === "boot") return `Reading it needs the Python part of this page, which could not start (${error.message}).`;
  return `It could not be read (${error && error.message ? error.message : "no reason given"}).`;
}

export class Transfer {
  constructor(controller) {
    this.controller = controller;
  }

  /** Whether a choice could lose answers of the reader's own: a named copy stays saved, so
   * closing it loses nothing; otherwise, whether anything is saved for this checklist. */
  hasOwn() {
    const { preview, own } = this.controller;
    return (preview && preview.source === "copy") || !isEmptyDoc(own);
  }

  /** Show the banner for the preview on screen, with the buttons the reader's own answers allow;
   * said again when another tab saves (the reader may now have something to keep). */
  refreshBanner() {
    const controller = this.controller;
    const { preview, banner } = controller;
    if (!preview) return;
    const hasOwn = this.hasOwn();
    const what = {
      link: "Answers from a share link are shown below.",
      import: `Answers imported from “${preview.label}” are shown below.`,
      copy: `Your named copy “${preview.label}” is shown below.`,
    }[preview.source];
    const count = Object.keys(controller.own.answers).length;
    const detail = `${ownLine({ hasOwn, what: "answers", count })}${preview.versionNote || ""}`;
    offer(banner, { title: what, detail, hasOwn, canCopy: preview.source !== "copy" });
    if (banner.button("banner-copy").hidden) banner.namePanel.hidden = true;
    this.setShownOnly(!hasOwn);
  }

  /** Answers shown to a reader with nothing saved are read, not edited: an edit would have
   * nowhere to go until they are saved. Only controls this disabled are enabled again. */
  setShownOnly(on) {
    const form = this.controller.form;
    const controls = form.querySelectorAll(".p2p-item input, .p2p-item textarea, .p2p-item select, .p2p-item button");
    for (const control of controls) {
      if (on && !control.disabled) {
        control.disabled = true;
        control.dataset.p2pShownOnly = "";
      } else if (!on && "p2pShownOnly" in control.dataset) {
        control.disabled = false;
        delete control.dataset.p2pShownOnly;
      }
    }
    if (on) form.dataset.p2pShownOnly = "true";
    else delete form.dataset.p2pShownOnly;
  }

  async importFile() {
    const controller = this.controller;
    const input = controller.ui.fileInput;
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    const refuse = (why) => controller.notify(`“${file.name}” was not imported: ${why} Nothing was changed.`, { kind: "error" });
    const read = await readFileText(file);
    if (read.refused) {
      refuse(`it ${read.refused}.`);
      return;
    }
    controller.notify(`Reading “${file.name}”…`);
    let result;
    try {
      result = await readAnswers(read.text, [controller.spec.id]);
    } catch (error) {
      refuse(whyNot(error));
      return;
    }
    if (!controller.preview && isEmptyDoc(controller.own)) {
      controller.adopt(result.document, "import");
      const kind = result.plans_kept_aside.length ? "error" : "info";
      controller.notify(`Imported ${result.answered_text} from “${file.name}”.${this.versionNote(result)}`, { kind });
      return;
    }
    this.showPreview(result.document, { source: "import", label: file.name, versionNote: this.versionNote(result) });
  }

  /** What the reader should know about answers read by Python (answers.read's result), or "". */
  versionNote({ stated_version: fromVersion, newly_kept_aside: newOrphans, plans_kept_aside: planAside }) {
    const controller = this.controller;
    const planNote = controller.planFields.asideNote(planAside);
    if (!fromVersion || fromVersion === controller.spec.version) return planNote;
    const aside = newOrphans.length ? ` ${newOrphans.length} of them belong to questions no longer in it and are kept aside.` : "";
    return ` They were given to an earlier version of this checklist (${fromVersion}).${aside}${planNote}`;
  }

  /** Shared answers from a link, read by Python: shown under the banner, nothing saved until the
   * reader chooses. */
  offerShared(result, payload, verified = true) {
    const controller = this.controller;
    if (controller.preview && controller.preview.payload === payload) return;
    const unverified = verified ? "" : ` ${UNVERIFIED_TEXT}`;
    this.showPreview(result.document, { source: "link", label: "", payload, versionNote: `${this.versionNote(result)}${unverified}` });
    if (!verified) controller.form.dataset.p2pUnverified = "true";
    rememberPendingShare(payload);
  }

  showPreview(doc, preview) {
    const controller = this.controller;
    // A note typed a moment ago is still waiting to be saved: save it before switching views.
    if (!controller.preview && controller.saving.saveTimer) controller.saving.saveOwnFromView();
    controller.preview = preview;
    controller.view = cloneDoc(doc);
    const { banner } = controller;
    banner.namePanel.hidden = true;
    controller.form.dataset.p2pPreview = preview.source;
    this.setBusyButtons(true);
    controller.page.applyView();
    this.refreshBanner();
    controller.announce(preview.source === "copy" ? "copy-open" : preview.source === "link" ? "share" : "import");
    banner.root.scrollIntoView({ block: "start" });
    banner.root.focus({ preventScroll: true });
  }

  setBusyButtons(busy) {
    const { ui } = this.controller;
    for (const action of ["import", "reset", "copies"]) {
      const button = ui.actions.querySelector(`[data-action="${action}"]`);
      button.disabled = busy;
    }
    if (busy) {
      ui.copiesPanel.hidden = true;
      ui.confirmPanel.hidden = true;
    }
  }

  endPreview() {
    const controller = this.controller;
    const payload = controller.preview && controller.preview.payload;
    controller.preview = null;
    withdraw(controller.banner);
    this.setShownOnly(false);
    delete controller.form.dataset.p2pPreview;
    this.setBusyButtons(false);
    delete controller.form.dataset.p2pUnverified;
    if (payload) {
      clearShareFragment(payload);
      forgetPendingShare();
    }
  }

  keepMine() {
    const controller = this.controller;
    const source = controller.preview ? controller.preview.source : "";
    this.endPreview();
    controller.view = cloneDoc(controller.own);
    controller.page.applyView();
    controller.announce("keep");
    controller.notify(source === "copy" ? "Closed the copy; your own answers are shown." : "Kept your own answers; the other answers were not saved.");
    controller.focusTools();
  }

  /** Nothing of the reader's own to lose: the answers shown become theirs, as they are. */
  saveShown() {
    const controller = this.controller;
    if (this.hasOwn()) return; // another tab saved meanwhile: the banner now asks which to keep
    this.endPreview();
    controller.adopt(controller.view, "replace");
    controller.notify("Saved the answers shown to this browser; they are your own answers now.");
    controller.focusTools();
  }

  replaceMine() {
    const controller = this.controller;
    const before = cloneDoc(controller.own);
    this.endPreview();
    controller.adopt(controller.view, "replace");
    controller.notify("Your answers were replaced by the ones shown.", { undo: () => controller.adopt(before, "undo") });
    controller.focusTools();
  }

  bannerAskName() {
    const { banner, preview } = this.controller;
    banner.namePanel.hidden = false;
    banner.nameInput.value = preview && preview.source === "import" ? preview.label.replace(/\.json$/i, "") : `Shared ${today()}`;
    banner.nameInput.focus();
    banner.nameInput.select();
  }

  bannerCancelName() {
    const { banner } = this.controller;
    banner.namePanel.hidden = true;
    banner.copyButton.focus();
  }

  async bannerSaveCopy() {
    const controller = this.controller;
    const saved = await controller.copies.addCopyNamedBy(controller.banner.nameInput);
    if (!saved) return;
    this.endPreview();
    controller.view = cloneDoc(controller.own);
    controller.page.applyView();
    controller.announce("keep");
    controller.notify(`Saved the other answers as the named copy “${saved}”. Your own answers are shown; open the copy from “Named copies”.`);
    controller.focusTools();
  }
}

/**
 * Open a share link's answers over the checklist they belong to (`onPage`: the controllers of
 * the checklists mounted on the page), or say why nothing changed.
 */
export async function routeShareLink(payload, onPage) {
  // "" is a link ending in "#p2p=": decodeShareText says it is empty, and nothing changes.
  if (typeof payload !== "string" || onPage.length === 0) return;
  let shared;
  try {
    shared = await decodeShareText(payload);
  } catch (error) {
    onPage[0].notify(`The share link was not opened. ${error.message} Nothing was changed.`, { kind: "error" });
    return;
  }
  onPage[0].notify("Reading the shared answers…");
  let result;
  try {
    result = await readAnswers(shared.text, onPage.map((controller) => controller.spec.id));
  } catch (error) {
    onPage[0].notify(`The share link was not opened: ${whyNot(error)} Your answers were not changed.`, { kind: "error" });
    return;
  }
  const target = onPage.find((controller) => controller.spec.id === result.checklist);
  target.transfer.offerShared(result, payload, shared.verified);
}
