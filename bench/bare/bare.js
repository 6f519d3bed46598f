// Baseline for bench/run.py: boot the same self-hosted Pyodide files in a module worker, as the
// site's client does, run one line of Python and mark the moment the answer reaches the page.
const base = new URL(new URLSearchParams(location.search).get("base"), location.href).href;
performance.mark("bare:boot-start");
const worker = new Worker(new URL("bare-worker.js", import.meta.url), { type: "module" });
worker.addEventListener("message", (event) => {
  performance.mark("bare:done");
  document.getElementById("result").textContent = String(event.data);
  document.body.dataset.state = "done";
});
worker.postMessage(base);
