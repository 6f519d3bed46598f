// Run the pure package's unit tests inside Pyodide under Node, offline, and exit with pytest's
// status. Pyodide is the npm package pinned in package-lock.json; pytest and its pure-Python
// dependencies are wheels `make test-pyodide` downloaded with pip (tests/pyodide/requirements.txt).
// The repository is mounted read-only in spirit at /project (NODEFS); nothing is fetched.
//
// Usage: node tests/pyodide/run.mjs WHEEL_DIR DATA_JSON [pytest args...]
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const [wheelDir, dataJson, ...pytestArgs] = process.argv.slice(2);
if (!wheelDir || !dataJson) {
  console.error("usage: node tests/pyodide/run.mjs WHEEL_DIR DATA_JSON [pytest args...]");
  process.exit(2);
}

const { loadPyodide } = await import(join(root, "node_modules", "pyodide", "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") + "/" });

const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
for (const name of readdirSync(wheelDir).filter((file) => file.endsWith(".whl")).sort()) {
  // A wheel is a zip laid out for site-packages: unpacking it is installing it (pure Python).
  pyodide.unpackArchive(new Uint8Array(readFileSync(join(wheelDir, name))), "wheel", {
    extractDir: sitePackages,
  });
}

pyodide.FS.mkdirTree("/project");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root }, "/project");
pyodide.FS.mkdirTree("/data");
pyodide.FS.writeFile("/data/data.json", new Uint8Array(readFileSync(dataJson)));

pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
const status = await pyodide.runPythonAsync(`
import os, sys
os.chdir("/project")
os.environ["P2P_DATA_JSON"] = "/data/data.json"
os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
sys.dont_write_bytecode = True  # never leave __pycache__ from Python 3.14 in the work tree
import pytest
int(pytest.main(["-p", "no:cacheprovider", "-p", "no:faulthandler", *pytest_args]))
`);
process.exit(status);
