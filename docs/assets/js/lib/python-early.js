/**
 * lib/python-early.js — starts the tab's Python worker, as early as the page allows.
 *
 * This file is loaded two ways, which is why it has no import or export:
 *
 * - as a classic script at the top of a calculator page's <head>, right after the
 *   `<meta data-p2p-python="early">` that says where the runtime is (sitebuild/runtime.py,
 *   head_html). The parser runs it before it reaches the stylesheets and Material's bundle, so
 *   the worker starts a few milliseconds after the page arrives. An async module does not do
 *   that: the parser executes the scripts already in the cache one after another without
 *   yielding, so an async module ran only once parsing had ended, 200 ms and more later.
 * - as a module imported by lib/python.js, which is how a page reached by Material's instant
 *   navigation (whose <head> never runs) gets the same starter.
 *
 * Either way it defines one starter per tab, `globalThis.p2pPythonStarter`:
 *
 *   settings(element) -> {pyodideBase, wheelUrl, stdlibUrl, lockInfo, bootTimeoutMs}
 *       where the runtime is, read from the element's data attributes; throws an Error when the
 *       element does not say.
 *   start(element, workerUrl) -> {worker, settings, listen(onEvent)} | throws
 *       creates the module worker and sends it the boot message. Until `listen` is called, the
 *       worker's messages and errors are held, so nothing it says before lib/python.js has run is
 *       lost; `listen` hands the held events over in order, then the live ones.
 *   takeEarly() -> the start made from <head> (or its Error), once; null when there was none.
 *
 * Everything after the start (time limits, status, calls) belongs to lib/python.js.
 */
(function defineStarter() {
  "use strict";
  if (globalThis.p2pPythonStarter) {
    return; // the classic script ran already; this is lib/python.js importing it
  }

  const DEFAULT_BOOT_TIMEOUT_MS = 90000;

  function settings(element) {
    const base = element ? element.dataset.pyodideBase : null;
    const wheel = element ? element.dataset.wheel : null;
    if (!base || !wheel) {
      throw new Error("this page does not say where the Python runtime is");
    }
    const timeout = Number(element.dataset.bootTimeout);
    const stdlib = element.dataset.stdlib;
    return {
      pyodideBase: new URL(base, document.baseURI).href,
      wheelUrl: new URL(wheel, document.baseURI).href,
      stdlibUrl: stdlib ? new URL(stdlib, document.baseURI).href : "",
      lockInfo: element.dataset.pyodideLock || "",
      bootTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_BOOT_TIMEOUT_MS,
    };
  }

  function start(element, workerUrl) {
    const found = settings(element);
    if (performance.mark) {
      performance.mark("p2p:python-boot-start"); // bench/run.py reads this mark
    }
    const worker = new Worker(workerUrl, { type: "module" });
    let held = [];
    let onEvent = null;
    const deliver = (event) => (onEvent ? onEvent(event) : held.push(event));
    for (const type of ["message", "messageerror", "error"]) {
      worker.addEventListener(type, deliver);
    }
    worker.postMessage({
      type: "boot",
      pyodideBase: found.pyodideBase,
      wheelUrl: found.wheelUrl,
      stdlibUrl: found.stdlibUrl,
      lockInfo: found.lockInfo,
    });
    return {
      worker,
      settings: found,
      listen(listener) {
        onEvent = listener;
        const earlier = held;
        held = [];
        for (const event of earlier) {
          listener(event);
        }
      },
    };
  }

  let early = null;
  const script = document.currentScript; // null when imported as a module
  const element = document.querySelector('[data-p2p-python="early"]');
  if (script && element) {
    try {
      early = start(element, new URL("python-worker.js", script.src).href);
    } catch (error) {
      early = error instanceof Error ? error : new Error(String(error));
    }
  }

  globalThis.p2pPythonStarter = Object.freeze({
    settings,
    start,
    takeEarly() {
      const taken = early;
      early = null;
      return taken;
    },
  });
})();
