// The team view: several people's exported readiness answers, side by side, with the team
// verdict computed by pilot2prod's own Python (readiness.merge, the same code as
// `pilot2prod merge`) in the Pyodide worker.
//
// Files are read here, in the browser, and never leave it. Before Python sees a file, too many
// files, a file over the size Python takes or one that is not UTF-8 is refused with a notice
// (limits from rules.js); Python reads the text as `pilot2prod merge` reads a file and refuses
// what is not readiness answers (invalid JSON, a key written twice, wrong format, a newer version,
// another checklist), and those are listed too; a file read only in part is counted with its
// problems named. Everything a file brings (its name, notes, owners) is written with textContent,
// never as markup.
//
// Settings come from data-* attributes on the data-p2p-component="team" element
// (macros/team_view.py): data-site-root, data-directory-urls, and the runtime attributes
// lib/python.js reads.

import { part, setText } from "../lib/dom.js";
import { download, today } from "../lib/download.js";
import { mountFilePicker, notify as say, readFileText, showFilesStatus, showRefused } from "../lib/file-drop.js";
import { RULES } from "../lib/rules.js";
import { callPython, onPythonStatus, startPython } from "../lib/python.js";

const SELECTOR = '[data-p2p-component="team"]';

/** How the status line names what this page shows, and what to run when Python fails. */
const WORDS = {
  one: "file",
  many: "files",
  what: "The team view",
  cli: "The command line gives the same result: pilot2prod merge FILE FILE …",
};

const views = new WeakMap();

onPythonStatus(() => {
  for (const root of document.querySelectorAll(SELECTOR)) {
    showStatus(root);
  }
});

function showStatus(root) {
  const state = views.get(root);
  if (!state || state.notice) {
    return; // a notice about the files outranks the runtime's status
  }
  showFilesStatus(root, state.documents.length, WORDS);
}

function notify(root, text) {
  say(root, views.get(root), text);
}

async function addFiles(root, fileList) {
  const state = views.get(root);
  const files = Array.from(fileList || []);
  if (!files.length) {
    return;
  }
  const maxFiles = RULES.team.max_files;
  const refused = [...state.localRefused];
  let room = maxFiles - state.documents.length;
  for (const file of files) {
    if (room <= 0) {
      refused.push({ name: file.name, message: `not added: the team view combines at most ${maxFiles} files` });
      continue;
    }
    // The text goes to Python, which reads it as the command line reads a file.
    const read = await readFileText(file);
    if (read.refused) {
      refused.push({ name: file.name, message: read.refused });
    } else {
      state.documents.push({ name: file.name, text: read.text });
      room -= 1;
    }
  }
  state.localRefused = refused;
  state.notice = null;
  await merge(root);
}

function request(root, extra) {
  const state = views.get(root);
  // An absolute site root, so the links in the Markdown export work outside the site too.
  const siteRoot = new URL(root.dataset.siteRoot || "./", document.baseURI).href;
  return {
    documents: state.documents,
    site_root: siteRoot,
    directory_urls: root.dataset.directoryUrls !== "false",
    ...extra,
  };
}

async function merge(root) {
  const state = views.get(root);
  const result = part(root, "result");
  clearMarkdown(root);
  if (!state.documents.length) {
    result.hidden = true;
    part(root, "problems").hidden = true;
    showRefused(root, state.localRefused);
    root.dataset.state = "empty";
    showStatus(root);
    return;
  }
  const generation = ++state.generation;
  root.dataset.state = "working";
  try {
    await startPython();
    const view = await callPython("readiness.merge", request(root, {}), { timeoutMs: 20000 });
    if (generation !== state.generation || !root.isConnected) {
      return; // a newer choice of files is on its way
    }
    // Python refuses documents that are not readiness answers; drop them from the set.
    const refusedAt = new Set(view.refused.map((entry) => entry.index));
    state.documents = state.documents.filter((_, index) => !refusedAt.has(index));
    state.localRefused = [
      ...state.localRefused,
      ...view.refused.map(({ name, message }) => ({ name, message })),
    ];
    showRefused(root, state.localRefused);
    if (!view.team) {
      result.hidden = true;
      part(root, "problems").hidden = true;
      root.dataset.state = "empty";
      notify(root, "None of the chosen files could be used; the reasons are listed.");
      return;
    }
    render(root, view);
    state.notice = null;
    showStatus(root);
    root.dataset.state = "live";
  } catch (error) {
    root.dataset.state = "failed";
    notify(root, `The team view could not be worked out: ${error.message}.`);
  }
}

function cell(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) {
    element.className = className;
  }
  return element;
}

function link(href, text) {
  const a = document.createElement("a");
  a.href = href;
  a.textContent = text;
  return a;
}

function render(root, view) {
  const team = view.team;
  setText(part(root, "verdict"), team.verdict.label);
  setText(part(root, "score"), team.score_text);
  setText(part(root, "weakest"), team.weakest_text);
  setText(part(root, "people-count"), String(view.people.length));
  setText(part(root, "meaning"), team.verdict.meaning);
  setText(part(root, "disagreements"), view.disagreement_summary);
  const cap = part(root, "cap");
  setText(cap, team.cap_text);
  cap.hidden = !team.cap_text;
  part(root, "result").dataset.band = team.verdict.id;
  part(root, "problems-list").replaceChildren(...team.problems.map((text) => cell("li", text)));
  part(root, "problems").hidden = team.problems.length === 0;

  const whatIf = part(root, "what-if");
  whatIf.hidden = !team.what_if;
  if (team.what_if) {
    setText(part(root, "what-if-intro"), team.what_if.summary);
    part(root, "what-if-list").replaceChildren(
      ...team.what_if.items.map((item) => {
        const li = document.createElement("li");
        li.append(link(item.question_href, item.text), ` (${item.dimension_title}; now ${item.answer_label}) `);
        li.append(link(item.guidance_href, "Guidance"));
        return li;
      }),
    );
  }

  part(root, "people-rows").replaceChildren(
    ...view.people.map((person) => {
      const row = document.createElement("tr");
      row.append(
        cell("th", person.name),
        cell("td", person.verdict.label),
        cell("td", person.score_text),
        cell("td", person.answered_text),
      );
      row.firstChild.scope = "row";
      return row;
    }),
  );

  const head = document.createElement("tr");
  head.append(cell("th", "Question"));
  for (const person of view.people) {
    head.append(cell("th", person.name));
  }
  head.append(cell("th", "Team"), cell("th", "Disagreement"));
  for (const th of head.children) {
    th.scope = "col";
  }
  part(root, "items-head").replaceChildren(head);

  let section = null;
  const rows = [];
  for (const item of view.items) {
    if (item.dimension !== section) {
      section = item.dimension;
      const row = document.createElement("tr");
      row.className = "p2p-team__section";
      const th = cell("th", item.dimension_title);
      th.colSpan = view.people.length + 3;
      th.scope = "colgroup";
      row.append(th);
      rows.push(row);
    }
    const row = document.createElement("tr");
    row.dataset.item = item.id;
    row.dataset.disagreement = item.disagreement || "";
    const question = document.createElement("th");
    question.scope = "row";
    question.append(link(item.question_href, item.text));
    if (item.critical) {
      question.append(cell("span", " (critical)", "p2p-team__critical"));
    }
    row.append(question);
    item.answer_labels.forEach((label, index) => {
      const td = cell("td", label, `p2p-team__answer p2p-team__answer--${item.answers[index] || "open"}`);
      const note = item.notes[index];
      const owner = item.owners[index];
      if (owner || note) {
        const extra = document.createElement("small");
        extra.className = "p2p-team__note";
        extra.textContent = [owner ? `Owner: ${owner}` : "", note].filter(Boolean).join(" — ");
        td.append(document.createElement("br"), extra);
      }
      row.append(td);
    });
    row.append(cell("td", item.team_label, "p2p-team__team"));
    row.append(cell("td", item.disagreement_text, item.disagreement ? "p2p-team__flag" : ""));
    rows.push(row);
  }
  part(root, "items-rows").replaceChildren(...rows);
  applyFilter(root);
  part(root, "result").hidden = false;
}

function applyFilter(root) {
  const only = part(root, "only-disagreements").checked;
  for (const row of part(root, "items-rows").children) {
    if (row.dataset.item) {
      row.hidden = only && !row.dataset.disagreement;
    }
  }
  // A section heading stays only while one of its questions shows.
  let heading = null;
  let visible = false;
  for (const row of part(root, "items-rows").children) {
    if (!row.dataset.item) {
      if (heading) heading.hidden = !visible;
      heading = row;
      visible = false;
    } else if (!row.hidden) {
      visible = true;
    }
  }
  if (heading) heading.hidden = !visible;
}

function clearMarkdown(root) {
  part(root, "markdown").value = "";
  root.querySelector('[data-action="download"]').disabled = true;
}

async function makeMarkdown(root) {
  const state = views.get(root);
  if (!state.documents.length) {
    return;
  }
  try {
    const view = await callPython("readiness.merge", request(root, { markdown: true }), { timeoutMs: 20000 });
    part(root, "markdown").value = view.markdown;
    root.querySelector('[data-action="download"]').disabled = false;
    notify(root, "Markdown ready below: copy it into the proposal, or download it as a file.");
  } catch (error) {
    notify(root, `The Markdown could not be made: ${error.message}.`);
  }
}

function downloadMarkdown(root) {
  const text = part(root, "markdown").value;
  if (text) {
    download(`pilot2prod-team-${today()}.md`, "text/markdown", text);
  }
}

function reset(root) {
  const state = views.get(root);
  state.documents = [];
  state.localRefused = [];
  state.notice = null;
  state.generation += 1;
  part(root, "files").value = "";
  part(root, "only-disagreements").checked = false;
  merge(root);
}

/** Mount the team view: show the file picker and start Python for the merge. */
export function mount(root) {
  if (views.has(root)) {
    return;
  }
  views.set(root, { documents: [], localRefused: [], notice: null, generation: 0 });
  part(root, "only-disagreements").addEventListener("change", () => applyFilter(root));
  root.addEventListener("click", (event) => {
    const button = event.target.closest("[data-action]");
    if (!button || !root.contains(button)) {
      return;
    }
    if (button.dataset.action === "clear") reset(root);
    else if (button.dataset.action === "markdown") makeMarkdown(root);
    else if (button.dataset.action === "download") downloadMarkdown(root);
  });
  mountFilePicker(root, { onFiles: (files) => addFiles(root, files), showStatus: () => showStatus(root) });
}
