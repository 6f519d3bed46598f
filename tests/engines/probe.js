// Test probe for the Firefox and WebKit smoke suite (tests/engines/), run before any page script:
// Firefox adds it as a WebDriver BiDi preload script; for WebKit the test server puts it first in
// every page's <head>, because WebKit's automation session is ephemeral, where WebKitGTK writes
// no console message out, and WebKitWebDriver has no command that reads them.
//
// It records, in the tab's sessionStorage (so a reload keeps what the last page saw): calls of
// console.error, uncaught errors and rejections, resources that failed to load, and every
// Content-Security-Policy violation the page is told of.
(() => {
  if (window.__p2pProbe) return;
  const KEY = "p2p-engine-probe";
  const record = (text) => {
    try {
      const seen = JSON.parse(sessionStorage.getItem(KEY) || "[]");
      seen.push(String(text));
      sessionStorage.setItem(KEY, JSON.stringify(seen));
    } catch {
      // storage refused: the list in memory below still holds it
    }
    window.__p2pProbe.push(String(text));
  };
  window.__p2pProbe = [];
  const original = console.error.bind(console);
  console.error = (...args) => {
    record(`console.error: ${args.map((a) => (a && a.stack) || String(a)).join(" ")}`);
    original(...args);
  };
  window.addEventListener(
    "error",
    (event) => {
      const target = event.target;
      if (target && target !== window && (target.src || target.href)) {
        record(`failed to load ${target.tagName.toLowerCase()} ${target.src || target.href}`);
      } else {
        record(`uncaught: ${event.message} (${event.filename}:${event.lineno})`);
      }
    },
    true,
  );
  window.addEventListener("unhandledrejection", (event) => {
    const reason = event.reason;
    record(`unhandled rejection: ${(reason && reason.stack) || reason}`);
  });
  document.addEventListener("securitypolicyviolation", (event) => {
    record(`CSP: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
  });
})();
