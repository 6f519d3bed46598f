// Module worker that runs pilot2prod's Python in Pyodide, one per tab (see python.js).
//
// Messages in:  {type: "boot", pyodideBase, wheelUrl, stdlibUrl, lockInfo}
//               {type: "call", id, name, payload, files?, maxDepth?} payload: JSON text;
//                                                          files: {key: ArrayBuffer}, put into
//                                                          pilot2prod.api.uploads first, with
//                                                          their SHA-256 and, when maxDepth is
//                                                          given, whether they nest within it
// Messages out: {type: "progress", done, total, bytes} (while booting; bytes null if unknown)
//               {type: "booted", ms} | {type: "boot-failed", message}
//               {type: "result", id, json} | {type: "result", id, failure}
//
// Pyodide 314 ships only as an ES module, so this file must be started with {type: "module"}.

import { bytesDepthExceeds } from "./nesting.js";

let booting = null;

function plainReason(error) {
  if (error && error.reason) {
    return error.reason;
  }
  const text = String((error && error.message) || error || "");
  if (/wasm|WebAssembly|CompileError|instantiate/i.test(text)) {
    return "this browser or this page does not allow WebAssembly, which the calculator runs on";
  }
  if (/fetch|network|load|import/i.test(text)) {
    return "a file the calculator needs could not be downloaded";
  }
  return "the Python runtime stopped while starting";
}

function failure(reason, detail) {
  const error = new Error(detail);
  error.reason = reason;
  return error;
}

function checkWebAssembly() {
  // A content security policy without 'wasm-unsafe-eval', or a browser without WebAssembly, can
  // make Pyodide hang instead of failing; an 8-byte module tells us up front.
  if (typeof WebAssembly !== "object") {
    throw failure("this browser does not support WebAssembly", "no WebAssembly object");
  }
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  } catch (error) {
    throw failure("this page's security policy or the browser does not allow WebAssembly", String(error));
  }
}

function wasmUrl(pyodideBase) {
  return new URL("pyodide.asm.wasm", pyodideBase).href;
}

async function checkWasmFile(pyodideBase) {
  // Pyodide 314 hangs, with only a console warning, when its .wasm is blocked, missing or served
  // with the wrong MIME type. A HEAD request, run beside the boot, turns those into an error.
  const url = new URL(wasmUrl(pyodideBase));
  let response;
  try {
    response = await fetch(url, { method: "HEAD", cache: "no-store" });
  } catch (error) {
    if (url.origin !== self.location.origin) {
      return new Promise(() => {}); // a CDN may refuse HEAD across origins; rely on the time limit
    }
    throw failure("a file the calculator needs could not be downloaded", String(error));
  }
  if (!response.ok) {
    throw failure(
      "a file the calculator needs could not be downloaded",
      `HTTP ${response.status} for ${url}`,
    );
  }
  const type = (response.headers.get("content-type") || "").split(";")[0].trim();
  if (type !== "application/wasm") {
    throw failure(
      "the server sends the WebAssembly file with the wrong type (it must be application/wasm)",
      `content-type ${type || "missing"}`,
    );
  }
  return new Promise(() => {}); // all well: never settles, so the race below waits for the boot
}

async function fetchWheel(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw failure(
      "the calculator's own Python package could not be downloaded",
      `HTTP ${response.status} for ${url}`,
    );
  }
  return response.arrayBuffer();
}

function loadOptions(pyodideBase, stdlibUrl, lockInfo) {
  const options = { indexURL: pyodideBase, stdout: () => {}, stderr: () => {} };
  if (stdlibUrl) {
    // The site's own library: only the modules it runs, compiled, with the package inside.
    options.stdLibURL = stdlibUrl;
  }
  if (lockInfo) {
    // The site installs no Pyodide packages, so a lock without packages saves a download.
    options.lockFileContents = JSON.stringify({ info: JSON.parse(lockInfo), packages: {} });
  }
  return options;
}

function reportProgress(urls, checked) {
  // Resource timing names each file once it has arrived, with its size as transferred
  // (compressed when the host compresses). WebKit gives every size inside a worker as 0, as any
  // browser does for another host that sends no Timing-Allow-Origin, so a file counts once its
  // entry is there, and the bytes stay unknown (null) while a size is missing. The file
  // `checked` (the .wasm) is asked for first by the HEAD check, before Pyodide asks for it, so
  // its earliest entry is the check's and the file itself is the next.
  const wanted = new Set(urls);
  const arrived = new Map();
  for (const entry of performance.getEntriesByType("resource")) {
    const url = entry.name.split("?")[0];
    if (wanted.has(url)) arrived.set(url, [...(arrived.get(url) || []), entry]);
  }
  const sizes = [];
  for (const [url, entries] of arrived) {
    const files = url === checked ? entries.sort((a, b) => a.startTime - b.startTime).slice(1) : entries;
    if (files.length > 0) sizes.push(Math.max(...files.map((entry) => entry.encodedBodySize || 0)));
  }
  const bytes = sizes.reduce((sum, size) => sum + size, 0);
  const sized = sizes.every((size) => size > 0);
  self.postMessage({ type: "progress", done: sizes.length, total: wanted.size, bytes: sized ? bytes : null });
}

function runtimeFiles(pyodideBase, wheelUrl, stdlibUrl, lockInfo) {
  const names = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"];
  if (!stdlibUrl) names.push("python_stdlib.zip");
  if (!lockInfo) names.push("pyodide-lock.json");
  const urls = names.map((name) => new URL(name, pyodideBase).href);
  urls.push((stdlibUrl || wheelUrl).split("?")[0]);
  return urls;
}

async function boot(message) {
  const files = runtimeFiles(message.pyodideBase, message.wheelUrl, message.stdlibUrl, message.lockInfo);
  const ticker = setInterval(() => reportProgress(files, wasmUrl(message.pyodideBase)), 200);
  try {
    return await bootRuntime(message);
  } finally {
    clearInterval(ticker);
  }
}

async function bootRuntime({ pyodideBase, wheelUrl, stdlibUrl, lockInfo }) {
  const started = performance.now();
  checkWebAssembly();
  // Without the site's library the wheel downloads while Pyodide compiles.
  const wheel = stdlibUrl ? Promise.resolve(null) : fetchWheel(wheelUrl);
  wheel.catch(() => {}); // reported below by Promise.all; avoid an unhandled-rejection warning
  const load = import(new URL("pyodide.mjs", pyodideBase).href).then(({ loadPyodide }) =>
    loadPyodide(loadOptions(pyodideBase, stdlibUrl, lockInfo)),
  );
  const [pyodide, wheelBytes] = await Promise.race([
    Promise.all([load, wheel]),
    checkWasmFile(pyodideBase),
  ]);
  if (wheelBytes) {
    pyodide.unpackArchive(wheelBytes, "wheel");
  }
  const api = pyodide.pyimport("pilot2prod.api");
  const call = api.call;
  const ping = JSON.parse(call("ping", "{}"));
  if (!ping.ok) {
    throw new Error("the pilot2prod package did not answer");
  }
  // The uploads module is imported at the first call that brings files, not at boot.
  const put = (key, bytes, digest, depth) =>
    pyodide.pyimport("pilot2prod.api.uploads").put(key, bytes, digest, depth);
  return { call, put, ms: performance.now() - started };
}

async function sha256(buffer) {
  try {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  } catch {
    return null; // no WebCrypto (an insecure context): Python hashes the bytes itself
  }
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
      const { call, put } = await booting;
      for (const [key, buffer] of Object.entries(message.files || {})) {
        try {
          // The browser's own SHA-256 is many times faster than WebAssembly's on 50 MB.
          const digest = await sha256(buffer);
          const bytes = new Uint8Array(buffer);
          // Measured here, natively, when the page gives the limit: Python then skips its own
          // slower pass. A file found too deep goes without the mark, for Python to refuse.
          const limit = Number(message.maxDepth);
          const shallow = Number.isInteger(limit) && limit > 0 && !bytesDepthExceeds(bytes, limit);
          put(String(key), bytes, digest, shallow ? limit : null);
        } catch (error) {
          // A refused file (too large) is the request's error, said in the function's words.
          self.postMessage({ type: "result", id: message.id, json: JSON.stringify({ error: "the file could not be handed to Python: it is too large or unreadable" }) });
          return;
        }
      }
      const json = call(String(message.name), String(message.payload));
      self.postMessage({ type: "result", id: message.id, json: String(json) });
    } catch (error) {
      self.postMessage({ type: "result", id: message.id, failure: String(error && error.message) });
    }
  }
});
