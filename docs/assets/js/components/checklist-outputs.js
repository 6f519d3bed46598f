// Every way the answers leave the page: Markdown, JSON and CSV files, Markdown on the clipboard,
// a share link, and a printed report. The files are written by Python (answers.export, through
// the worker): the scored assessment's Markdown and CSV are the very reports `pilot2prod
// assess` prints, and every checklist's files have one Markdown escape and one set of CSV
// columns whichever page wrote them. If Python cannot start, the JSON export still goes out (the
// stored document as it is, which every reader takes) and the reader is told why the others
// cannot.
//
// The checklist controller (checklist.js) owns one Outputs; `endPrint` is run on "afterprint".

import { verdictWidget } from "./readiness-export.js";
import { copyText, download, today } from "../lib/download.js";
import { callPython } from "../lib/python.js";
import { PARAM, encodeFragment, pageUrl } from "../lib/sharelink.js";

/** Links longer than this may be cut by some mail and chat programs. */
const LONG_LINK = 2000;
const LABELS = { md: "Markdown", json: "JSON", csv: "CSV" };

export class Outputs {
  constructor(controller) {
    this.controller = controller;
  }

  /** Python's export of the answers shown: {text, name, mime}. */
  pythonExport(kind) {
    const { spec } = this.controller;
    const widget = verdictWidget(spec.id);
    return callPython(
      "answers.export",
      {
        checklist: spec.id,
        document: this.controller.document(),
        kind,
        page_url: pageUrl(),
        exported: new Date().toISOString(),
        date: today(),
        site_root: widget ? widget.dataset.siteRoot || "" : "",
        directory_urls: widget ? widget.dataset.directoryUrls !== "false" : true,
      },
      { timeoutMs: 30000 },
    );
  }

  async exportFile(kind) {
    const controller = this.controller;
    const label = LABELS[kind];
    controller.notify(`Preparing the ${label} export…`);
    let file;
    try {
      file = await this.pythonExport(kind);
    } catch (error) {
      const why = error && error.message ? error.message : "Python is not available";
      if (kind === "json") {
        // The answers are never held back: the stored document goes out as it is, which Python reads.
        const name = `pilot2prod-${controller.spec.id}-${today()}.json`;
        download(name, "application/json", `${JSON.stringify(controller.document(), null, 2)}\n`);
        controller.notify(`Exported JSON: ${name}. It holds the answers only: the verdict could not be worked out (${why}).`, { kind: "error" });
      } else {
        controller.notify(`The ${label} export could not be written: ${why}. Export JSON still works and keeps every answer.`, { kind: "error" });
      }
      return;
    }
    download(file.name, file.mime, file.text);
    controller.notify(`Exported ${label}: ${file.name}.`);
  }

  async copyMarkdown() {
    const controller = this.controller;
    let text;
    try {
      text = (await this.pythonExport("md")).text;
    } catch (error) {
      controller.notify(`The Markdown could not be written: ${error && error.message ? error.message : "Python is not available"}.`, { kind: "error" });
      return;
    }
    const ok = await copyText(text);
    controller.notify(ok ? "Markdown copied: paste it into your proposal." : "This browser did not allow copying. Use Export Markdown instead.", { kind: ok ? "info" : "error" });
  }

  async share() {
    const controller = this.controller;
    const { ui } = controller;
    let url;
    try {
      url = `${pageUrl()}#${PARAM}=${await encodeFragment(controller.document())}`;
    } catch (error) {
      controller.notify(error instanceof Error ? error.message : "The share link could not be made.", { kind: "error" });
      return;
    }
    ui.sharePanel.hidden = false;
    ui.actions.querySelector('[data-action="share"]').setAttribute("aria-expanded", "true");
    ui.shareField.value = url;
    ui.shareField.focus();
    ui.shareField.select();
    const copied = await copyText(url);
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
