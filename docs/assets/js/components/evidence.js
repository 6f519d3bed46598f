// The evidence page: evaluation result files read as bytes in the browser, handed to
// pilot2prod's Python in the Pyodide worker (evidence.read once per file, then
// evidence.summarise for every change of slice field, target or mix, evidence.compare for two
// runs), and the figures shown as a chart drawn from Python's geometry with a table beside it.
//
// Nothing is sent anywhere: the bytes move from the file to the worker and stay in this tab.
// A file is read in chunks so a large one shows its progress, then moved (not copied) to the
// worker. A file Python refuses is listed with its reason and everything already shown stays
// as it was. Every name a file brings is written with textContent, never as markup.
//
// Settings come from data-* attributes on the data-p2p-component="evidence" element
// (macros/evidence_view.py): data-max-bytes, data-max-mix-bytes, data-max-depth (Python's limits),
// and the runtime attributes
// lib/python.js reads.

import { drawChart } from "../lib/chart.js";
import { h, part, setText } from "../lib/dom.js";
import { download } from "../lib/download.js";
import { keepRecord } from "../lib/evidence-records.js";
import { mountFilePicker, notify as say, positiveNumber, showFilesStatus, showRefused } from "../lib/file-drop.js";
import { callPython, onPythonStatus, startPython } from "../lib/python.js";

const SELECTOR = '[data-p2p-component="evidence"]';
const MAX_RUNS = 6; // pilot2prod/api/evidence.py MAX_RUNS: the worker keeps as many
const READ_TIMEOUT_MS = 180000; // a 150 MB file takes a while to parse in WebAssembly
const WORDS = {
  one: "run",
  many: "runs",
  what: "The evidence tool",
  cli: "The command line reads the same files: pilot2prod evidence FILE",
};

const states = new WeakMap();
let nextKey = 1;

onPythonStatus(() => {
  for (const root of document.querySelectorAll(SELECTOR)) showStatus(root);
});

function showStatus(root) {
  const state = states.get(root);
  if (!state || state.notice) return;
  showFilesStatus(root, state.runs.length, WORDS);
}

function notify(root, text) {
  say(root, states.get(root), text);
}

function stem(name) {
  const base = String(name).replace(/^.*[\\/]/, "");
  return (base.replace(/\.[^.]*$/, "") || "results").replace(/[^A-Za-z0-9._-]+/g, "-");
}

/** The file's bytes, read chunk by chunk with the progress shown; an ArrayBuffer. */
async function readBytes(file, progress) {
  const bytes = new Uint8Array(file.size);
  let offset = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > bytes.length) throw new Error("the file grew while it was read");
    bytes.set(value, offset);
    offset += value.length;
    progress.value = Math.round((offset / Math.max(1, file.size)) * 100);
  }
  return offset === bytes.length ? bytes.buffer : bytes.slice(0, offset).buffer;
}

async function addFiles(root, fileList) {
  const state = states.get(root);
  const files = Array.from(fileList || []);
  if (!files.length) return;
  const maxBytes = positiveNumber(root.dataset.maxBytes, 150 * 1024 * 1024);
  const progress = part(root, "progress");
  const refused = [];
  let added = null;
  for (const file of files) {
    if (file.size > maxBytes) {
      refused.push({ name: file.name, message: `larger than ${Math.round(maxBytes / 1048576)} MB; the command line reads larger files` });
      continue;
    }
    progress.hidden = false;
    progress.value = 0;
    notify(root, `Reading ${file.name}…`);
    let buffer;
    try {
      buffer = await readBytes(file, progress);
    } catch (error) {
      refused.push({ name: file.name, message: "could not be read" });
      continue;
    }
    // The bytes are in; Python's part has no measurable steps, so the bar shows it is busy.
    progress.removeAttribute("value");
    notify(root, `Reading the results in ${file.name} with Python…`);
    const key = `file-${nextKey++}`;
    try {
      await startPython();
      const run = await callPython(
        "evidence.read",
        { file: key, name: file.name },
        { timeoutMs: READ_TIMEOUT_MS, files: { [key]: buffer }, maxDepth: positiveNumber(root.dataset.maxDepth, 200) },
      );
      state.runs.push(run);
      while (state.runs.length > MAX_RUNS) state.runs.shift();
      state.slice[run.run] = run.suggested || "";
      added = run;
    } catch (error) {
      refused.push({ name: file.name, message: error.message });
    }
  }
  progress.hidden = true;
  state.refused = refused;
  showRefused(root, refused);
  state.notice = null;
  if (added) {
    state.current = added.run;
    await summarise(root);
  } else if (refused.length) {
    notify(root, state.runs.length ? "The new files were not used; what was shown before is unchanged." : "None of the chosen files could be used; the reasons are listed.");
  } else {
    showStatus(root);
  }
}

function currentRun(state) {
  return state.runs.find((run) => run.run === state.current) || null;
}

function request(root) {
  const state = states.get(root);
  const target = Number(part(root, "target").value);
  const minCases = Number(part(root, "min-cases").value);
  const payload = { run: state.current, slice: state.slice[state.current] || null };
  if (Number.isFinite(target) && target >= 50 && target < 100) payload.target = target / 100;
  if (Number.isInteger(minCases) && minCases >= 1) payload.min_cases = minCases;
  const mix = part(root, "mix").value;
  if (mix.trim()) {
    payload.mix_csv = mix;
    payload.mix_name = state.mixName || "the production mix";
  }
  return payload;
}

async function summarise(root) {
  const state = states.get(root);
  if (!currentRun(state)) return;
  const generation = ++state.generation;
  root.dataset.state = "working";
  try {
    const view = await callPython("evidence.summarise", request(root), { timeoutMs: 60000 });
    if (generation !== state.generation || !root.isConnected) return; // a newer choice is on its way
    state.view = view;
    render(root, view);
    state.notice = null;
    showStatus(root);
    root.dataset.state = "live";
  } catch (error) {
    if (generation !== state.generation) return;
    // What was shown before stays; the reason goes in the status line.
    root.dataset.state = state.view ? "live" : "failed";
    notify(root, `Not updated: ${error.message}`);
  }
}

function cell(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

function fillSelect(select, options, chosen) {
  select.replaceChildren(
    ...options.map(([value, label]) => h("option", { value, selected: value === chosen, text: label })),
  );
  select.value = chosen;
}

function renderControls(root) {
  const state = states.get(root);
  const run = currentRun(state);
  fillSelect(
    part(root, "run"),
    state.runs.map((r) => [r.run, `${r.file} (${r.cases.toLocaleString("en-GB")} cases)`]),
    state.current,
  );
  part(root, "run-field").hidden = state.runs.length < 2;
  const chosen = state.slice[state.current] || "";
  const candidates = run ? run.candidates : [];
  const options = [["", "Not sliced: the whole run"]];
  for (const c of candidates) options.push([c.name, `${c.name} (${c.distinct.toLocaleString("en-GB")} values)`]);
  fillSelect(part(root, "slice"), options, chosen);
  const runs = state.runs.map((r) => [r.run, r.file]);
  const compare = part(root, "compare-block");
  compare.hidden = state.runs.length < 2;
  if (state.runs.length >= 2) {
    const oldSelect = part(root, "old");
    const newSelect = part(root, "new");
    const keepOld = runs.some(([id]) => id === oldSelect.value) ? oldSelect.value : runs[runs.length - 2][0];
    const keepNew = runs.some(([id]) => id === newSelect.value) ? newSelect.value : runs[runs.length - 1][0];
    fillSelect(oldSelect, runs, keepOld);
    fillSelect(newSelect, runs, keepNew);
  }
}

function render(root, view) {
  part(root, "result").hidden = false;
  renderControls(root);
  setText(part(root, "headline"), view.headline);
  setText(part(root, "source"), `From ${view.source_text}.`);
  const figure = part(root, "figure");
  figure.hidden = !view.chart;
  if (view.chart) {
    drawChart(part(root, "chart"), view.chart);
    drawChart(part(root, "chart-narrow"), view.chart_narrow);
  }
  part(root, "table-region").hidden = view.rows.length === 0;
  setText(part(root, "table-caption"), `Pass rate of each slice by ${view.slice_field}; ${view.target_text}.`);
  part(root, "rows").replaceChildren(
    ...view.rows.map((row) => {
      const tr = document.createElement("tr");
      const name = cell("th", row.name);
      name.scope = "row";
      tr.append(
        name,
        cell("td", row.cases.toLocaleString("en-GB")),
        cell("td", row.passed.toLocaleString("en-GB")),
        cell("td", row.rate_text),
        cell("td", row.traffic_text),
        cell("td", row.more_text),
      );
      if (row.too_few) tr.dataset.few = "true";
      return tr;
    }),
  );
  const extras = [view.worst_text, ...view.mix, view.mix_distance_text, view.latency_text, view.cost_text, ...view.notes.map((n) => `Note: ${n}.`)];
  part(root, "extras").replaceChildren(...extras.filter(Boolean).map((text) => cell("li", text)));
  part(root, "candidates-block").hidden = Boolean(view.slice_field) || view.candidates.length === 0;
  part(root, "candidates").replaceChildren(...view.candidates.map((c) => cell("li", c.text)));
}

async function compareRuns(root) {
  const state = states.get(root);
  const old = part(root, "old").value;
  const newer = part(root, "new").value;
  const button = root.querySelector('[data-action="compare-record"]');
  if (old === newer) {
    notify(root, "Choose two different runs to compare.");
    return;
  }
  try {
    const view = await callPython(
      "evidence.compare",
      { old, new: newer, slice: state.slice[newer] || state.slice[old] || null },
      { timeoutMs: 60000 },
    );
    state.comparison = view;
    state.comparedNew = newer;
    setText(part(root, "compare-headline"), view.headline);
    part(root, "compare-region").hidden = false;
    part(root, "compare-rows").replaceChildren(
      ...view.rows.map((row) => {
        const tr = document.createElement("tr");
        const name = cell("th", row.name);
        name.scope = "row";
        tr.append(name, cell("td", row.old_text), cell("td", row.new_text), cell("td", row.change_text), cell("td", row.paired ? "yes" : "no"), cell("td", row.verdict));
        tr.dataset.verdict = row.verdict;
        return tr;
      }),
    );
    button.disabled = false;
    state.notice = null;
    showStatus(root);
  } catch (error) {
    notify(root, `Not compared: ${error.message}`);
  }
}

async function readMixFile(root, file) {
  if (!file) return;
  const maxBytes = positiveNumber(root.dataset.maxMixBytes, 16 * 1024 * 1024);
  if (file.size > maxBytes) {
    notify(root, `${file.name} is larger than ${Math.round(maxBytes / 1048576)} MB; a mix lists slices, not requests.`);
    return;
  }
  const state = states.get(root);
  part(root, "mix").value = await file.text();
  state.mixName = file.name;
  await summarise(root);
}

export function mount(root) {
  const state = { runs: [], slice: {}, current: null, view: null, comparison: null, generation: 0, notice: null, refused: [], mixName: null };
  states.set(root, state);
  let typing = null;
  part(root, "form").addEventListener("submit", (event) => event.preventDefault());
  part(root, "run").addEventListener("change", (event) => {
    state.current = event.target.value;
    summarise(root);
  });
  part(root, "slice").addEventListener("change", (event) => {
    state.slice[state.current] = event.target.value;
    summarise(root);
  });
  for (const role of ["target", "min-cases"]) {
    part(root, role).addEventListener("change", () => summarise(root));
  }
  part(root, "mix").addEventListener("input", () => {
    state.mixName = null;
    clearTimeout(typing);
    typing = setTimeout(() => summarise(root), 500);
  });
  part(root, "mix-file").addEventListener("change", (event) => {
    readMixFile(root, event.target.files[0]).finally(() => {
      event.target.value = "";
    });
  });
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button || !root.contains(button)) return;
    const action = button.dataset.action;
    if (action === "use" && state.view) {
      useInAssessment(root, state.view);
    } else if (action === "record" && state.view) {
      download(`${stem(state.view.file)}.evidence.json`, "application/json", state.view.record_json);
    } else if (action === "markdown" && state.view) {
      download(`${stem(state.view.file)}.evidence.md`, "text/markdown", state.view.markdown);
    } else if (action === "compare") {
      compareRuns(root);
    } else if (action === "compare-record" && state.comparison) {
      download(`${stem(currentRunName(state))}.compared.evidence.json`, "application/json", state.comparison.record_json);
    }
  });
  mountFilePicker(root, { onFiles: (files) => addFiles(root, files), showStatus: () => showStatus(root) });
}

/** Keep the record shown for the assessment in this browser; its verdict weighs the answers. */
async function useInAssessment(root, view) {
  const name = `${stem(view.file)}.evidence.json`;
  const kept = await keepRecord(root.dataset.checklist, name, JSON.parse(view.record_json));
  notify(
    root,
    kept === true
      ? `Kept “${name}” for your assessment: on the assessment page each answer it informs is now marked backed, self-reported or contradicted.`
      : `“${name}” was not kept: ${kept}.`,
  );
}

function currentRunName(state) {
  const run = state.runs.find((r) => r.run === state.comparedNew) || currentRun(state);
  return run ? run.file : "results";
}
