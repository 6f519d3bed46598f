// The run-cost page's model picker (data-p2p-component="price-picker", macros/price_picker.py).
//
// A text input tied to a <datalist>: the browser's own list, searchable by typing and driven by
// the arrow keys. The table it reads (assets/data/model-prices.json) already holds each model's
// values for the form's fields, worked out in Python from the genai-prices data at build time,
// so this module only copies them: no price is computed here. Filling a field sends the same
// "input" event typing does, so the calculator (components/calculator.js) saves and recomputes
// as usual, and the picker's own value travels with the saved and shared inputs as "model".
//
// Beside each filled field a line says whether the value is the price list's or the reader's
// own (once it differs), and the picker shows the list's source, as-of date and the provider's
// price page, with a notice when the list is older than the table's stale_after_days.

import { h, part, setText } from "../lib/dom.js";

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

function fillList(list, table) {
  const options = [];
  for (const provider of table.providers || []) {
    for (const model of provider.models || []) {
      options.push(h("option", { value: `${provider.id}/${model.id}`, label: `${provider.name}: ${model.name}` }));
    }
  }
  list.replaceChildren(...options);
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

function fieldControl(form, name) {
  return form.querySelector(`[data-field="${CSS.escape(name)}"] [name="${CSS.escape(name)}"]`);
}

function markSlot(form, name) {
  const field = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
  if (!field) return null;
  let slot = field.querySelector("[data-price-mark]");
  if (!slot) {
    const control = field.querySelector(`[name="${CSS.escape(name)}"]`);
    slot = h("p", { class: "p2p-prices__mark", id: `${control.id}-mark`, data: { priceMark: "" } });
    control.setAttribute("aria-describedby", `${control.getAttribute("aria-describedby") || ""} ${slot.id}`.trim());
    field.append(slot);
  }
  return slot;
}

function sameNumber(a, b) {
  const x = Number(String(a).trim());
  return String(a).trim() !== "" && Number.isFinite(x) && x === Number(b);
}

function showSource(root, form, table, models) {
  // What the chosen model's list says, and which fields still hold its values.
  const input = root.querySelector("input[name=model]");
  const found = models.get(input.value.trim().toLowerCase());
  const source = part(root, "price-source");
  for (const name of table.fields || []) {
    const slot = markSlot(form, name);
    if (!slot) continue;
    const value = found ? found.model.values[table.fields.indexOf(name)] : null;
    const control = fieldControl(form, name);
    if (!found || value === null || value === undefined) {
      slot.textContent = "";
      slot.hidden = true;
      slot.dataset.priceMark = "";
      continue;
    }
    slot.hidden = false;
    if (sameNumber(control.value, value)) {
      slot.dataset.priceMark = "list";
      setText(slot, `From the price list for ${found.model.name}.`);
    } else {
      slot.dataset.priceMark = "own";
      setText(slot, `Your own figure; the price list gives ${value}.`);
    }
  }
  if (!found) {
    source.replaceChildren();
    if (input.value.trim()) {
      setText(source, `No model "${input.value.trim().slice(0, 80)}" in the price list: choose one from the suggestions.`);
    }
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

function fill(form, table, found) {
  table.fields.forEach((name, position) => {
    const value = found.model.values[position];
    const control = fieldControl(form, name);
    if (control && value !== null && value !== undefined && control.value !== value) {
      control.value = value;
      control.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
}

export async function mount(root) {
  const form = root.closest("form");
  const input = root.querySelector("input[name=model]");
  const list = root.querySelector("datalist");
  root.hidden = false;
  let table;
  try {
    table = await loadTable(root.dataset.pricesUrl);
  } catch (error) {
    setText(part(root, "price-source"), `${error.message}; type the prices by hand.`);
    input.disabled = true;
    return;
  }
  const models = index(table);
  fillList(list, table);
  showStale(root, table);
  const choose = () => {
    const found = showSource(root, form, table, models);
    if (found) {
      fill(form, table, found);
      showSource(root, form, table, models);
    }
  };
  // Typing a name letter by letter passes through other models' names ("gpt-4" on the way to
  // "gpt-4o"): only a choice from the list (or Enter, or leaving the field) fills the prices.
  input.addEventListener("input", (event) => {
    if (event.inputType === "insertReplacementText" || event.inputType === undefined) choose();
    else showSource(root, form, table, models);
  });
  input.addEventListener("change", choose);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      choose();
    }
  });
  const refresh = () => showSource(root, form, table, models);
  form.addEventListener("input", (event) => {
    if (event.target !== input) refresh();
  });
  // Saved or shared inputs reach the form without events; the first result follows them.
  root.closest(".p2p-calc")?.addEventListener("pilot2prod:calculated", refresh);
  refresh();
}
