// The calculator component (data-p2p-component="calculator"): the estimator and the run-cost
// calculator both use it; data-p2p-calc says which ("effort" or "cost").
//
// The page is built by macros/render_calculators.py with the result for the default inputs
// already in place; this module reads the form, asks pilot2prod's Python (in the tab's worker,
// through lib/python.js) for the view, and updates the same parts, found by output[name],
// [data-chart], [data-table] and [data-message-for]. All text goes in through textContent or
// value, and charts are drawn by lib/chart.js, so nothing typed or shared can become markup.
//
// Settings are data-* attributes on the .p2p-calc root: data-function (the Python function),
// data-format (the tag of saved and shared documents), data-storage-key, data-debounce (ms),
// and data-pyodide-base / data-wheel, which lib/python.js reads. After each result the root
// carries data-state="live", data-computed-inputs (the JSON of the inputs computed) and
// data-latency-ms (the worker round trip), and fires "pilot2prod:calculated".

import { drawChart } from "../lib/chart.js";
import { dict } from "../lib/dict.js";
import { h, part, setText } from "../lib/dom.js";
import { copyText } from "../lib/clipboard.js";
import { download, today } from "../lib/download.js";
import { bootingText, callPython, failedText, onPythonStatus, pythonStatus, startPython } from "../lib/python.js";
import { PARAM, UNVERIFIED_TEXT, decodeShare, encodeFragment, fragmentParam, pageUrl } from "../lib/sharelink.js";
import { guard, openStore, setAsideMessage } from "../lib/storage.js";

const DOC_VERSION = 1;
const MAX_VALUE_LENGTH = 20000;

const states = new WeakMap();
const carries = new WeakMap(); // root -> the number of the newest run-cost link being made
const store = openStore();

// --- the form -------------------------------------------------------------------------------

function controls(root) {
  return [...root.querySelectorAll("[data-field] [name]")];
}

function collect(root) {
  const inputs = dict();
  for (const control of controls(root)) {
    inputs[control.name] = control.value;
  }
  return inputs;
}

function apply(root, inputs) {
  for (const control of controls(root)) {
    if (!Object.prototype.hasOwnProperty.call(inputs, control.name)) {
      continue;
    }
    const value = inputs[control.name];
    if (typeof value === "string" || typeof value === "number") {
      control.value = String(value).slice(0, MAX_VALUE_LENGTH);
    }
  }
}

function documentFor(root, inputs) {
  return { format: root.dataset.format, version: DOC_VERSION, inputs };
}

function inputsOf(root, doc) {
  // A saved or shared document: only our own format, only its inputs, values as text.
  if (!doc || typeof doc !== "object" || doc.format !== root.dataset.format) {
    return null;
  }
  if (doc.version !== DOC_VERSION || !doc.inputs || typeof doc.inputs !== "object") {
    return null;
  }
  const inputs = dict(); // names come from outside: "__proto__" is data, never a prototype
  for (const [name, value] of Object.entries(doc.inputs)) {
    if (typeof value === "string" || typeof value === "number" || (value && typeof value === "object")) {
      inputs[name] = value;
    }
  }
  return inputs;
}

// --- rendering ------------------------------------------------------------------------------

function cell(tag, text, scope) {
  const element = document.createElement(tag);
  element.textContent = String(text);
  if (scope) {
    element.scope = scope;
  }
  return element;
}

function renderTable(container, data) {
  if (!container || !data) {
    return;
  }
  const table = document.createElement("table");
  table.className = "p2p-table";
  const caption = document.createElement("caption");
  caption.textContent = data.caption;
  const headRow = document.createElement("tr");
  headRow.append(...data.columns.map((column) => cell("th", column, "col")));
  const head = document.createElement("thead");
  head.append(headRow);
  const body = document.createElement("tbody");
  for (const row of data.rows) {
    const tr = document.createElement("tr");
    tr.append(cell("th", row[0], "row"), ...row.slice(1).map((value) => cell("td", value)));
    body.append(tr);
  }
  table.append(caption, head, body);
  container.replaceChildren(table);
}

function showMessages(root, messages) {
  for (const slot of root.querySelectorAll("[data-message-for]")) {
    const name = slot.dataset.messageFor;
    let text = messages[name] || "";
    if (name === "") {
      // Problems that belong to no visible field: a carried result or the inputs as a whole.
      text = [messages[""], messages.readiness].filter(Boolean).join(" ");
    }
    setText(slot, text);
    slot.hidden = !text;
  }
  for (const control of controls(root)) {
    if (messages[control.name]) {
      control.setAttribute("aria-invalid", "true");
    } else {
      control.removeAttribute("aria-invalid");
    }
  }
}

function renderView(root, view) {
  const messages = view.ok ? {} : view.messages || {};
  showMessages(root, messages);
  if (!view.ok) {
    for (const output of root.querySelectorAll("output[name]")) {
      setText(output, "—");
      delete output.dataset.value;
    }
    return false;
  }
  for (const output of root.querySelectorAll("output[name]")) {
    const result = view.outputs[output.getAttribute("name")];
    if (!result) {
      continue;
    }
    setText(output, result.text);
    if (typeof result.value === "number") {
      output.dataset.value = String(result.value);
    } else {
      delete output.dataset.value;
    }
  }
  for (const figure of root.querySelectorAll("[data-chart]")) {
    // Two layouts of each chart from Python; the stylesheet shows the narrow one on a phone.
    drawChart(figure.querySelector("svg.p2p-chart-wide"), view.charts[figure.dataset.chart]);
    drawChart(figure.querySelector("svg.p2p-chart-narrow"), (view.narrow_charts || {})[figure.dataset.chart]);
  }
  for (const container of root.querySelectorAll("[data-table]")) {
    renderTable(container, view.tables[container.dataset.table]);
  }
  return true;
}

// --- status ---------------------------------------------------------------------------------

function showStatus(root) {
  const state = states.get(root);
  if (!state) {
    return;
  }
  const status = pythonStatus();
  const line = part(root, "status");
  if (status === "failed") {
    root.dataset.state = "failed";
    setText(
      line,
      `${failedText("The live calculator")} The results below are for the default inputs, not ` +
        "yours. The method page shows how to work them out by hand.",
    );
  } else if (status !== "ready" || state.view === null) {
    root.dataset.state = "booting";
    setText(line, `${bootingText("the live calculator")} Until then the results below are for the default inputs.`);
  } else if (!state.view.ok) {
    root.dataset.state = "invalid";
    setText(
      line,
      "Correct the marked fields to see results. The charts and tables below are still those " +
        "of the last complete inputs.",
    );
  } else {
    root.dataset.state = "live";
    setText(
      line,
      "Live: the results follow your inputs. They are worked out in your browser; nothing is " +
        "sent anywhere.",
    );
  }
}

function notify(root, text) {
  setText(part(root, "notice"), text);
}

// --- computing ------------------------------------------------------------------------------

async function recompute(root) {
  const state = states.get(root);
  if (!state || !root.isConnected || pythonStatus() !== "ready") {
    return;
  }
  if (state.busy) {
    state.again = true;
    return;
  }
  state.busy = true;
  try {
    await carryOver(root, state);
    const inputs = collect(root);
    const started = performance.now();
    const view = await callPython(root.dataset.function, { inputs });
    const latency = performance.now() - started;
    if (root.isConnected) {
      state.view = view;
      renderView(root, view);
      carryToRunCost(root, view);
      root.dataset.latencyMs = latency.toFixed(2);
      root.dataset.computedInputs = JSON.stringify(inputs);
      showStatus(root);
      root.dispatchEvent(
        new CustomEvent("pilot2prod:calculated", { bubbles: true, detail: { latencyMs: latency, ok: view.ok } }),
      );
    }
  } catch (error) {
    if (error && error.kind !== "boot") {
      setText(part(root, "status"), `The results could not be updated: ${error.message}.`);
    }
  } finally {
    state.busy = false;
  }
  if (state.again) {
    state.again = false;
    recompute(root);
  }
}

async function carryOver(root, state) {
  // A loaded document carried a readiness result (the assessment's link does). Python alone reads
  // it (effort.carried_fields): it answers which fields the result fills, those the document left
  // blank, and the form takes them once; every computation then starts from the form alone.
  const carried = state.carry;
  if (carried === undefined) {
    return;
  }
  state.carry = undefined; // once: a field the reader clears later stays clear
  const view = await callPython(root.dataset.function, { inputs: carried });
  const fields = view && view.carried && typeof view.carried === "object" ? view.carried : {};
  for (const control of controls(root)) {
    const value = fields[control.name];
    if (typeof value === "string") {
      control.value = value.slice(0, MAX_VALUE_LENGTH);
    }
  }
  if (view && !view.ok && view.messages && view.messages.readiness) {
    notify(root, view.messages.readiness);
  }
  const carriedNote = part(root, "carried");
  if (carriedNote && view && typeof view.carried_text === "string" && view.carried_text) {
    // The reader arrives at the estimator's top, where the notice names what came in and its
    // values, rather than wherever the page happened to scroll.
    setText(carriedNote, view.carried_text);
    carriedNote.hidden = false;
    carriedNote.scrollIntoView({ block: "start" });
    carriedNote.focus({ preventScroll: true });
  }
}

async function carryToRunCost(root, view) {
  // The estimator's link to the run-cost calculator carries what Python says the estimate means
  // there (effort view's run_cost: build cost, operating people, their yearly cost), as a share
  // link's inputs; the run-cost page lays them over the reader's own, as with any share link.
  const link = part(root, "run-cost-link");
  if (!link || !view.ok || !view.run_cost || typeof view.run_cost !== "object") {
    return;
  }
  const current = (carries.get(root) || 0) + 1;
  carries.set(root, current);
  const inputs = {};
  for (const [name, value] of Object.entries(view.run_cost)) {
    if (typeof value === "string") inputs[name] = value;
  }
  try {
    const fragment = await encodeFragment({ format: "pilot2prod/run-cost", version: DOC_VERSION, inputs });
    if (carries.get(root) !== current) return; // a newer result is on its way
    link.href = `${link.href.split("#")[0]}#${PARAM}=${fragment}`;
  } catch {
    // Without compression streams the link still opens the run-cost calculator, empty-handed.
  }
}

function schedule(root) {
  const state = states.get(root);
  if (!state) {
    return;
  }
  clearTimeout(state.timer);
  const wait = Number(root.dataset.debounce);
  state.timer = setTimeout(() => recompute(root), Number.isFinite(wait) && wait >= 0 ? wait : 250);
}

function save(root) {
  const state = states.get(root);
  if (!state || state.shared) {
    return;
  }
  const ok = store.set(root.dataset.storageKey, JSON.stringify(documentFor(root, collect(root))));
  if (!ok && !state.warnedStorage) {
    state.warnedStorage = true;
    notify(root, "This browser does not let the site keep your inputs, so they will be gone when you leave.");
  }
}

function leaveSharedView(root) {
  const state = states.get(root);
  if (!state || !state.shared) {
    return;
  }
  state.shared = false;
  state.choosing = false;
  const choice = part(root, "link-choice");
  if (choice) choice.hidden = true;
  if (fragmentParam(window.location.hash) !== null) {
    // Reloading should now show the reader's own inputs, not the link's again.
    history.replaceState(history.state, "", window.location.pathname + window.location.search);
  }
  notify(root, "");
}

// --- actions --------------------------------------------------------------------------------

async function shareLink(root) {
  const box = part(root, "share");
  const field = part(root, "share-link");
  // The copy starts now, inside the click, and takes the link when it is made (lib/clipboard.js).
  const link = encodeFragment(documentFor(root, collect(root))).then((text) => `${pageUrl()}#${PARAM}=${text}`);
  const copying = copyText(link);
  try {
    field.value = await link;
    box.hidden = false;
    field.select();
    if ((await copying) === "copied") {
      notify(root, "Share link copied. Anyone who opens it sees these inputs; they travel in the link itself.");
    } else {
      notify(root, "Copy the share link below. Anyone who opens it sees these inputs.");
    }
  } catch (error) {
    notify(root, error.message);
  }
}

async function exportMarkdown(root) {
  const area = part(root, "export");
  const text = part(root, "markdown");
  if (pythonStatus() !== "ready") {
    notify(root, "The export needs the live calculator, which has not started.");
    return;
  }
  try {
    const view = await callPython(root.dataset.function, {
      inputs: collect(root),
      markdown: true,
      page_url: pageUrl(),
      date: today(),
    });
    if (!view.ok) {
      renderView(root, view);
      notify(root, "Correct the marked fields first; the export describes complete inputs only.");
      return;
    }
    text.value = view.markdown;
    area.hidden = false;
    text.focus();
    text.select();
    notify(root, "Markdown ready below: copy it, or download it as a file.");
  } catch (error) {
    notify(root, `The export failed: ${error.message}.`);
  }
}

function saveFile(root, text, type, extension) {
  download(`${root.dataset.p2pCalc || "calculator"}-${today()}.${extension}`, type, text);
}

function downloadMarkdown(root) {
  const text = part(root, "markdown").value;
  if (text) {
    saveFile(root, text, "text/markdown", "md");
  }
}

function downloadInputs(root) {
  // The document the page saves and shares; `pilot2prod estimate FILE` and `cost FILE` read it.
  const doc = { ...documentFor(root, collect(root)), page_url: pageUrl() };
  saveFile(root, `${JSON.stringify(doc, null, 2)}\n`, "application/json", "json");
  notify(root, "Inputs saved as a JSON file; the pilot2prod command line reads it.");
}

function reset(root) {
  if (!window.confirm("Reset every input to its default? Your saved inputs on this device are replaced.")) {
    return;
  }
  leaveSharedView(root);
  root.querySelector("form").reset();
  store.remove(root.dataset.storageKey);
  notify(root, "Inputs reset to the defaults.");
  schedule(root);
}

// --- start ----------------------------------------------------------------------------------

function take(root, inputs) {
  // Form fields go into the form; a document that carries a readiness result (an object, not a
  // field) is kept whole for the next computation, where Python reads it (see carryOver).
  apply(root, inputs);
  if (Object.prototype.hasOwnProperty.call(inputs, "readiness")) {
    states.get(root).carry = inputs;
  }
}

function readSaved(root, notes) {
  // The reader's saved inputs, or null. A value this page cannot read (corrupt, another
  // format, a newer version) is set aside under a key of its own, never deleted.
  const key = root.dataset.storageKey;
  const saved = store.get(key);
  if (!saved) {
    return null;
  }
  let inputs = null;
  try {
    inputs = inputsOf(root, JSON.parse(saved));
  } catch {
    inputs = null;
  }
  if (inputs === null) {
    notes.push(`${setAsideMessage("Your saved inputs", guard(store, key, saved))} The defaults are shown.`);
  }
  return inputs;
}

function choiceBox(root) {
  // The same choice the checklists offer when a link meets saved answers: keep or replace.
  let box = part(root, "link-choice");
  if (!box) {
    box = h(
      "div",
      { class: "p2p-calc__choice", "data-role": "link-choice", role: "group", "aria-label": "Inputs from the link", hidden: true },
      h("button", { type: "button", class: "md-button md-button--primary", data: { action: "link-keep" }, text: "Keep my saved inputs" }),
      h("button", { type: "button", class: "md-button", data: { action: "link-replace" }, text: "Use the link's inputs" }),
    );
    part(root, "notice").after(box);
  }
  return box;
}

function keepOwn(root) {
  const state = states.get(root);
  const own = state.ownInputs;
  leaveSharedView(root);
  root.querySelector("form").reset();
  state.carry = undefined; // the link's readiness result goes with the link's inputs
  if (own) {
    take(root, own);
  }
  notify(root, "Kept your own saved inputs; the link's inputs were not saved.");
  schedule(root);
}

function useLink(root) {
  leaveSharedView(root);
  save(root);
  notify(root, "Your saved inputs were replaced by the ones shown.");
  schedule(root);
}

async function loadInitial(root, payload) {
  // The reader's own saved inputs first; a link's inputs then go on top, so a link that
  // carries only some fields (the readiness scores, say) keeps the rest of the reader's own.
  const state = states.get(root);
  const notes = [];
  const saved = readSaved(root, notes);
  if (saved) {
    take(root, saved);
  }
  if (typeof payload === "string") {
    notes.push(await openLink(root, state, payload, saved));
  }
  if (notes.length) {
    notify(root, notes.join(" "));
  }
}

async function openLink(root, state, payload, saved) {
  // Nothing is saved from a link until the reader says so (or had nothing saved to lose).
  let shared;
  try {
    shared = await decodeShare(payload);
  } catch (error) {
    return `${error.message} Your own inputs are shown instead.`;
  }
  const inputs = inputsOf(root, shared.doc);
  if (inputs === null) {
    return "The link carries something other than inputs for this calculator; it was ignored.";
  }
  const unverified = shared.verified ? "" : ` ${UNVERIFIED_TEXT}`;
  take(root, inputs);
  state.shared = true;
  root.dataset.p2pLinkVerified = String(shared.verified);
  if (!saved) {
    return `Showing the inputs from the link you opened; they are saved once you change something here.${unverified}`;
  }
  state.choosing = true;
  state.ownInputs = saved;
  choiceBox(root).hidden = false;
  return (
    "Showing the inputs from the link you opened. Your own saved inputs are kept until you " +
    `choose below; changes made meanwhile are not saved.${unverified}`
  );
}

/**
 * Mount one calculator root once. `context.share` is the "#p2p=" payload the page was opened
 * with (lib/sharelink.js keeps it: Material's navigation.tracking soon replaces the fragment).
 * Resolves once the form works; the result goes live when Python is up.
 */
export async function mount(root, context = {}) {
  if (states.has(root)) {
    return;
  }
  states.set(root, { timer: null, busy: false, again: false, view: null, shared: false, choosing: false, ownInputs: null, warnedStorage: false, carry: undefined });
  const form = root.querySelector("form");
  form.addEventListener("submit", (event) => event.preventDefault());
  const onEdit = () => {
    if (states.get(root).choosing) {
      schedule(root); // the link's inputs are shown and nothing is saved until the reader chooses
      return;
    }
    leaveSharedView(root);
    save(root);
    schedule(root);
  };
  form.addEventListener("input", onEdit);
  form.addEventListener("change", onEdit);
  form.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) {
      return;
    }
    const action = button.dataset.action;
    if (action === "share") shareLink(root);
    else if (action === "markdown") exportMarkdown(root);
    else if (action === "download") downloadMarkdown(root);
    else if (action === "json") downloadInputs(root);
    else if (action === "reset") reset(root);
    else if (action === "link-keep") keepOwn(root);
    else if (action === "link-replace") useLink(root);
  });
  part(root, "actions").hidden = false;
  await loadInitial(root, typeof context.share === "string" ? context.share : null);
  showStatus(root);
  startPython()
    .catch(() => {}) // shown by the status line
    .then(() => {
      showStatus(root);
      recompute(root);
    });
}

// One status listener and one hash listener for the tab; each looks up the calculators on the
// page showing at the time, so nothing points at a page instant navigation has replaced.
onPythonStatus(() => {
  for (const root of document.querySelectorAll('[data-p2p-component="calculator"][data-p2p-mounted="true"]')) {
    showStatus(root);
  }
});

window.addEventListener("hashchange", async () => {
  if (fragmentParam(window.location.hash) === null) {
    return;
  }
  for (const root of document.querySelectorAll('[data-p2p-component="calculator"][data-p2p-mounted="true"]')) {
    const state = states.get(root);
    if (state) {
      await loadInitial(root, fragmentParam(window.location.hash));
      schedule(root);
    }
  }
});
