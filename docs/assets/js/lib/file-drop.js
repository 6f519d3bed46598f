// Reading files that a reader chose or dropped: one reading of a file's bytes for every page
// (readFileText), and for the pages that take many at once (components/team.js,
// components/portfolio.js) how a refused file is listed and how the status line reads, so the
// pages cannot drift apart.
//
// The markup is the macros' (macros/team_view.py, macros/portfolio_view.py), found by data-role:
// "nojs", "controls", "files" (the file input), optionally "drop" (a box to drop files into),
// "status", "refused", "refused-list" and optionally "refused-count". Every name and message is
// written with textContent, never as markup.

import { part, setText } from "./dom.js";
import { RULES } from "./rules.js";
import { bootingText, failedText, pythonStatus, startPython } from "./python.js";

/** A positive number from a data-* attribute, or `fallback` when it is missing or not one. */
export function positiveNumber(value, fallback) {
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * The text of a file a reader chose or dropped, read as Python reads a file (pilot2prod/model/
 * documents.py): `{text}`, or `{refused}` with the reason in words. At most the size Python takes;
 * UTF-8 only (a byte-order mark is dropped), never decoded lossily: a Latin-1 file is refused by
 * name, not shown with its accents replaced. The parsing (JSON, a key written twice, nesting) is
 * Python's, once the text reaches it.
 */
export async function readFileText(file, maxBytes = RULES.documents.max_bytes) {
  if (file.size > maxBytes) {
    return { refused: `is larger than ${Math.round(maxBytes / (1024 * 1024))} MB, so it was not read; is it the right file?` };
  }
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { refused: "could not be read" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { refused: "is not UTF-8 text; save it as UTF-8 and choose it again" };
  }
}

/** List the refused files (`[{name, message}]`) by name with their reasons; hide the block when none. */
export function showRefused(root, refused) {
  const count = part(root, "refused-count");
  if (count) {
    setText(count, `${refused.length} ${refused.length === 1 ? "file was" : "files were"} not used:`);
  }
  part(root, "refused-list").replaceChildren(
    ...refused.map(({ name, message }) => {
      const li = document.createElement("li");
      const file = document.createElement("strong");
      file.textContent = name;
      li.append(file, `: ${message}`);
      return li;
    }),
  );
  part(root, "refused").hidden = refused.length === 0;
}

/**
 * Put the runtime's state in the status line: starting, ready (with how many of `one`/`many`
 * are shown, `count`), or failed, naming the page (`what`) and the command that does the same
 * (`cli`).
 */
export function showFilesStatus(root, count, { one, many, what, cli }) {
  const status = pythonStatus();
  const line = part(root, "status");
  if (status === "booting" || status === "idle") {
    setText(line, bootingText("Python in your browser"));
  } else if (status === "ready") {
    const choose = part(root, "drop") ? "Choose or drop" : "Choose";
    setText(
      line,
      count
        ? `Showing ${count} ${count === 1 ? one : many}. ` +
            "Everything is worked out in your browser; no file is sent anywhere."
        : `Ready. ${choose} the exported files; they are read in your browser and sent nowhere.`,
    );
  } else if (status === "failed") {
    setText(line, `${failedText(what)} ${cli}`);
  }
}

/** Say `text` in the status line and keep it there (`state.notice`) until the next change. */
export function notify(root, state, text) {
  state.notice = text;
  setText(part(root, "status"), text);
}

function watchDrops(drop, onFiles) {
  drop.addEventListener("dragover", (event) => {
    event.preventDefault(); // without it the browser opens the dropped file instead
    drop.dataset.over = "true";
  });
  drop.addEventListener("dragleave", () => {
    drop.dataset.over = "false";
  });
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.dataset.over = "false";
    onFiles(event.dataTransfer ? event.dataTransfer.files : []);
  });
}

/**
 * Show the controls in place of the no-JavaScript line, hand every choice or drop of files to
 * `onFiles(fileList)` (a promise), and start Python, keeping the status line (`showStatus()`)
 * up to date meanwhile.
 */
export function mountFilePicker(root, { onFiles, showStatus }) {
  part(root, "nojs").hidden = true;
  part(root, "controls").hidden = false;
  const input = part(root, "files");
  input.addEventListener("change", () => {
    onFiles(input.files).finally(() => {
      input.value = ""; // choosing the same files again still fires "change"
    });
  });
  const drop = part(root, "drop");
  if (drop) {
    watchDrops(drop, onFiles);
  }
  root.dataset.state = "empty";
  showStatus();
  startPython()
    .catch(() => {}) // shown by the status line
    .then(() => showStatus());
}
