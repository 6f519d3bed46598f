// The portfolio: many projects' exported readiness answers at once, ranked by where the pilots
// stall. Every figure comes from pilot2prod's own Python in the Pyodide worker, the same code as
// `pilot2prod portfolio`: readiness.portfolio_summaries scores the files in batches (so the
// progress bar moves and no single message is large), and readiness.portfolio ranks the
// summaries gathered.
//
// Files are read here, in the browser, and never leave it. Before Python sees a file it is checked
// for size and for UTF-8 (limits from rules.js); Python reads its text as `pilot2prod portfolio`
// reads a file and refuses what is not readiness answers. Each refused file is listed by name with
// the reason, the others are counted, and a file read only in part is named with its problems.
// Files chosen or dropped while others are being scored wait their turn and are read after them.
// Names and every other text from a file are written with textContent, never as markup.
//
// The main thread stays free: files are read one by one with await (the browser reads them off
// the main thread), the loop yields to the event loop between batches, and the scoring runs in
// the worker.
//
// Settings come from data-* attributes on the data-p2p-component="portfolio" element
// (macros/portfolio_view.py): data-batch, and the runtime attributes lib/python.js reads.

import { h, nextTask, part, setText } from "../lib/dom.js";
import { download, today } from "../lib/download.js";
import { mountFilePicker, notify as say, positiveNumber, readFileText, showFilesStatus, showRefused } from "../lib/file-drop.js";
import { RULES } from "../lib/rules.js";
import { callPython, onPythonStatus, startPython } from "../lib/python.js";

const SELECTOR = '[data-p2p-component="portfolio"]';
const CALL_TIMEOUT_MS = 60000;
const ROWS_PER_TURN = 50;

/** How the status line names what this page shows, and what to run when Python fails. */
const WORDS = {
  one: "project",
  many: "projects",
  what: "The portfolio",
  cli: "The command line gives the same report: pilot2prod portfolio FOLDER",
};

const views = new WeakMap();

onPythonStatus(() => {
  for (const root of document.querySelectorAll(SELECTOR)) showStatus(root);
});

function nextFrame() {
  // After the next frame is drawn, so the layout of what was just added is paid for in that
  // frame and not piled onto the next piece. A hidden tab draws no frames: then a timer.
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (!done) {
        done = true;
        setTimeout(resolve, 0);
      }
    };
    requestAnimationFrame(go);
    setTimeout(go, 100);
  });
}

function showStatus(root) {
  const state = views.get(root);
  if (!state || state.busy || state.notice) return;
  showFilesStatus(root, state.summaries.length, WORDS);
}

function notify(root, text) {
  say(root, views.get(root), text);
}

function progress(root, done, total, what) {
  const bar = part(root, "progress");
  bar.hidden = false;
  bar.max = Math.max(1, total);
  bar.value = done;
  setText(part(root, "status"), `${what} ${done} of ${total} ${total === 1 ? "file" : "files"}…`);
}

function olderThan(root) {
  const input = part(root, "older-than");
  const value = input.value.trim();
  if (value === "") return { days: null };
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0 || days > 3650) {
    return { error: "The age must be a whole number of days from 0 to 3650; the list of old assessments is left out until it is." };
  }
  return { days };
}

/** Take files chosen or dropped; ones arriving while others are scored wait their turn and are
 * named, never dropped. */
async function addFiles(root, fileList) {
  const state = views.get(root);
  const files = Array.from(fileList || []);
  if (!files.length) return;
  state.waiting.push(...files);
  if (state.busy) {
    const names = files.slice(0, 3).map((file) => `“${file.name}”`).join(", ");
    const more = files.length > 3 ? ` and ${files.length - 3} more` : "";
    notify(root, `${names}${more} will be read as soon as the files being scored now are done.`);
    return;
  }
  while (state.waiting.length) {
    const next = state.waiting.splice(0, state.waiting.length);
    if (!(await scoreFiles(root, next))) return;
  }
}

/** Read and score `files` in batches, with progress; false when this was stopped or failed. */
async function scoreFiles(root, files) {
  const state = views.get(root);
  state.busy = true;
  state.notice = null;
  root.dataset.state = "working";
  const generation = ++state.generation;
  const maxFiles = RULES.portfolio.max_files;
  const batchSize = Math.min(positiveNumber(root.dataset.batch, 50), RULES.portfolio.batch_max);
  try {
    await startPython();
    let batch = [];
    let done = 0;
    const flush = async () => {
      if (!batch.length) return;
      const result = await callPython("readiness.portfolio_summaries", { documents: batch }, { timeoutMs: CALL_TIMEOUT_MS });
      if (generation !== state.generation) throw new Error("superseded");
      state.summaries.push(...result.summaries);
      state.refused.push(...result.refused);
      done += batch.length;
      batch = [];
      progress(root, done + state.localCount, files.length, "Scored");
      await nextTask(); // the browser's turn between batches of work
    };
    state.localCount = 0;
    for (const file of files) {
      if (state.summaries.length + done + batch.length >= maxFiles) {
        state.refused.push({ name: file.name, message: `not added: a portfolio reads at most ${maxFiles} files` });
        state.localCount += 1;
        continue;
      }
      // The text goes to Python, which reads it as `pilot2prod portfolio` reads a file.
      const read = await readFileText(file);
      if (generation !== state.generation) return false;
      if (read.refused) {
        state.refused.push({ name: file.name, message: read.refused });
        state.localCount += 1;
      } else {
        batch.push({ name: file.name, text: read.text });
      }
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    state.busy = false;
    if (!state.waiting.length) await report(root);
    return true;
  } catch (error) {
    if (error.message === "superseded") return false;
    state.busy = false;
    root.dataset.state = "failed";
    notify(root, `The portfolio could not be worked out: ${error.message}.`);
    return false;
  } finally {
    if (generation === state.generation) {
      state.busy = false;
      part(root, "progress").hidden = true;
    }
  }
}

function request(root, exports) {
  const state = views.get(root);
  const age = olderThan(root);
  return {
    age,
    payload: {
      summaries: state.summaries,
      refused: state.refused,
      today: today(),
      older_than: age.days ?? null,
      // The Markdown and CSV are asked for only on download: they are most of the answer's size.
      exports,
    },
  };
}

async function report(root) {
  const state = views.get(root);
  showRefused(root, state.refused);
  if (!state.summaries.length) {
    part(root, "result").hidden = true;
    root.dataset.state = "empty";
    if (state.refused.length) notify(root, "None of the chosen files could be used; the reasons are listed.");
    else showStatus(root);
    return;
  }
  const { age, payload } = request(root, false);
  const generation = state.generation;
  try {
    const view = await callPython("readiness.portfolio", payload, { timeoutMs: CALL_TIMEOUT_MS });
    if (generation !== state.generation || !root.isConnected) return;
    state.view = view;
    await render(root, view, () => generation !== state.generation);
    if (generation !== state.generation) return;
    root.dataset.state = "live";
    state.notice = null;
    if (age.error) notify(root, age.error);
    else showStatus(root);
  } catch (error) {
    root.dataset.state = "failed";
    notify(root, `The portfolio could not be worked out: ${error.message}.`);
  }
}

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = String(text);
  return element;
}

function row(cells) {
  const tr = document.createElement("tr");
  cells.forEach((text, index) => {
    const element = cell(index === 0 ? "th" : "td", text);
    if (index === 0) element.scope = "row";
    tr.append(element);
  });
  return tr;
}

async function fillInTurns(container, items, make, stale) {
  // Hundreds of rows in one go make one long frame; a hundred per turn keeps each one short.
  container.replaceChildren();
  for (let start = 0; start < items.length; start += ROWS_PER_TURN) {
    await nextFrame();
    if (stale()) return;
    container.append(...items.slice(start, start + ROWS_PER_TURN).map(make));
  }
}

async function fill(root, role, rows, stale) {
  await fillInTurns(part(root, `${role}-rows`), rows, row, stale);
}

function blockedItem(b) {
  const li = document.createElement("li");
  const name = document.createElement("strong");
  name.textContent = b.project;
  li.append(name, ` (${b.name}): ${b.questions.join("; ")}`);
  return li;
}

async function render(root, view, stale) {
  part(root, "result").hidden = false;
  setText(part(root, "summary"), view.summary);
  part(root, "partial").hidden = view.partial.length === 0;
  part(root, "partial-list").replaceChildren(
    ...view.partial.map((entry) => {
      const more = entry.more_problems ? `; and ${entry.more_problems} more` : "";
      return h("li", {}, h("strong", { text: entry.name }), `: ${entry.problems.join("; ")}${more}`);
    }),
  );
  await fill(root, "bands", view.bands.map((b) => [b.label, b.count, b.share_text]), stale);
  await fill(
    root,
    "dimensions",
    view.dimensions.map((d, i) => [i + 1, d.title, `${d.stalled} (${d.share_text})`, d.open]),
    stale,
  );
  await fill(
    root,
    "questions",
    view.questions.map((q, i) => [i + 1, q.text, q.dimension_title, `${q.open} (${q.share_text})`]),
    stale,
  );
  await fillInTurns(part(root, "blocked-list"), view.blocked, blockedItem, stale);
  part(root, "blocked-none").hidden = view.blocked.length > 0;
  await fill(root, "owners", view.owners.map((o) => [o.owner, o.open_high_risk, o.projects]), stale);
  setText(
    part(root, "unowned"),
    view.unowned_high_risk
      ? `${view.unowned_high_risk} open high-risk ${view.unowned_high_risk === 1 ? "question has" : "questions have"} no owner.`
      : "",
  );
  await fill(root, "stale", view.stale.map((s) => [s.project, s.name, s.assessed, s.age_days]), stale);
  setText(
    part(root, "undated"),
    view.undated ? `${view.undated} ${view.undated === 1 ? "assessment has" : "assessments have"} no date.` : "",
  );
}

async function save(root, kind) {
  const state = views.get(root);
  if (!state.view || state.busy) return;
  let view;
  try {
    view = await callPython("readiness.portfolio", request(root, true).payload, { timeoutMs: CALL_TIMEOUT_MS });
  } catch (error) {
    notify(root, `The report could not be made: ${error.message}.`);
    return;
  }
  const stamp = today();
  if (kind === "markdown") download(`pilot2prod-portfolio-${stamp}.md`, "text/markdown", view.markdown);
  else if (kind === "csv") download(`pilot2prod-portfolio-${stamp}.csv`, "text/csv", view.csv);
  else download(`pilot2prod-portfolio-${stamp}.json`, "application/json", view.json);
}

function reset(root) {
  const state = views.get(root);
  state.generation += 1;
  Object.assign(state, { summaries: [], refused: [], waiting: [], view: null, notice: null, busy: false });
  part(root, "files").value = "";
  part(root, "progress").hidden = true;
  part(root, "result").hidden = true;
  showRefused(root, []);
  root.dataset.state = "empty";
  showStatus(root);
}

/** Mount the portfolio: the file picker, the drop box, and Python started for the scoring. */
export function mount(root) {
  if (views.has(root)) return;
  views.set(root, { summaries: [], refused: [], waiting: [], view: null, notice: null, busy: false, generation: 0, localCount: 0 });
  part(root, "older-than").addEventListener("change", () => {
    const state = views.get(root);
    if (state.summaries.length && !state.busy) report(root);
  });
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button || !root.contains(button)) return;
    if (button.dataset.action === "clear") reset(root);
    else save(root, button.dataset.action);
  });
  mountFilePicker(root, { onFiles: (files) => addFiles(root, files), showStatus: () => showStatus(root) });
}
