// Baseline for bench/evidence_page.py: the least a page can do with a dropped JSON file and
// Pyodide. The file is read and moved to a module worker running the same self-hosted Pyodide,
// which decodes it and calls json.loads; the time runs from the input's change to the answer.
const base = new URL(new URLSearchParams(location.search).get("base"), location.href).href;
const worker = new Worker(new URL("json-worker.js", import.meta.url), { type: "module" });
const result = document.getElementById("result");
let started = 0;
worker.addEventListener("message", (event) => {
  if (event.data === "ready") {
    document.body.dataset.state = "ready";
    result.textContent = "ready";
    return;
  }
  result.textContent = String(event.data);
  document.body.dataset.ms = String(performance.now() - started);
  document.body.dataset.state = "done";
});
worker.postMessage({ base });
document.getElementById("file").addEventListener("change", async (event) => {
  started = performance.now();
  document.body.dataset.state = "working";
  const buffer = await event.target.files[0].arrayBuffer();
  worker.postMessage({ buffer }, [buffer]);
});
