// Building and updating DOM pieces. Every piece of text goes in through textContent or an
// attribute, never through markup, so nothing a reader typed or a file brought is parsed as HTML.

/** Create an element: h("button", {type: "button", class: "x", text: "Go"}, child, …). */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key === "data") Object.assign(node.dataset, value);
    else if (value === true) node.setAttribute(key, "");
    else node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

/** The element of `root` that carries data-role="`role`", or null. */
export function part(root, role) {
  return root.querySelector(`[data-role="${role}"]`);
}

/** Set an element's text, leaving it alone when unchanged (no needless live-region chatter). */
export function setText(element, text) {
  if (element && element.textContent !== text) {
    element.textContent = text;
  }
}

/** A promise kept in a task of its own: the browser gets a turn (input, painting) first. */
export function nextTask() {
  if (globalThis.scheduler && typeof globalThis.scheduler.yield === "function") return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
