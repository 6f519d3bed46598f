// Find what the site's Python imports, and byte-compile it with Pyodide's own interpreter.
//
// Run by sitebuild/site_stdlib.py at build time (Node and the pinned npm `pyodide` are build
// dependencies already). It boots Pyodide from the npm package with its stock standard library,
// puts our wheel on sys.path as a zip (as the site ships it), imports every module of the package
// that the browser may reach and runs every API call it is given. The modules loaded by then, Pyodide's
// own start-up included, are compiled by this interpreter (at level 2: no docstrings or asserts,
// which nothing in the browser reads), so the magic number and the bytecode are
// exactly what the browser's Pyodide expects, and written as sourceless .pyc files into a stored
// zip. Each code object keeps only its first line number (first_line_only): the full location
// tables were 40% of the compressed library, and the site never shows a traceback (the API turns
// every error into a message), so a reader downloads less and Python unmarshals less at start-up.
// Nothing is fetched: the stock library and the wheel are read from disk.
//
// Usage: node sitebuild/site_stdlib.mjs PYODIDE_DIR WHEEL PROBE_JSON OUT_ZIP
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [pyodideDir, wheelPath, probePath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node sitebuild/site_stdlib.mjs PYODIDE_DIR WHEEL PROBE_JSON OUT_ZIP");
  process.exit(2);
}

const { loadPyodide } = await import(join(pyodideDir, "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdout: () => {}, stderr: () => {} });
pyodide.FS.mkdirTree("/probe");
pyodide.FS.writeFile("/probe/site.whl", new Uint8Array(readFileSync(wheelPath)));
pyodide.globals.set("probe_json", readFileSync(probePath, "utf-8"));

// PROBE_JSON is {"modules": [package modules to import], "calls": [[name, payload as JSON text]]}.
// Step 1 uses only what the boot already imported (sys, importlib, json), so the probe's own tools
// do not end up in the list.
const names = pyodide.runPython(`
import sys, importlib
sys.path.insert(0, "/probe/site.whl")
import pilot2prod
probe = __import__("json").loads(probe_json)
for module in probe["modules"]:
    try:
        importlib.import_module(module)
    except ImportError:
        pass  # an optional dependency the browser does not have (PyYAML): the code copes
from pilot2prod import api
for name, payload in probe["calls"]:
    api.call(name, payload)
sorted(sys.modules)
`).toJs();

pyodide.globals.set("loaded_names", pyodide.toPy(names));
pyodide.runPython(`
import sys, types, zipfile, importlib._bootstrap_external as external

def first_line_only(code):
    # A location table of "no column" entries (kind 13, 8 code units each, line delta 0): every
    # instruction, caches included, reports the first line of its function.
    units = len(code.co_code) // 2
    table = bytearray()
    while units > 0:
        count = min(units, 8)
        table += bytes((0x80 | 13 << 3 | (count - 1), 0))
        units -= count
    consts = tuple(
        first_line_only(c) if isinstance(c, types.CodeType) else c for c in code.co_consts
    )
    return code.replace(co_consts=consts, co_linetable=bytes(table))

written = {}
for name in loaded_names:
    module = sys.modules.get(name)
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None) or ""
    if not origin.endswith(".py"):
        continue  # built in, frozen or a namespace: nothing to ship
    if origin.startswith("/probe/site.whl/"):
        inner = origin.removeprefix("/probe/site.whl/")
        shown = "/lib/python314.zip/" + inner
    elif ".zip/" in origin:
        inner = origin.split(".zip/", 1)[1]
        shown = origin
    else:
        continue
    source = spec.loader.get_source(name)
    code = first_line_only(compile(source, shown, "exec", dont_inherit=True, optimize=2))
    written[inner[:-3] + ".pyc"] = bytes(external._code_to_timestamp_pyc(code, 0, 0))
with zipfile.ZipFile("/probe/out.zip", "w", compression=zipfile.ZIP_STORED) as archive:
    for inner in sorted(written):
        info = zipfile.ZipInfo(inner, date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = 0o644 << 16
        archive.writestr(info, written[inner])
`);
writeFileSync(outPath, pyodide.FS.readFile("/probe/out.zip"));
