// Entry point for the checklists. Loaded on every page but tiny: the rest of the code is
// imported only when a page holds a checklist form.
//
// Material's instant navigation swaps the page content without reloading scripts, so the
// forms are found again on each `document$` emission and mounted once each (marked with
// data-p2p-mounted). Window-level listeners are registered here, once, at module load,
// and look up the current forms each time they fire: no element is kept between pages.

import { pendingShare } from "./checklist-pending.js";
import { decodeFragment, fragmentParam } from "./fragment-codec.js";

const FORM_SELECTOR = "form.p2p-checklist[data-checklist]";
let mountModule = null;
let loadedModule = null; // the same module once loaded, for handlers that must run synchronously

// Material's navigation.tracking may replace the address bar's fragment with the heading in view
// before a checklist mounts, so a share payload is also taken from where it first appeared: the
// fragment this document was loaded with (used once), an in-site link the reader followed
// (instant navigation), the hashchange event's new URL, or a banner left open before a reload.
let openedWith = window.location.hash;
let followed = null;

document.addEventListener(
  "click",
  (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link) return;
    const url = new URL(link.href, window.location.href);
    const payload = url.origin === window.location.origin ? fragmentParam(url.hash) : null;
    followed = payload ? { path: url.pathname, payload } : null;
  },
  true,
);

function sharePayload() {
  const path = window.location.pathname;
  let payload = fragmentParam(window.location.hash);
  if (!payload && openedWith !== null) payload = fragmentParam(openedWith);
  openedWith = null;
  if (!payload && followed && followed.path === path) payload = followed.payload;
  followed = null;
  return payload || pendingShare();
}

function loadMount() {
  if (!mountModule) {
    mountModule = import("./checklist-mount.js").then((module) => {
      loadedModule = module;
      return module;
    });
  }
  return mountModule;
}

function forms() {
  return [...document.querySelectorAll(FORM_SELECTOR)];
}

async function mountAll() {
  const pending = forms().filter((form) => !form.dataset.p2pMounted);
  if (pending.length === 0) return;
  // Mark synchronously so an emission arriving during the import does not mount twice.
  for (const form of pending) form.dataset.p2pMounted = "pending";
  const { mountChecklist } = await loadMount();
  for (const form of pending) {
    if (!form.isConnected) continue; // the reader navigated on while the module loaded
    try {
      mountChecklist(form);
    } catch (error) {
      form.dataset.p2pMounted = "failed";
      console.error("pilot2prod: checklist could not start", error);
    }
  }
}

async function routeShareLink(payload) {
  const onPage = forms().filter((form) => form.dataset.p2pMounted === "true");
  if (!payload || onPage.length === 0) return;
  const { controllerOf } = await loadMount();
  let doc;
  try {
    doc = await decodeFragment(payload);
  } catch (error) {
    const controller = controllerOf(onPage[0]);
    if (controller) controller.notify(`${error.message} Nothing was changed.`, { kind: "error" });
    return;
  }
  const target = onPage.find((form) => form.dataset.checklist === doc.checklist);
  if (!target) {
    const controller = controllerOf(onPage[0]);
    const name = typeof doc.checklist === "string" ? `“${doc.checklist.slice(0, 60)}”` : "an unnamed checklist";
    if (controller) controller.notify(`The share link holds answers for ${name}, which is not on this page. Nothing was changed.`, { kind: "error" });
    return;
  }
  const controller = controllerOf(target);
  if (controller) controller.offerShared(doc, payload);
}

async function start() {
  const payload = sharePayload();
  await mountAll();
  await routeShareLink(payload);
}

window.addEventListener("hashchange", (event) => {
  const payload = fragmentParam(new URL(event.newURL).hash);
  if (payload) routeShareLink(payload);
});

window.addEventListener("storage", async (event) => {
  if (!event.key || !event.key.startsWith("pilot2prod:answers:")) return;
  const id = event.key.slice("pilot2prod:answers:".length);
  const form = forms().find((f) => f.dataset.checklist === id && f.dataset.p2pMounted === "true");
  if (!form) return;
  const { controllerOf } = await loadMount();
  const controller = controllerOf(form);
  if (controller) controller.syncFromStorage();
});

window.addEventListener("beforeprint", async () => {
  if (!mountModule) return;
  (await mountModule).refreshPrintHeaders();
});

window.addEventListener("pagehide", () => {
  // The page is going away: a note typed in the last moment is saved now, not after a delay.
  if (loadedModule) loadedModule.flushPendingSaves();
});

window.addEventListener("afterprint", async () => {
  if (!mountModule) return;
  (await mountModule).endPrint();
});

if (window.document$ && typeof window.document$.subscribe === "function") {
  window.document$.subscribe(() => {
    start();
  });
} else {
  start();
}
