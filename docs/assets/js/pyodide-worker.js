// Module worker that runs pilot2prod's Python in Pyodide, one per tab (see pyodide-client.js).
//
// Messages in:  {type: "boot", pyodideBase, wheelUrl}
//               {type: "call", id, name, payload}        payload: JSON text
// Messages out: {type: "booted", ms} | {type: "boot-failed", message}
//               {type: "result", id, json} | {type: "result", id, failure}
//
// Pyodide 314 ships only as an ES module, so this file must be started with {type: "module"}.

let booting = null;

function plainReason(error) {
  const text = String((error && error.message) || error || "");
  if (/wasm|WebAssembly|CompileError|instantiate/i.test(text)) {
    return "this browser refused to run WebAssembly here";
  }
  if (/fetch|network|load|import/i.test(text)) {
    return "a file the calculator needs could not be downloaded";
  }
  return "the Python runtime stopped while starting";
}

function checkWebAssembly() {
  // A content security policy without 'wasm-unsafe-eval', or a browser without WebAssembly, can
  // make Pyodide hang instead of failing; an 8-byte module tells us up front.
  if (typeof WebAssembly !== "object") {
    throw new Error("WebAssembly is not available in this browser");
  }
  new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
}

async function fetchWheel(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`fetch of the pilot2prod package failed (HTTP ${response.status})`);
  }
  return response.arrayBuffer();
}

async function boot({ pyodideBase, wheelUrl }) {
  const started = performance.now();
  checkWebAssembly();
  // The wheel downloads while Pyodide compiles; both are needed before the first call.
  const wheel = fetchWheel(wheelUrl);
  wheel.catch(() => {}); // reported below by Promise.all; avoid an unhandled-rejection warning
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideBase).href);
  const [pyodide, wheelBytes] = await Promise.all([
    loadPyodide({ indexURL: pyodideBase, stdout: () => {}, stderr: () => {} }),
    wheel,
  ]);
  pyodide.unpackArchive(wheelBytes, "wheel");
  const api = pyodide.pyimport("pilot2prod.browser_api");
  const call = api.call;
  const ping = JSON.parse(call("ping", "{}"));
  if (!ping.ok) {
    throw new Error("the pilot2prod package did not answer");
  }
  return { call, ms: performance.now() - started };
}

self.addEventListener("message", async (event) => {
  const message = event.data || {};
  if (message.type === "boot") {
    if (!booting) {
      booting = boot(message);
    }
    try {
      const { ms } = await booting;
      self.postMessage({ type: "booted", ms });
    } catch (error) {
      self.postMessage({ type: "boot-failed", message: plainReason(error), detail: String(error) });
    }
    return;
  }
  if (message.type === "call") {
    try {
      if (!booting) {
        throw new Error("Python was asked to work before it was started");
      }
      const { call } = await booting;
      const json = call(String(message.name), String(message.payload));
      self.postMessage({ type: "result", id: message.id, json: String(json) });
    } catch (error) {
      self.postMessage({ type: "result", id: message.id, failure: String(error && error.message) });
    }
  }
});
