// The readiness component (data-p2p-component="readiness"): the live verdict. It listens to the
// readiness checklist on the same page and sends the document it announces, unchanged, to
// pilot2prod's own Python (readiness.view) in the tab's worker: one call per change returns the
// verdict, the what-if and the improvement plan, and the plan block shows its part from the
// "pilot2prod:readiness-scored" event this fires.
//
// The build pre-renders the result for no answers (macros/readiness_widget.py); this module
// updates the same parts, found by their data-role, from the view Python returns. Settings come
// from data-* attributes on the element: data-checklist, data-site-root, data-directory-urls,
// data-debounce (ms, default 0: bursts in one task are scored once), and data-pyodide-base /
// data-wheel / data-boot-timeout, which lib/python.js reads. Each result also goes into the
// page's "Estimate the remaining work" link, so the estimator opens with these scores.

import { drawChart } from "../lib/chart.js";
import { h, part, setText } from "../lib/dom.js";
import { openStore } from "../lib/storage.js";
import { today } from "../lib/download.js";
import { bootingText, callPython, failedText } from "../lib/python.js";
import { latestOnly, watchPython } from "../lib/python-component.js";
import { EVIDENCE_CHANGED, keptRecords } from "../lib/evidence-records.js";
import { PARAM, encodeFragment } from "../lib/sharelink.js";
import { renderPrintReport } from "./readiness-print.js";
import { VerdictSummary } from "./readiness-summary.js";

const SELECTOR = '[data-p2p-component="readiness"]';

const widgets = new WeakMap();
const store = openStore();

function digest(answers) {
  // The answers a result belongs to, "id=value;…" sorted by id; tests wait on it.
  return Object.entries(answers || {})
    .filter(([, value]) => typeof value === "string" && value !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, value]) => `${id}=${value}`)
    .join(";");
}

function showStatus(root, status) {
  const line = part(root, "status");
  const summary = part(root, "summary");
  if (summary) {
    summary.setAttribute("aria-busy", status === "booting" ? "true" : "false");
  }
  const compact = widgets.get(root) && widgets.get(root).summary;
  if (compact && (status === "booting" || status === "idle")) compact.working();
  if (compact && status === "failed") compact.failed();
  if (status === "booting" || status === "idle") {
    setText(line, bootingText("the live score"));
  } else if (status === "ready") {
    setText(
      line,
      "Live: the verdict follows your answers. It is worked out in your browser; nothing is sent anywhere.",
    );
  } else if (status === "failed") {
    setText(
      line,
      `${failedText("The live score")} The checklist still works and keeps your answers on this ` +
        "device. The result below is the one for an empty assessment, not for your answers.",
    );
  }
}

/** A link to a question on this very page as its bare #fragment: the browser then scrolls to it
 * in place, clear of the header and the verdict summary, where the theme's instant navigation
 * would swap the page in again and land the question before the summary has been drawn. */
function inPage(href) {
  const target = new URL(href, document.baseURI);
  const here = new URL(window.location.href);
  return target.hash && target.origin === here.origin && target.pathname === here.pathname ? target.hash : href;
}

function listItem(item) {
  const li = document.createElement("li");
  const question = document.createElement("a");
  question.href = inPage(item.question_href);
  question.textContent = item.text;
  const where = document.createElement("span");
  where.className = "p2p-readiness__answer";
  where.textContent = `(${item.dimension_title}; now ${item.answer_label})`;
  const guidance = document.createElement("a");
  guidance.className = "p2p-readiness__guidance";
  guidance.href = item.guidance_href;
  guidance.textContent = "Guidance";
  li.append(question, " ", where, " ", guidance);
  return li;
}

function fillList(root, role, items, intro) {
  const block = part(root, role);
  const list = part(root, `${role}-list`);
  if (!block || !list) {
    return;
  }
  list.replaceChildren(...items.map(listItem));
  if (intro !== undefined) {
    setText(part(root, `${role}-intro`), intro);
  }
  block.hidden = items.length === 0;
}

function fillPath(root, view) {
  // Every step to the top band, in Python's words: a step's title and summary, then its questions.
  setText(part(root, "path-title"), view.path_title);
  setText(part(root, "path-intro"), view.path_intro);
  const list = part(root, "path-list");
  if (!list) return;
  // The next step's questions in view; a later step's folded, as the build renders them.
  const items = (step, index) => {
    if (step.items.length === 0) return null;
    const list = h("ol", {}, ...step.items.map(listItem));
    return index === 0 ? list : h("details", {}, h("summary", { text: step.items_label }), list);
  };
  list.replaceChildren(
    ...(view.path || []).map((step, index) =>
      h("li", {}, h("p", { class: "p2p-readiness__step" }, h("strong", { text: `${step.title}.` }), ` ${step.summary}`), items(step, index)),
    ),
  );
}

function fillActions(root, actions) {
  // The plan's next actions: what to do, who owns it, by when, and how far it has got.
  if (!actions) return;
  setText(part(root, "actions-title"), actions.title);
  const empty = part(root, "actions-empty");
  if (empty) {
    setText(empty, actions.empty);
    empty.hidden = !actions.empty;
  }
  const list = part(root, "actions-list");
  if (!list) return;
  list.replaceChildren(
    ...actions.items.map((entry) =>
      h("li", {}, h("a", { href: entry.question_href, text: entry.action }), " ", h("span", { class: "p2p-readiness__answer", text: `(${entry.details})` })),
    ),
  );
}

function fillTakes(root, takes) {
  // What the work will take, from the calculators' results this browser kept (Python's figures).
  if (!takes) return;
  const list = part(root, "takes-list");
  if (list) {
    list.replaceChildren(...takes.lines.map((line) => h("div", {}, h("dt", { text: line.label }), h("dd", { text: line.text }))));
    list.hidden = takes.lines.length === 0;
  }
  for (const [role, text] of [["takes-as-of", takes.as_of], ["takes-note", takes.note]]) {
    const line = part(root, role);
    if (line) {
      setText(line, text);
      line.hidden = !text;
    }
  }
}

function render(root, view, answers) {
  setText(root.querySelector('output[name="verdict"]'), view.verdict_text);
  setText(root.querySelector('output[name="score"]'), view.score_explained);
  setText(root.querySelector('output[name="weakest"]'), view.weakest_text);
  // The verdict's figures, not those of what the work will take (data-role="takes-list").
  const figures = root.querySelector(".p2p-readiness__figures:not([data-role])");
  if (figures) {
    figures.dataset.band = view.verdict.id;
  }
  setText(part(root, "meaning"), view.verdict.meaning);
  setText(part(root, "answered"), view.answered_text);
  const cap = part(root, "cap");
  if (cap) {
    setText(cap, view.cap_text);
    cap.hidden = !view.cap_text;
  }
  // The chart's shapes come from Python (pilot2prod.readiness.presentation.chart), as on the built page.
  drawChart(root.querySelector('[data-role="chart"] svg.p2p-chart-wide'), view.chart);
  drawChart(root.querySelector('[data-role="chart"] svg.p2p-chart-narrow'), view.chart_narrow);
  setText(part(root, "chart-text"), view.chart_summary);
  const provisional = part(root, "provisional");
  if (provisional) {
    setText(provisional, view.provisional_text);
    provisional.hidden = !view.provisional_text;
  }
  fillList(root, "capping", view.capping);
  fillPath(root, view);
  fillActions(root, view.next_actions);
  fillTakes(root, view.takes);
  const problems = part(root, "problems-list");
  if (problems) {
    problems.replaceChildren(
      ...view.problems.map((text) => {
        const li = document.createElement("li");
        li.textContent = text;
        return li;
      }),
    );
    part(root, "problems").hidden = view.problems.length === 0;
  }
  renderPrintReport(root, view);
  root.dataset.scoredAnswers = digest(answers);
  root.dataset.state = "live";
  carryToEstimator(view);
  root.pilot2prodView = view; // for a component mounted after this result (plan.js)
  root.dispatchEvent(new CustomEvent("pilot2prod:readiness-scored", { bubbles: true, detail: view }));
  performance.mark("p2p:readiness-scored"); // bench/run.py times the first live verdict by it
}

/** Work out the verdict for the newest document the checklist announced (see latestOnly). */
async function rescore(root) {
  const state = widgets.get(root);
  if (!state || !root.isConnected || !state.document) return;
  if (state.shown === state.document && state.shownEvidence === state.evidence) return;
  const doc = state.document;
  const evidence = state.evidence;
  try {
    const { records } = keptRecords(doc.checklist);
    const view = await callPython("readiness.view", {
      document: doc,
      worked: workedResults(root),
      site_root: root.dataset.siteRoot || "",
      directory_urls: root.dataset.directoryUrls !== "false",
      today: today(),
      // The evidence kept in this browser: each answer comes back marked by it.
      ...(records.length ? { records: records.map(({ name, record }) => ({ name, record })) } : {}),
    });
    if (root.isConnected) {
      // Both what was weighed: records that changed while this call ran are weighed again.
      state.shown = doc;
      state.shownEvidence = evidence;
      render(root, view, doc.answers);
      // The compact summary shows a result only for the answers on screen, never an older one.
      if (state.summary && state.document === doc) state.summary.result(view);
    }
  } catch (error) {
    if (error && error.kind !== "boot") {
      setText(part(root, "status"), `The live score could not be updated: ${error.message}.`);
    }
  }
}

function workedResults(root) {
  // The calculators' last results kept in this browser, as stored; Python reads and checks
  // them (pilot2prod/calculators/takes.py) and leaves out one it cannot use.
  const worked = {};
  for (const [name, key] of [["effort", root.dataset.workedEffort], ["cost", root.dataset.workedCost]]) {
    const text = key ? store.get(key) : null;
    if (!text) continue;
    try {
      worked[name] = JSON.parse(text);
    } catch {
      // Not JSON: left out, and the verdict says to run that calculator again.
    }
  }
  return worked;
}

function schedule(root, detail) {
  const state = widgets.get(root);
  if (!state || !detail.document) return;
  state.document = detail.document; // forwarded as the checklist sent it, never taken apart
  if (state.summary) state.summary.answers(state.document.answers);
  clearTimeout(state.timer);
  const wait = Number(root.dataset.debounce);
  state.timer = setTimeout(() => state.update(), Number.isFinite(wait) && wait > 0 ? wait : 0);
}

function formOf(root) {
  return document.querySelector(`.p2p-checklist[data-checklist="${CSS.escape(root.dataset.checklist || "")}"]`);
}

/** Mount one widget: show its status, start Python, and take the checklist's answers. */
export function mount(root) {
  if (widgets.has(root)) return;
  const form = formOf(root);
  const summary = form ? new VerdictSummary(root, form) : null;
  const state = { document: null, shown: null, evidence: 0, shownEvidence: 0, timer: null, summary, update: latestOnly(() => rescore(root)) };
  widgets.set(root, state);
  watchPython(root, (status) => showStatus(root, status)).then(() => state.update());
  if (form && form.pilot2prodAnswers) schedule(root, form.pilot2prodAnswers);
  else if (form) form.dispatchEvent(new CustomEvent("pilot2prod:answers-request", { bubbles: false }));
}

// One listener for the whole tab: it finds the widgets of the page showing at the time, so
// nothing is duplicated or left pointing at an old page after instant navigation.
document.addEventListener("pilot2prod:answers", (event) => {
  const detail = event.detail || {};
  for (const root of document.querySelectorAll(SELECTOR)) {
    if (widgets.has(root) && root.dataset.checklist === detail.checklist) {
      schedule(root, detail);
    }
  }
});

// Evidence records added or removed (here or in another tab): the same answers, weighed again.
document.addEventListener(EVIDENCE_CHANGED, (event) => {
  for (const root of document.querySelectorAll(SELECTOR)) {
    const state = widgets.get(root);
    if (state && root.dataset.checklist === event.detail.checklist) {
      state.evidence += 1;
      state.update();
    }
  }
});

// --- the way into the estimator ---------------------------------------------------------

// The newest result's scores go into the page's "Estimate the remaining work" links, in their
// fragment; the estimator's Python reads them (pilot2prod/effort_view.py). Links are looked up
// on every result, so instant navigation leaves nothing stale behind.
let generation = 0;

async function carryToEstimator(view) {
  const links = [...document.querySelectorAll("a[data-p2p-estimate-link]")];
  if (links.length === 0) {
    return;
  }
  const current = ++generation;
  // Every dimension goes, with a score of null where the assessment has none yet; Python writes
  // the estimator's link (effort.carried_link), and the estimator leaves such a field empty and
  // says why, rather than lending it another dimension's score.
  const dimensions = (Array.isArray(view.dimensions) ? view.dimensions : [])
    .filter((d) => d && typeof d.id === "string")
    .map((d) => ({ id: d.id, score: typeof d.score === "number" ? d.score : null }));
  let fragment = "";
  try {
    const reply = await callPython("effort.carried_link", { dimensions });
    fragment = `#${PARAM}=${reply.link}`;
  } catch {
    fragment = ""; // the link still opens the estimator, with nothing carried
  }
  if (current !== generation) {
    return; // a newer result arrived meanwhile
  }
  for (const link of links) {
    link.href = link.href.split("#")[0] + fragment;
  }
}
