// Boots Pyodide, then for each buffer received: bytes into Python, decode, json.loads.
let pyodide = null;
self.addEventListener("message", async (event) => {
  if (event.data.base) {
    const { loadPyodide } = await import(new URL("pyodide.mjs", event.data.base).href);
    pyodide = await loadPyodide({ indexURL: event.data.base, stdout: () => {}, stderr: () => {} });
    pyodide.runPython("import json");
    self.postMessage("ready");
    return;
  }
  pyodide.globals.set("raw", new Uint8Array(event.data.buffer));
  const count = pyodide.runPython("len(json.loads(raw.to_bytes().decode('utf-8')))");
  pyodide.globals.delete("raw");
  self.postMessage(`parsed, ${count} top-level keys`);
});
