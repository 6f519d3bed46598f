// The Python client, imported on first use so pages without a calculator never load it.
// Each widget passes `onStatus(module)`, called whenever the worker's boot status changes.

export function pythonClientLoader(onStatus) {
  let clientPromise = null;
  return function client() {
    if (!clientPromise) {
      clientPromise = import("./pyodide-client.js").then((module) => {
        module.onPythonStatus(() => onStatus(module));
        return module;
      });
    }
    return clientPromise;
  };
}
