// The run-cost page's model picker (data-p2p-component="price-picker", macros/price_picker.py).
//
// A text input with the models Python finds for what the reader typed ("cost.models", one rule
// for the page and the command line: names, aliases, best first) listed under it as buttons;
// Enter takes the first. The search runs in the worker, so this module only shows its answer and
// looks the chosen key up in the table. The table it reads (assets/data/model-prices.json) already holds each model's
// values for every price field, worked out in Python from the genai-prices data at build time
// (a model without a batch tier has a batch discount of 0), so no price is computed here.
//
// The picker fills nothing itself: it hands the chosen model to the calculator
// (components/calculator.js) as a preset, in a "pilot2prod:preset" event, and the calculator
// fills the fields through Python, naming every change and offering one Undo. The model whose
// prices the form follows is announced the same way (with `apply: false`) whenever the inputs
// are replaced, so each field can say whether its value is the list's or the reader's own. The
// picker's own value travels with the saved and shared inputs as "model". It shows the list's
// source, as-of date and the provider's price page, with a notice when the list is older than
// the table's stale_after_days.

import { h, part, setText } from "../lib/dom.js";
import { callPython } from "../lib/python.js";

const DAY_MS = 24 * 60 * 60 * 1000;

const tables = new Map(); // url -> promise of the parsed table, shared by later pages in the tab

function loadTable(url) {
  if (!tables.has(url)) {
    tables.set(
      url,
      fetch(url).then((response) => {
        if (!response.ok) throw new Error(`the price list could not be loaded (${response.status})`);
        return response.json();
      }),
    );
  }
  return tables.get(url);
}

function index(table) {
  // Keys are "provider/model" strings kept in a Map, never object keys, so an id such as
  // "constructor" cannot collide with anything built in.
  const models = new Map();
  for (const provider of table.providers || []) {
    for (const model of provider.models || []) {
      models.set(`${provider.id}/${model.id}`.toLowerCase(), { provider, model });
    }
  }
  return models;
}

const SEARCH_DELAY_MS = 120; // one search per pause in typing, not one per key

function showMatches(root, reply, onPick) {
  // Python's matches as buttons, in its order; its sentence says what they are.
  setText(part(root, "price-summary"), reply ? reply.summary : "");
  const items = (reply ? reply.matches : []).map((match) => {
    const button = h(
      "button",
      { type: "button", class: "p2p-prices__match", "data-key": match.key },
      h("span", { text: `${match.provider} ${match.name}` }),
      " ",
      h("code", { text: match.key }),
    );
    button.addEventListener("click", () => onPick(match.key));
    return h("li", {}, button);
  });
  part(root, "price-matches").replaceChildren(...items);
}

function daysSince(isoDate, now) {
  const [year, month, day] = String(isoDate).split("-").map(Number);
  const then = Date.UTC(year, month - 1, day);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.floor((today - then) / DAY_MS);
}

function showStale(root, table) {
  const notice = part(root, "price-stale");
  const age = daysSince(table.as_of, new Date());
  const limit = Number(table.stale_after_days);
  if (Number.isFinite(age) && Number.isFinite(limit) && age > limit) {
    setText(
      notice,
      `This price list is ${age} days old (as of ${table.as_of}). Providers change their prices ` +
        "often: check the figures against the provider's own price page before you rely on them.",
    );
    notice.hidden = false;
  } else {
    notice.hidden = true;
  }
}

function showSource(root, table, models) {
  // What the chosen model's list says; the model found, or null.
  const input = root.querySelector("input[name=model]");
  const found = models.get(input.value.trim().toLowerCase());
  const source = part(root, "price-source");
  if (!found) {
    source.replaceChildren();
    return null;
  }
  const parts = [
    `${found.provider.name} ${found.model.name}: prices from ${table.source}, as of ${table.as_of}. `,
  ];
  if (found.model.note !== undefined && table.notes && table.notes[found.model.note]) {
    parts.push(`${table.notes[found.model.note]} `);
  }
  const children = [parts.join("")];
  if (/^https:\/\//.test(found.provider.url || "")) {
    children.push(h("a", { href: found.provider.url, rel: "noopener", text: `${found.provider.name}'s price page` }), ".");
  }
  source.replaceChildren(...children);
  return found;
}

function presetOf(table, found) {
  // The listed model as the calculator takes a preset: its name, and every field's value.
  const fields = { model: `${found.provider.id}/${found.model.id}` };
  table.fields.forEach((name, position) => {
    const value = found.model.values[position];
    if (typeof value === "string") fields[name] = value;
  });
  return { kind: "price-list", name: `${found.provider.name} ${found.model.name}`, fields };
}

export async function mount(root) {
  const calculator = root.closest(".p2p-calc");
  const input = root.querySelector("input[name=model]");
  const total = part(root, "price-total");
  root.hidden = false;
  let table = null;
  let models = new Map();
  const tell = (apply) => {
    // The model the form follows (or none) to the calculator; with `apply`, fill its prices.
    if (!table) return;
    const found = showSource(root, table, models);
    total.hidden = !found;
    calculator?.dispatchEvent(
      new CustomEvent("pilot2prod:preset", { detail: { preset: found ? presetOf(table, found) : null, apply } }),
    );
  };
  // Listening before the table arrives: saved or loaded inputs may name a model meanwhile.
  calculator?.addEventListener("pilot2prod:inputs-replaced", () => tell(false));
  try {
    table = await loadTable(root.dataset.pricesUrl);
  } catch (error) {
    setText(part(root, "price-source"), `${error.message}; type the prices by hand.`);
    input.disabled = true;
    return;
  }
  models = index(table);
  showStale(root, table);
  let applied = null; // the model last filled in, so leaving the field does not fill it twice
  const choose = (again) => {
    const found = showSource(root, table, models);
    const key = found ? `${found.provider.id}/${found.model.id}` : null;
    if (found && (again || key !== applied)) {
      applied = key;
      tell(true);
    }
    total.hidden = !found;
  };
  let asked = 0; // the latest search, so a slow early answer never replaces a later one
  let timer = 0; // the search waiting for a pause in typing
  const search = async () => {
    const mine = ++asked;
    const query = input.value;
    let reply = null;
    try {
      reply = query.trim() ? await callPython("cost.models", { query }) : null;
    } catch (error) {
      setText(part(root, "price-summary"), `The list could not be searched: ${error.message}.`);
      return null;
    }
    if (mine !== asked) return null;
    showMatches(root, reply, pick);
    return reply;
  };
  const pick = (key) => {
    clearTimeout(timer);
    asked += 1; // a search still on its way is for what was typed before this choice
    input.value = key;
    showMatches(root, null, pick);
    choose(true);
  };
  // Typing a name letter by letter passes through other models' names ("gpt-4" on the way to
  // "gpt-4o"): only a choice from the matches, Enter, or leaving the field on a listed key
  // fills the prices.
  input.addEventListener("input", () => {
    applied = null;
    total.hidden = !showSource(root, table, models);
    clearTimeout(timer);
    timer = setTimeout(search, SEARCH_DELAY_MS);
  });
  input.addEventListener("change", () => choose(false));
  input.addEventListener("keydown", async (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    clearTimeout(timer);
    if (models.has(input.value.trim().toLowerCase())) {
      showMatches(root, null, pick);
      choose(true);
      return;
    }
    const reply = await search();
    if (reply && reply.matches.length) pick(reply.matches[0].key);
  });
  // The monthly figure beside the picker follows the calculator's results once a model is set.
  const monthly = calculator?.querySelector('output[name="monthly"]');
  calculator?.addEventListener("pilot2prod:calculated", () => {
    setText(part(root, "price-total-value"), monthly ? monthly.textContent : "");
  });
  setText(part(root, "price-total-value"), monthly ? monthly.textContent : "");
  tell(false);
  total.hidden = !showSource(root, table, models);
}
