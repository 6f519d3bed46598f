// Every way the answers leave the page: Markdown, JSON and CSV files, Markdown on the clipboard,
// a share link, and a printed report. For the scored assessment the reports come from Python
// (readiness-export.js), so a file says what the verdict panel says; without Python the answers
// still go out alone (checklist-export.js writes them) and the reader is told.
//
// The checklist controller (checklist.js) owns one Outputs; `endPrint` is run on "afterprint".

import { cloneDoc } from "./checklist-doc.js";
import { fileName, toCSV, toJSON, toMarkdown } from "./checklist-export.js";
import { resultOf, scoreWithReports, verdictWidget } from "./readiness-export.js";
import { copyText } from "../lib/clipboard.js";
import { download, today } from "../lib/download.js";
import { PARAM, encodeFragment, pageUrl } from "../lib/sharelink.js";

/** Links longer than this may be cut by some mail and chat programs. */
const LONG_LINK = 2000;

export class Outputs {
  constructor(controller) {
    this.controller = controller;
  }

  /** The answers shown, dated today when the reader has not dated them yet. */
  datedView() {
    const { spec, view } = this.controller;
    return spec.identityMax ? { assessed: today(), ...cloneDoc(view) } : cloneDoc(view);
  }

  /**
   * The scored assessment's result and reports from Python, when this page shows its verdict;
   * null for other checklists. Throws when Python cannot give them (the caller says so).
   */
  async pythonReports(doc) {
    const widget = verdictWidget(this.controller.spec.id);
    if (!widget) return null;
    return scoreWithReports(widget, doc);
  }

  async exportFile(kind) {
    const { spec } = this.controller;
    const doc = this.datedView();
    const name = fileName(spec, kind);
    const label = kind === "md" ? "Markdown" : kind.toUpperCase();
    let reports = null;
    let missing = "";
    try {
      reports = await this.pythonReports(doc);
    } catch (error) {
      // The answers are never held back: without Python they go out alone, and the reader is told.
      missing = ` It holds the answers only: the verdict could not be worked out (${error && error.message ? error.message : "Python is not available"}).`;
    }
    if (kind === "md") download(name, "text/markdown;charset=utf-8", reports ? reports.markdown : toMarkdown(spec, doc));
    if (kind === "csv") download(name, "text/csv;charset=utf-8", reports ? reports.csv : toCSV(spec, doc));
    if (kind === "json") download(name, "application/json", toJSON(spec, doc, reports ? { result: resultOf(reports) } : {}));
    this.controller.notify(`Exported ${label}: ${name}.${missing}`, { kind: missing ? "error" : "info" });
  }

  async copyMarkdown() {
    const { spec } = this.controller;
    const doc = this.datedView();
    // The copy starts now, inside the click, and takes the report when Python has made it
    // (lib/clipboard.js); while Python starts, that is a few seconds away.
    const widget = verdictWidget(spec.id);
    const starting = Boolean(widget) && widget.dataset.state !== "live";
    const markdown = this.pythonReports(doc).then(
      (reports) => (reports ? reports.markdown : toMarkdown(spec, doc)),
      () => toMarkdown(spec, doc),
    );
    const copying = copyText(markdown);
    if (starting) this.controller.notify("Copying the Markdown report as soon as the assessment has started…");
    const outcome = await copying;
    if (outcome === "copied") {
      this.controller.notify("Markdown copied: paste it into your proposal.");
    } else if (starting) {
      this.controller.notify("The Markdown report is ready now: press Copy Markdown again to copy it.");
    } else {
      this.controller.notify("This browser did not let the page copy. Use Export Markdown to save the report as a file instead.");
    }
  }

  async share() {
    const controller = this.controller;
    const { ui } = controller;
    // The copy starts now, inside the click, and takes the link when it is made.
    const link = encodeFragment(cloneDoc(controller.view)).then((text) => `${pageUrl()}#${PARAM}=${text}`);
    const copying = copyText(link);
    let url;
    try {
      url = await link;
    } catch (error) {
      controller.notify(error instanceof Error ? error.message : "The share link could not be made.", { kind: "error" });
      return;
    }
    ui.sharePanel.hidden = false;
    ui.actions.querySelector('[data-action="share"]').setAttribute("aria-expanded", "true");
    ui.shareField.value = url;
    ui.shareField.focus();
    ui.shareField.select();
    const copied = (await copying) === "copied";
    const long = url.length > LONG_LINK ? ` It is long (${url.length} characters): some mail and chat programs cut long links, so send the JSON export if it does not open.` : "";
    controller.notify(`${copied ? "Share link copied." : "Share link ready: copy it from the field."}${long}`);
  }

  print() {
    const controller = this.controller;
    const root = document.documentElement;
    root.dataset.p2pPrint = controller.spec.id;
    controller.form.dataset.p2pPrinting = "true";
    controller.page.renderPrintHeader();
    try {
      window.print();
    } finally {
      // Chromium blocks in print(); other browsers return at once and fire afterprint later.
      setTimeout(() => endPrint(), 1000);
    }
  }
}

/** Undo the single-checklist print marks (after printing, or if the dialog never opened). */
export function endPrint() {
  delete document.documentElement.dataset.p2pPrint;
  for (const form of document.querySelectorAll("form.p2p-checklist[data-p2p-printing]")) delete form.dataset.p2pPrinting;
}
