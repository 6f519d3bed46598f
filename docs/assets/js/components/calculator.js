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
// data-p2p-calc ("effort" or "cost"), data-format (the tag of what the page keeps on this
// device), data-storage-key, data-debounce (ms), and data-pyodide-base / data-wheel, which
// lib/python.js reads. The version and the longest value kept are Python's, from lib/rules.js
// (pilot2prod/calculators/documents.py through pilot2prod/api/rules.py). After each result the root carries
// data-state="live", data-computed-inputs (the JSON of the inputs computed) and data-latency-ms
// (the worker round trip), and fires "pilot2prod:calculated". After each file or link it tried
// to open, data-opened counts up, data-opened-what names it (the file, or the link's "v2.<check>")
// and data-opened-outcome ("ok" or "refused") and data-opened-field (the field at fault) say how
// it went.
//
// Files and links are read, and files and links written, by Python ("calculators.read",
// "calculators.write"), the same code `pilot2prod estimate` and `pilot2prod cost` read with, so
// a file the page saves the command line reads and the reverse. A file's bytes are decoded, and
// a link unpacked, by the site's one reading of them (lib/file-drop.js, lib/sharelink.js). Before Python is up the page
// only restores what the reader typed on this device. A preset (the price list's model, a
// loaded file) goes through "calculators.replace", which names every change it makes; one
// Undo puts the form back. The price picker announces its preset with a "pilot2prod:preset"
// event; this module announces replaced inputs with "pilot2prod:inputs-replaced".

import { drawChart } from "../lib/chart.js";
import { dict } from "../lib/dict.js";
import { h, part, setText } from "../lib/dom.js";
import { copyText } from "../lib/clipboard.js";
import { buildConsent, offer, ownLine, withdraw } from "../lib/consent.js";
import { download, today } from "../lib/download.js";
import { bootingText, callPython, failedText, onPythonStatus, pythonStatus, startPython } from "../lib/python.js";
import { readFileText } from "../lib/file-drop.js";
import { RULES } from "../lib/rules.js";
import { PARAM, UNVERIFIED_TEXT, decodeShareText, fragmentParam, holdShareFragment, pageUrl, releaseShareFragment } from "../lib/sharelink.js";
import { guard, openStore, setAsideMessage } from "../lib/storage.js";
import { characters } from "../lib/text.js";

const { version: DOC_VERSION, max_value_chars: MAX_VALUE_CHARS } = RULES.calculators;

const states = new WeakMap();
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
    if (Object.prototype.hasOwnProperty.call(inputs, control.name) && typeof inputs[control.name] === "string") {
      control.value = inputs[control.name];
    }
  }
}

function tooLong(root, inputs) {
  // The first field holding more than Python's limit, or null: such a value is not kept.
  for (const control of controls(root)) {
    if (characters(inputs[control.name] || "") > MAX_VALUE_CHARS) return control;
  }
  return null;
}

function fieldLabel(root, control) {
  const label = control.id ? root.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  return label ? label.textContent.trim() : control.name;
}

function storedDocument(root, inputs, preset) {
  // What the page keeps on this device: the form as typed, and the preset it follows.
  return { format: root.dataset.format, version: DOC_VERSION, inputs, preset };
}

function storedInputs(root, doc) {
  // The page's own stored document: only our format and version, only text within the limit.
  if (!doc || typeof doc !== "object" || doc.format !== root.dataset.format) {
    return null;
  }
  if (doc.version !== DOC_VERSION || !doc.inputs || typeof doc.inputs !== "object") {
    return null;
  }
  const inputs = dict(); // names come from outside: "__proto__" is data, never a prototype
  for (const [name, value] of Object.entries(doc.inputs)) {
    if (typeof value === "string") inputs[name] = value;
  }
  if (tooLong(root, inputs)) {
    return null;
  }
  // The preset this page stored beside the inputs; Python checks it when it is used.
  const preset = doc.preset && typeof doc.preset === "object" && !Array.isArray(doc.preset) ? doc.preset : null;
  return { inputs, preset };
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

function showSources(root, sources) {
  // Where each field's value came from, in Python's words.
  for (const slot of root.querySelectorAll("[data-source-for]")) {
    const found = sources && sources[slot.dataset.sourceFor];
    if (found && typeof found.text === "string") {
      setText(slot, found.text);
      slot.dataset.source = String(found.kind);
    }
  }
}

function renderHeadline(root, view) {
  // The figures kept in view at the top, in Python's words; a dash while the inputs are wrong.
  const list = part(root, "headline");
  if (!list) return;
  for (const cell of list.querySelectorAll("dd")) {
    if (!view.ok) setText(cell, "—");
  }
  if (!view.ok || !Array.isArray(view.headline)) return;
  list.replaceChildren(
    ...view.headline.map((item) => h("div", { data: { headline: item.id } }, h("dt", { text: item.label }), h("dd", { text: item.text }))),
  );
}

function renderView(root, view) {
  const messages = view.ok ? {} : view.messages || {};
  showMessages(root, messages);
  showSources(root, view.sources);
  renderHeadline(root, view);
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

function notify(root, text, { undo = false } = {}) {
  setText(part(root, "notice"), text);
  const button = part(root, "undo");
  const state = states.get(root);
  if (button) button.hidden = !(undo && state && state.undo);
  if (!undo && state) state.undo = null;
}

function opened(root, what, outcome, field = "") {
  // For the reader the notice says it; for tests and tools the root does too: what it opened
  // (a file's name, or a link's check), how that went, and how many it has tried.
  root.dataset.openedWhat = what;
  root.dataset.openedOutcome = outcome;
  root.dataset.openedField = field;
  root.dataset.opened = String(Number(root.dataset.opened || "0") + 1);
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
    const inputs = collect(root);
    const started = performance.now();
    const view = await callPython(root.dataset.function, { inputs, preset: state.preset });
    const latency = performance.now() - started;
    if (root.isConnected) {
      state.view = view;
      renderView(root, view);
      if (view.ok) keepWorked(root, inputs);
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

function keepWorked(root, inputs) {
  // The inputs of a complete result and the day it was worked out, for the assessment's "what
  // it will take" (pilot2prod/calculators/takes.py works the figures out again from them). Only
  // the reader's own figures count: saved ones, or a link's they opened; untouched defaults
  // describe no project.
  const state = states.get(root);
  const key = root.dataset.workedKey;
  if (!key || !state || (!state.shared && store.get(root.dataset.storageKey) === null)) return;
  store.set(key, JSON.stringify({ format: root.dataset.format, version: DOC_VERSION, inputs, worked: today() }));
}

function carryToRunCost(root, view) {
  // The estimator's link to the run-cost calculator carries what Python says the estimate means
  // there, as a share link Python wrote; the run-cost page lays it over the reader's own inputs.
  const link = part(root, "run-cost-link");
  if (link && view.ok && typeof view.run_cost_link === "string") {
    link.href = `${link.href.split("#")[0]}#${PARAM}=${view.run_cost_link}`;
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
  const inputs = collect(root);
  const long = tooLong(root, inputs);
  if (long) {
    // Refused before anything is written: the device keeps the last inputs within the limit.
    notify(
      root,
      `Not saved on this device: ${fieldLabel(root, long)} holds more than ` +
        `${MAX_VALUE_CHARS.toLocaleString("en-GB")} characters. Shorten it to keep your inputs.`,
    );
    return;
  }
  const ok = store.set(root.dataset.storageKey, JSON.stringify(storedDocument(root, inputs, state.preset)));
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
  if (state.banner) withdraw(state.banner);
  releaseShareFragment();
  if (fragmentParam(window.location.hash) !== null) {
    // Reloading should now show the reader's own inputs, not the link's again.
    history.replaceState(history.state, "", window.location.pathname + window.location.search);
  }
  notify(root, "");
}

// --- actions --------------------------------------------------------------------------------

async function written(root) {
  // The inputs as Python writes them (a file and a share link), or null after saying why not.
  if (pythonStatus() !== "ready") {
    // Python writes the file and the link; asked now, it answers once it has started.
    notify(root, "The inputs are written as soon as the live calculator has started…");
  }
  try {
    const reply = await callPython("calculators.write", {
      calculator: root.dataset.p2pCalc,
      inputs: collect(root),
      page_url: pageUrl(),
    });
    if (!reply.ok) {
      showMessages(root, reply.messages || {});
      notify(root, "Correct the marked fields first: a saved file or a link holds complete inputs only.");
      return null;
    }
    return reply;
  } catch (error) {
    notify(root, `The inputs could not be written: ${error.message}.`);
    return null;
  }
}

async function shareLink(root) {
  const box = part(root, "share");
  const field = part(root, "share-link");
  // The copy starts now, inside the click, and takes the link when Python has written it
  // (lib/clipboard.js); when it cannot be written, `written` has said why.
  const link = written(root).then((reply) => {
    if (!reply) throw new Error("not written");
    return `${pageUrl()}#${PARAM}=${reply.link}`;
  });
  const copying = copyText(link);
  let text;
  try {
    text = await link;
  } catch {
    return;
  }
  field.value = text;
  box.hidden = false;
  field.select();
  if ((await copying) === "copied") {
    notify(root, "Share link copied. Anyone who opens it sees these inputs; they travel in the link itself.");
  } else {
    notify(root, "Copy the share link below. Anyone who opens it sees these inputs.");
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

async function downloadInputs(root) {
  // The document `pilot2prod estimate FILE` and `cost FILE` read, written by the same Python.
  const reply = await written(root);
  if (!reply) return;
  saveFile(root, reply.text, "application/json", "json");
  notify(root, "Inputs saved as a JSON file; the pilot2prod command line reads it.");
}

function announce(root) {
  root.dispatchEvent(new CustomEvent("pilot2prod:inputs-replaced", { bubbles: false }));
}

async function fill(root, values, source, preset) {
  // Put a preset's or a file's values into the form: Python names every change, the reader's
  // own figures among them, and the form as it was is kept for one Undo.
  const state = states.get(root);
  let before;
  let reply;
  // Python answers for the form as it was sent; a figure the reader typed while it worked would
  // be overwritten by that answer, so the form is sent again until it held still (a few times
  // at most: a reader does not type for ever).
  for (let asked = 0; asked < 4; asked += 1) {
    before = { inputs: collect(root), preset: state.preset };
    reply = await callPython("calculators.replace", {
      calculator: root.dataset.p2pCalc,
      inputs: before.inputs,
      values,
      source,
      preset: state.preset,
    });
    if (JSON.stringify(collect(root)) === JSON.stringify(before.inputs)) break;
  }
  leaveSharedView(root);
  apply(root, reply.inputs);
  state.preset = preset;
  state.undo = { ...before, after: JSON.stringify(collect(root)), notice: reply.undo_notice };
  save(root);
  notify(root, reply.notice, { undo: reply.changed.length > 0 });
  announce(root);
  schedule(root);
  return reply;
}

function undo(root) {
  const state = states.get(root);
  const last = state && state.undo;
  if (!last) return;
  root.querySelector("form").reset();
  apply(root, last.inputs);
  state.preset = last.preset;
  state.undo = null;
  save(root);
  notify(root, last.notice);
  part(root, "undo").hidden = true;
  announce(root);
  schedule(root);
}

async function loadFile(root, file) {
  // A file of inputs: its size and encoding checked as every page checks a file, then read,
  // checked and put into the form by Python, exactly as the command line reads it.
  const name = file.name.slice(0, 200);
  const read = await readFileText(file);
  if (read.refused) {
    notify(root, `“${name}” was not opened: it ${read.refused}. Your inputs are unchanged.`);
    opened(root, name, "refused");
    return;
  }
  notify(root, pythonStatus() === "ready" ? `Reading “${name}”…` : `“${name}” opens once the live calculator has started…`);
  try {
    const reply = await callPython("calculators.read", { calculator: root.dataset.p2pCalc, name, text: read.text });
    if (!reply.ok) {
      notify(root, `${reply.text} Your inputs are unchanged.`);
      opened(root, name, "refused", reply.field);
      return;
    }
    await fill(root, reply.inputs, { kind: "file", name }, reply.preset);
    showCarried(root, reply.carried_text, false);
    opened(root, name, "ok");
  } catch (error) {
    notify(root, `“${name}” could not be read: ${error.message}. Your inputs are unchanged.`);
    opened(root, name, "refused");
  }
}

// --- start ----------------------------------------------------------------------------------

function readSaved(root, notes) {
  // The reader's saved inputs ({inputs, preset}), or null. A value this page cannot read
  // (corrupt, another format, a newer version, past the limit) is set aside under a key of its
  // own, never deleted.
  const key = root.dataset.storageKey;
  const saved = store.get(key);
  if (!saved) {
    return null;
  }
  let found = null;
  try {
    found = storedInputs(root, JSON.parse(saved));
  } catch {
    found = null;
  }
  if (found === null) {
    notes.push(`${setAsideMessage("Your saved inputs", guard(store, key, saved))} The defaults are shown.`);
  }
  return found;
}

function showCarried(root, text, scroll = true) {
  // What a link from the assessment carried in (and left empty, and why), named at the top.
  const note = part(root, "carried");
  if (!note) return;
  note.hidden = !text;
  setText(note, text || "");
  if (text && scroll) {
    // The reader arrives at the estimator's top rather than wherever the page happened to be.
    note.scrollIntoView({ block: "start" });
    note.focus({ preventScroll: true });
  }
}

function consentBanner(root) {
  // The choice every page offers when a link's inputs are shown in place of the reader's own
  // (lib/consent.js), placed under the calculator's notice.
  let banner = states.get(root).banner;
  if (!banner) {
    banner = buildConsent({ id: `p2p-calc-${root.dataset.p2pCalc || "calculator"}--banner` });
    part(root, "notice").after(banner.root);
    states.get(root).banner = banner;
  }
  return banner;
}

function keepOwn(root) {
  const state = states.get(root);
  const own = state.ownInputs;
  leaveSharedView(root);
  root.querySelector("form").reset();
  state.preset = own ? own.preset : null;
  if (own) {
    apply(root, own.inputs);
  }
  showCarried(root, "", false); // what the link carried goes with the link's inputs
  notify(root, "Kept your own saved inputs; the link's inputs were not saved.");
  announce(root);
  schedule(root);
}

function useLink(root) {
  const hadOwn = Boolean(states.get(root).ownInputs);
  leaveSharedView(root);
  save(root);
  notify(root, hadOwn ? "Your saved inputs were replaced by the ones shown." : "Saved the inputs shown to this browser; they are your own inputs now.");
  schedule(root);
}

function loadInitial(root, payload, { arriving = true } = {}) {
  // The reader's own saved inputs first, before Python is up; a link's inputs then go on top
  // once Python has read them, so a link that carries only some fields (the readiness scores,
  // say) keeps the rest of the reader's own.
  const state = states.get(root);
  const notes = [];
  state.shared = false;
  state.choosing = false;
  if (state.banner) withdraw(state.banner);
  root.querySelector("form").reset();
  const saved = readSaved(root, notes);
  state.preset = saved ? saved.preset : null;
  if (saved) {
    apply(root, saved.inputs);
  }
  if (notes.length) {
    notify(root, notes.join(" "));
  }
  announce(root);
  if (typeof payload === "string") {
    openLink(root, state, payload, saved, notes, arriving);
  }
}

async function openLink(root, state, payload, saved, notes, arriving) {
  // Nothing is saved from a link until the reader says so (or had nothing saved to lose).
  const before = notes.join(" ");
  const say = (text) => notify(root, [before, text].filter(Boolean).join(" "));
  if (pythonStatus() !== "ready") {
    say("The link's inputs open once the live calculator has started…");
  }
  let shared;
  let reply;
  try {
    shared = await decodeShareText(payload);
  } catch (error) {
    say(`The link was not opened: ${error.message} Your own inputs are shown instead.`);
    opened(root, payload.slice(0, 11), "refused");
    return;
  }
  try {
    reply = await callPython("calculators.read", { calculator: root.dataset.p2pCalc, text: shared.text });
  } catch (error) {
    say(`The link could not be opened: ${error.message}. Your own inputs are shown instead.`);
    opened(root, payload.slice(0, 11), "refused");
    return;
  }
  if (!reply.ok) {
    say(`${reply.text} Your own inputs are shown instead.`);
    opened(root, payload.slice(0, 11), "refused", reply.field);
    return;
  }
  const unverified = shared.verified ? "" : ` ${UNVERIFIED_TEXT}`;
  apply(root, reply.given);
  if (reply.preset) state.preset = reply.preset;
  if (reply.carried_only) {
    // Only the assessment's scores: they join the reader's own inputs and are kept at once, so
    // nothing is lost by reading the estimate and leaving.
    save(root);
    showCarried(root, [reply.carried_text, reply.kept_text].filter(Boolean).join(" "), arriving);
    announce(root);
    schedule(root);
    opened(root, payload.slice(0, 11), "ok");
    if (before) say("");
    return;
  }
  state.shared = true;
  root.dataset.p2pLinkVerified = String(shared.verified);
  // Scrolled to only when the page was opened with the link: on a later change of the address's
  // fragment, scrolling would let Material's tracking replace it before its own reload of the
  // page has read it.
  showCarried(root, reply.carried_text, arriving);
  announce(root);
  schedule(root);
  opened(root, payload.slice(0, 11), "ok");
  state.ownInputs = saved;
  // Nothing is stored until the reader chooses; with nothing of their own saved, the one
  // choice is to keep the link's inputs, so no choice can empty the form.
  state.choosing = true;
  holdShareFragment(payload);
  const what = "Inputs from a share link are shown in the form.";
  offer(consentBanner(root), { title: what, detail: ownLine({ hasOwn: Boolean(saved), what: "inputs", editKeeps: true }), hasOwn: Boolean(saved) });
  say(`Showing the inputs from the link you opened.${unverified}`);
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
  states.set(root, { timer: null, busy: false, again: false, view: null, shared: false, choosing: false, ownInputs: null, warnedStorage: false, preset: null, undo: null, banner: null });
  const form = root.querySelector("form");
  form.addEventListener("submit", (event) => event.preventDefault());
  const onEdit = (event) => {
    if (event.target === part(root, "load-file")) {
      return; // choosing a file is not an edit; loadFile handles it
    }
    const state = states.get(root);
    if (state.undo && JSON.stringify(collect(root)) !== state.undo.after) {
      // An edit after a preset: Undo would now take it away too, so it is no longer offered.
      state.undo = null;
      part(root, "undo").hidden = true;
    }
    if (state.choosing && state.ownInputs) {
      schedule(root); // the reader's own inputs wait for their choice: this edit is not saved
      return;
    }
    // Nothing of the reader's own to lose: an edit keeps the link's inputs with it, as "Save to
    // this browser" would, so nothing typed here is lost.
    const keeping = state.choosing;
    leaveSharedView(root);
    save(root);
    if (keeping) notify(root, "Saved the inputs shown, with your change, to this browser.");
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
    else if (action === "load") part(root, "load-file").click();
    else if (action === "undo") undo(root);
    else if (action === "banner-keep") keepOwn(root);
    else if (action === "banner-replace" || action === "banner-save") useLink(root);
  });
  const fileInput = part(root, "load-file");
  fileInput.addEventListener("change", () => {
    const file = fileInput.files && fileInput.files[0];
    if (file) {
      loadFile(root, file).finally(() => {
        fileInput.value = ""; // choosing the same file again still fires "change"
      });
    }
  });
  root.addEventListener("pilot2prod:preset", (event) => {
    // The price picker's model: followed by every field's source, and filled in when chosen.
    const detail = event.detail || {};
    const state = states.get(root);
    if (detail.apply && detail.preset) {
      fill(root, detail.preset.fields, { kind: detail.preset.kind, name: detail.preset.name }, detail.preset).catch(
        (error) => notify(root, `The prices could not be filled in: ${error.message}.`),
      );
    } else {
      state.preset = detail.preset || null;
      schedule(root);
    }
  });
  part(root, "actions").hidden = false;
  loadInitial(root, typeof context.share === "string" ? context.share : null);
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

window.addEventListener("hashchange", () => {
  if (fragmentParam(window.location.hash) === null) {
    return;
  }
  for (const root of document.querySelectorAll('[data-p2p-component="calculator"][data-p2p-mounted="true"]')) {
    const state = states.get(root);
    if (state) {
      loadInitial(root, fragmentParam(window.location.hash), { arriving: false });
      schedule(root);
    }
  }
});
