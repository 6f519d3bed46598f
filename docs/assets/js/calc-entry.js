// What every calculator's entry point does, kept small because the entry points load on every
// page: the shared calculator code (calc-widget.js) and the Python client are imported only when
// a page holds the calculator. Material's instant navigation keeps modules loaded and swaps the
// content, so the calculator is looked up again on every document$ emission and mounted once
// per element. (Not in calc-widget.js itself: importing that would fetch the Python client on
// every page.)

/**
 * Mount every `selector` element as a calculator, now and after each instant navigation.
 * `name` names it in the console if it cannot start; `options` go to mountCalculator.
 */
export function startCalculators(selector, name, options = {}) {
  let core = null;

  function loadCore() {
    if (!core) {
      core = import("./calc-widget.js");
    }
    return core;
  }

  // With instant navigation, Material's navigation.tracking replaces the new address's fragment
  // with an anchor of the page being left before the new page appears, so a link carrying inputs
  // (#p2p=...) is remembered when it is clicked.
  let clicked = null;
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href*="#p2p="]') : null;
      if (link) {
        const url = new URL(link.href, document.baseURI);
        clicked = { path: url.pathname, hash: url.hash };
      }
    },
    true,
  );

  function mountAll() {
    const hash = clicked && clicked.path === window.location.pathname ? clicked.hash : window.location.hash;
    clicked = null;
    const pending = [...document.querySelectorAll(selector)].filter((root) => !root.dataset.p2pMounted);
    if (pending.length === 0) {
      return;
    }
    for (const root of pending) {
      root.dataset.p2pMounted = "pending"; // an emission during the import must not mount twice
    }
    loadCore()
      .then(({ mountCalculator }) => {
        for (const root of pending) {
          if (root.isConnected) {
            mountCalculator(root, { ...options, hash });
          }
        }
      })
      .catch((error) => console.error(`pilot2prod: the ${name} could not start`, error));
  }

  if (window.document$) {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
}
