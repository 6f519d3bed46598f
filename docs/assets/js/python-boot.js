// Starts booting the tab's Python worker as early as the page allows. The readiness widget's
// macro puts this module, async, right after the widget, so it runs while the rest of the page
// (Material's bundle, the footer) is still loading instead of after it; the download and
// compile of Pyodide are what the first result waits for. pyodide-client.js keeps one boot
// per tab, so running this again (or the widget starting Python itself) changes nothing.
import { startPython } from "./pyodide-client.js";

startPython().catch(() => {}); // the widget reports a failure through its status line
