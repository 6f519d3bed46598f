/**
 * lib/python.js — the one way page scripts run pilot2prod's Python in the browser.
 *
 * Stable API (the calculators rely on it):
 *
 *   callPython(name, payload, {timeoutMs}) -> Promise<object>
 *       Runs `FUNCTIONS[name]` of `pilot2prod.api` on `payload` (any JSON-able object)
 *       in the tab's Pyodide worker, booting it first if needed. Resolves with the function's
 *       result object. Rejects with an Error whose message is plain language and whose `kind` is
 *       "boot" (Python could not start), "timeout" (no answer within the limit), "input" (the
 *       function answered {"error": ...}; the message is that error) or "internal".
 *       `timeoutMs` bounds the call itself once Python is running (default 10 s); starting
 *       Python has its own limit (data-boot-timeout on the runtime element, default 90 s).
 *   startPython() -> Promise<void>        start booting now; callPython does it on demand
 *   pythonStatus() -> "idle" | "booting" | "ready" | "failed"
 *   pythonFailure() -> string | null      the plain reason after "failed"
 *   onPythonStatus(listener) -> () => void   listener(status) on every change; returns unsubscribe
 *   bootingText(what), failedText(what)   the status wording every component shows
 *
 * Where Python comes from: the first element of the page carrying `data-pyodide-base` and
 * `data-wheel` (the macros render them; relative URLs resolve against the page), and, when the
 * site hosts Pyodide itself, `data-stdlib` (the site's compiled library, which holds the package
 * and replaces the wheel) and `data-pyodide-lock` (the lock's `info`, so no lock file is fetched).
 *
 * One module worker per tab lives in this module, so Material's instant navigation (which keeps
 * modules loaded) reuses it on every later page. Import this file only from pages that hold a
 * calculator (the components do, and main.js imports them only where they appear), so content
 * pages load no Python at all. The assessment page also loads this file as an async module right
 * after the readiness widget (macros/readiness_widget.py), and the element carrying
 * data-p2p-python="early" makes it start booting at once, before Material's bundle has run.
 * Pyodide 314 can hang instead of failing when WebAssembly is blocked, served with the wrong MIME
 * type or forbidden by a content security policy, hence the time limits here.
 */

const DEFAULT_CALL_TIMEOUT_MS = 10000;
const DEFAULT_BOOT_TIMEOUT_MS = 90000;

let worker = null;
let bootPromise = null;
let status = "idle";
let failure = null;
let nextId = 1;
let progress = null; // {done, total, bytes}: the runtime's files downloaded so far, while booting
const pending = new Map();
const listeners = new Set();

function setStatus(next) {
  status = next;
  for (const listener of [...listeners]) {
    try {
      listener(status);
    } catch (error) {
      console.error(error);
    }
  }
}

function mark(name) {
  if (typeof performance !== "undefined" && performance.mark) {
    performance.mark(name);
  }
}

function pythonError(kind, message) {
  const error = new Error(message);
  error.kind = kind;
  return error;
}

function runtimeSettings() {
  const element = document.querySelector("[data-pyodide-base][data-wheel]");
  const base = element ? element.dataset.pyodideBase : null;
  const wheel = element ? element.dataset.wheel : null;
  if (!base || !wheel) {
    throw pythonError("boot", "this page does not say where the Python runtime is");
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

function dropWorker(reason) {
  if (worker) {
    worker.terminate();
  }
  worker = null;
  bootPromise = null;
  for (const [, entry] of pending) {
    clearTimeout(entry.timer);
    entry.reject(reason);
  }
  pending.clear();
}

function fail(message) {
  failure = message;
  dropWorker(pythonError("boot", message));
  setStatus("failed");
}

function onMessage(event) {
  const message = event.data || {};
  if (message.type === "result") {
    const entry = pending.get(message.id);
    if (!entry) {
      return;
    }
    pending.delete(message.id);
    clearTimeout(entry.timer);
    if (message.failure !== undefined) {
      entry.reject(pythonError("internal", "the calculator stopped unexpectedly"));
      return;
    }
    let result;
    try {
      result = JSON.parse(message.json);
    } catch {
      entry.reject(pythonError("internal", "the calculator gave an answer that could not be read"));
      return;
    }
    if (result && typeof result === "object" && typeof result.error === "string") {
      entry.reject(pythonError("input", result.error));
    } else {
      entry.resolve(result);
    }
  }
}

/** Start the worker and boot Pyodide once per tab; later calls share the same promise. */
export function startPython() {
  if (bootPromise) {
    return bootPromise;
  }
  if (status === "failed") {
    return Promise.reject(pythonError("boot", failure));
  }
  let settings;
  try {
    settings = runtimeSettings();
  } catch (error) {
    fail(error.message);
    return Promise.reject(error);
  }
  setStatus("booting");
  mark("p2p:python-boot-start"); // bench/run.py reads these marks
  bootPromise = new Promise((resolve, reject) => {
    let timer = null;
    const settle = (ok, message) => {
      clearTimeout(timer);
      if (ok) {
        mark("p2p:python-ready");
        setStatus("ready");
        resolve();
      } else {
        fail(message);
        reject(pythonError("boot", message));
      }
    };
    try {
      worker = new Worker(new URL("./python-worker.js", import.meta.url), { type: "module" });
    } catch {
      settle(false, "this browser cannot start the background worker the calculator needs");
      return;
    }
    timer = setTimeout(
      () => settle(false, "the Python runtime took too long to start"),
      settings.bootTimeoutMs,
    );
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      settle(false, "the Python runtime could not be loaded");
    });
    worker.addEventListener("messageerror", () => settle(false, "the Python runtime sent garbage"));
    worker.addEventListener("message", (event) => {
      const message = event.data || {};
      if (message.type === "progress") {
        // Only when a file completes, so the live region speaks a few times, not every tick.
        if (!progress || progress.done !== message.done) {
          progress = { done: message.done, total: message.total, bytes: message.bytes };
          setStatus(status);
        }
      } else if (message.type === "booted") {
        settle(true);
      } else if (message.type === "boot-failed") {
        settle(false, message.message || "the Python runtime could not start");
      } else {
        onMessage(event);
      }
    });
    worker.postMessage({
      type: "boot",
      pyodideBase: settings.pyodideBase,
      wheelUrl: settings.wheelUrl,
      stdlibUrl: settings.stdlibUrl,
      lockInfo: settings.lockInfo,
    });
  });
  bootPromise.catch(() => {});
  return bootPromise;
}

/** Run one function of pilot2prod.api; see the API notes at the top of this file. */
export async function callPython(name, payload, { timeoutMs = DEFAULT_CALL_TIMEOUT_MS } = {}) {
  await startPython();
  if (!worker) {
    await startPython(); // another call's time limit dropped the worker meanwhile
  }
  const text = JSON.stringify(payload === undefined ? {} : payload);
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const timer = setTimeout(() => {
      pending.delete(id);
      // A call that never returns leaves Python busy for good: start afresh next time.
      dropWorker(pythonError("timeout", "the calculation was stopped because it took too long"));
      setStatus("idle");
      reject(pythonError("timeout", "the calculation took too long and was stopped"));
    }, timeoutMs);
    pending.set(id, { resolve, reject, timer });
    worker.postMessage({ type: "call", id, name, payload: text });
  });
}

/** The runtime's state: "idle", "booting", "ready" or "failed". */
export function pythonStatus() {
  return status;
}

/** Why the runtime failed, in plain words, or null. */
export function pythonFailure() {
  return failure;
}

/** Call `listener(status)` on every change of state; returns a function that stops it. */
export function onPythonStatus(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The status line while Python starts: "Starting the `what`…", then how far the download is. */
export function bootingText(what) {
  if (progress && progress.done >= progress.total) {
    return `Starting ${what}… The Python runtime is downloaded (${megabytes(progress.bytes)}) and starting.`;
  }
  if (progress && progress.done > 0) {
    return (
      `Starting ${what}… Downloading the Python runtime: ${progress.done} of ${progress.total} ` +
      `files (${megabytes(progress.bytes)} so far). Other pages of this site reuse it.`
    );
  }
  return `Starting ${what}… The first visit downloads the Python runtime; other pages of this site reuse it.`;
}

/** The status line once Python has failed: "`What` is not available: <reason>." */
export function failedText(what) {
  return `${what} is not available: ${failure || "Python could not start"}.`;
}

// The download and compile of Pyodide are what the first result waits for, so a page that asks
// for it starts booting the moment this module runs; startPython keeps one boot per tab.
if (document.querySelector('[data-p2p-python="early"]')) {
  startPython().catch(() => {}); // the component reports a failure through its status line
}
