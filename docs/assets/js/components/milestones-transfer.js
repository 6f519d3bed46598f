// Milestones leaving and entering the page: the export file (the stored list plus the time), and
// an import read and merged by Python (readiness.milestones_import), which refuses a file it
// cannot read whole and never changes a milestone kept here. The merge is stored under the
// cross-tab lock, and only if the list has not changed since it was read.

import { download, today } from "../lib/download.js";
import { readFileText } from "../lib/file-drop.js";
import { callPython } from "../lib/python.js";
import { fileOf } from "./milestones-store.js";

/** Download every milestone as one file; `say` tells the reader. */
export function exportMilestones(store, say) {
  const list = store.list;
  if (list.length === 0) {
    say("There is no milestone to export yet.", "error");
    return;
  }
  const file = fileOf(store.checklist, list, { exported: new Date().toISOString() });
  const name = `pilot2prod-${store.checklist}-milestones-${today()}.json`;
  download(name, "application/json", `${JSON.stringify(file, null, 2)}\n`);
  say(`Exported ${list.length} milestone${list.length === 1 ? "" : "s"}: ${name}.`);
}

/** Import the file chosen in `input` into `store`; resolves to whether anything was stored. */
export async function importMilestones(input, store, say) {
  const file = input.files && input.files[0];
  input.value = ""; // the same file can be chosen again
  if (!file) return false;
  const refuse = (why) => say(`The file was not imported: ${why}. Your milestones are unchanged.`, "error");
  if (!store.readable) {
    refuse("the milestones kept in this browser could not be read or set aside");
    return false;
  }
  const read = await readFileText(file);
  if (read.refused) {
    refuse(`it ${read.refused.replace(/\.$/, "")}`);
    return false;
  }
  store.load(); // merged with the list as stored now: another tab may have saved a moment ago
  if (!store.readable) return false;
  const keptText = store.text();
  let merged;
  try {
    merged = await callPython("readiness.milestones_import", { text: read.text, kept: fileOf(store.checklist, store.list) }, { timeoutMs: 30000 });
  } catch (error) {
    // Python's reason for refusing the file, or why it could not be asked.
    refuse(error && error.message ? error.message.replace(/\.$/, "") : "Python is not available");
    return false;
  }
  // The merge was made with the list as it was: stored only if nothing changed since.
  let changed = false;
  const stored = await store.update((list) => {
    changed = store.text() !== keptText;
    return changed ? null : merged.milestones;
  });
  if (changed) refuse("the milestones changed while it was read; import it again");
  else if (stored) say(`Imported ${file.name}: ${merged.summary}`);
  return stored;
}
