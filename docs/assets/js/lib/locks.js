// One tab at a time: a cross-tab lock around each read-modify-write of a stored list.
//
// Two tabs that read a list, add to it and write it back a few milliseconds apart would each
// write a list without the other's addition, and both say "Saved". The Web Locks API makes the
// second tab wait until the first has written; where a browser lacks it, `work` runs at once and
// the caller's own read-just-before-writing (and merge) is what keeps the other tab's change.

/** Run `work` (sync or async) holding the lock `name` across this site's tabs; returns its result. */
export async function withLock(name, work) {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  if (locks && typeof locks.request === "function") {
    return locks.request(`pilot2prod:${name}`, async () => work());
  }
  return work();
}
