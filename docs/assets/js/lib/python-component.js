// The life of a component that shows what pilot2prod's Python works out: one place for what the
// verdict, the plan, the milestones, the team and portfolio views and the calculators all need.
//
//   watchPython(root, show)   show(status) now and on every change of the runtime's state, for as
//                             long as `root` is in the page; starts Python; returns the boot
//                             promise. root.dataset.state follows: "booting", "failed", or what
//                             the component sets once it shows a result ("live").
//   latestOnly(run)           a caller that runs `run()` at most once at a time: asked again while
//                             busy, it runs once more when done, with whatever is newest then
//                             (so a burst of clicks is worked out once, never out of order).
//
// Status words come from lib/python.js (bootingText, failedText), so every component says the
// same thing while Python starts or when it cannot.

import { onPythonStatus, pythonStatus, startPython } from "./python.js";

const watched = new Map(); // root -> show(status)

onPythonStatus((status) => {
  for (const [root, show] of [...watched]) {
    if (!root.isConnected) {
      watched.delete(root); // instant navigation replaced the page: nothing left to update
      continue;
    }
    if (status !== "ready" || root.dataset.state !== "live") root.dataset.state = stateOf(status);
    show(status);
  }
});

function stateOf(status) {
  return status === "idle" ? "booting" : status;
}

/** Keep `root` told of the runtime's state (see above) and start Python; resolves when ready. */
export function watchPython(root, show) {
  watched.set(root, show);
  root.dataset.state = stateOf(pythonStatus());
  show(pythonStatus());
  const booted = startPython();
  booted.catch(() => {}); // the status line says why
  return booted;
}

/** `run` (returning a promise) coalesced as described above; returns the function to call. */
export function latestOnly(run) {
  let busy = false;
  let again = false;
  const request = async () => {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      await run();
    } catch (error) {
      console.error(error);
    } finally {
      busy = false;
    }
    if (again) {
      again = false;
      request();
    }
  };
  return request;
}
