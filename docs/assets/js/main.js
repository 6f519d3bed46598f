// The site's one entry module, listed in mkdocs.yml and loaded on every page, so it stays small:
// it finds the components a page holds and imports each one's code only where it appears.
//
// Material's instant navigation swaps the page content without reloading scripts, so this
// subscribes once to `document$`, which emits for every page shown (the first one included), and
// then finds components again by their one attribute, data-p2p-component. Each element is
// mounted once and carries the one mount marker, data-p2p-mounted: "pending" while its code
// loads, then "true", or "failed" when it could not start. Nothing is kept between pages.
//
// A component module exports `mount(element, context)` (may return a promise) and may export
// `settle(elements, context)`, run once per page after its elements are mounted. `context.share`
// is the "#p2p=" payload meant for this page (see lib/sharelink.js), taken when the page appeared.

import { nextTask } from "./lib/dom.js";
import { takeSharePayload } from "./lib/sharelink.js";
// Imported by sharelink.js; listed here as well so it arrives in the same round trip.
import "./lib/rules.js";

/** Every component of the site: its data-p2p-component name, and how to load its code. */
const COMPONENTS = {
  checklist: () => import("./components/checklist.js"),
  readiness: () => import("./components/readiness.js"),
  calculator: () => import("./components/calculator.js"),
  "price-picker": () => import("./components/price-picker.js"),
  team: () => import("./components/team.js"),
  portfolio: () => import("./components/portfolio.js"),
  plan: () => import("./components/plan.js"),
  milestones: () => import("./components/milestones.js"),
};

const loaded = new Map();

function load(name) {
  if (!loaded.has(name)) {
    loaded.set(name, COMPONENTS[name]());
  }
  return loaded.get(name);
}

function elementsOf(name) {
  return [...document.querySelectorAll(`[data-p2p-component="${name}"]`)];
}

async function mountComponent(name, context) {
  const elements = elementsOf(name);
  const pending = elements.filter((element) => !element.dataset.p2pMounted);
  // Marked before the import, so an emission arriving meanwhile does not mount twice.
  for (const element of pending) element.dataset.p2pMounted = "pending";
  let module;
  try {
    module = await load(name);
  } catch (error) {
    for (const element of pending) element.dataset.p2pMounted = "failed";
    console.error(`pilot2prod: the ${name} code could not be loaded`, error);
    return;
  }
  await Promise.all(
    pending.map(async (element) => {
      // Each element mounts in a task of its own. Modules that arrive together (from the cache)
      // would otherwise mount back to back in one task and hold the main thread for their sum.
      await nextTask();
      if (!element.isConnected) return; // the reader navigated on while the code loaded
      try {
        await module.mount(element, context);
        element.dataset.p2pMounted = "true";
      } catch (error) {
        element.dataset.p2pMounted = "failed";
        console.error(`pilot2prod: a ${name} could not start`, error);
      }
    }),
  );
  if (module.settle) {
    const mounted = elementsOf(name).filter((element) => element.dataset.p2pMounted === "true");
    if (mounted.length) await module.settle(mounted, context);
  }
}

function start() {
  const context = { share: takeSharePayload() };
  for (const name of Object.keys(COMPONENTS)) {
    if (document.querySelector(`[data-p2p-component="${name}"]`)) {
      mountComponent(name, context);
    }
  }
}

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(start);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
