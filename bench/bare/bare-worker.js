// The least a page can do with Pyodide: load it and evaluate one expression.
self.addEventListener("message", async (event) => {
  const base = event.data;
  const { loadPyodide } = await import(new URL("pyodide.mjs", base).href);
  const pyodide = await loadPyodide({ indexURL: base, stdout: () => {}, stderr: () => {} });
  self.postMessage(String(pyodide.runPython("1 + 1")));
});
