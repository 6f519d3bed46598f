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
 *       `files` ({key: ArrayBuffer}) hands files to Python as bytes beside the request: each is
 *       moved (not copied) to the worker and kept by pilot2prod.api.uploads under its key until
 *       the function, named that key in `payload`, takes it. With `maxDepth` (Python's limit,
 *       from the page), the worker also measures how deep each file nests.
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
 * pages load no Python at all. A calculator page's <head> starts the worker before any of this
 * has loaded (python-early.js, a classic script); startPython adopts that worker, with whatever
 * it said meanwhile, and starts one itself only when the page was reached without it.
 * Pyodide 314 can hang instead of failing when WebAssembly is blocked, served with the wrong MIME
 * type or forbidden by a content security policy, hence the time limits here.
 */

import "./python-early.js";

const DEFAULT_CALL_TIMEOUT_MS = 10000;
const starter = globalThis.p2pPythonStarter; // defined by python-early.js, imported above

let worker = null;
let bootPromise = null;
let status = "idle";
let failure = null;
let nextId = 1;
let progress = null; // {done, total, bytes}: the runtime's files downloaded so far, while booting (bytes null: unknown)
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
  try {
    return starter.settings(document.querySelector("[data-pyodide-base][data-wheel]"));
  } catch (error) {
    throw pythonError("boot", error.message);
  }
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
    // The worker <head> started (python-early.js), or one started now; a start that failed
    // there is tried again here, so its failure is reported like any other.
    let started = starter.takeEarly();
    if (!started || started instanceof Error) {
      try {
        started = starter.start(
          document.querySelector("[data-pyodide-base][data-wheel]"),
          new URL("./python-worker.js", import.meta.url).href,
        );
      } catch {
        settle(false, "this browser cannot start the background worker the calculator needs");
        return;
      }
    }
    worker = started.worker;
    timer = setTimeout(
      () => settle(false, "the Python runtime took too long to start"),
      settings.bootTimeoutMs,
    );
    started.listen((event) => {
      if (event.type === "error") {
        event.preventDefault();
        settle(false, "the Python runtime could not be loaded");
        return;
      }
      if (event.type === "messageerror") {
        settle(false, "the Python runtime sent garbage");
        return;
      }
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
  });
  bootPromise.catch(() => {});
  return bootPromise;
}

/** Run one function of pilot2prod.api; see the API notes at the top of this file. */
export async function callPython(name, payload, { timeoutMs = DEFAULT_CALL_TIMEOUT_MS, files = null, maxDepth = null } = {}) {
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
    if (files) {
      worker.postMessage({ type: "call", id, name, payload: text, files, maxDepth }, Object.values(files));
    } else {
      worker.postMessage({ type: "call", id, name, payload: text });
    }
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
  // Some browsers (WebKit) do not tell a worker how large its files were: then files only.
  const sized = progress && progress.bytes !== null;
  if (progress && progress.done >= progress.total) {
    const size = sized ? ` (${megabytes(progress.bytes)})` : "";
    return `Starting ${what}… The Python runtime is downloaded${size} and starting.`;
  }
  if (progress && progress.done > 0) {
    const size = sized ? ` (${megabytes(progress.bytes)} so far)` : "";
    return (
      `Starting ${what}… Downloading the Python runtime: ${progress.done} of ${progress.total} ` +
      `files${size}. Other pages of this site reuse it.`
    );
  }
  return `Starting ${what}… The first visit downloads the Python runtime; other pages of this site reuse it.`;
}

/** The status line once Python has failed: "`What` is not available: <reason>." */
export function failedText(what) {
  return `${what} is not available: ${failure || "Python could not start"}.`;
}

// A page whose <head> started the worker is waiting for Python: adopt it now, so its progress
// and its failure reach the components from the moment they mount; startPython keeps one boot.
if (document.querySelector('[data-p2p-python="early"]')) {
  startPython().catch(() => {}); // the component reports a failure through its status line
}
