// The one store of the site: localStorage, and carrying on without it. Checklists keep their
// answers and named copies here, calculators their inputs.
//
// Browsers may block storage (privacy settings, some embedded views) or refuse a write
// when it is full. Either way the page keeps working: values are kept in memory for
// this tab (they survive instant navigation, not a reload) and the page says so.

export const ANSWERS_PREFIX = "pilot2prod:answers:";
export const COPIES_PREFIX = "pilot2prod:copies:";

export const answersKey = (checklist) => `${ANSWERS_PREFIX}${checklist}`;
export const copiesKey = (checklist) => `${COPIES_PREFIX}${checklist}`;

/** The prefix of every set-aside copy of `key`: `${key}:unreadable:<time>` (see setAside). */
export const unreadablePrefix = (key) => `${key}:unreadable:`;

// Values kept when localStorage cannot take them; one map for the tab's lifetime.
const memory = new Map();

const isFull = (error) => Boolean(error && (error.name === "QuotaExceededError" || error.code === 22));

function probe() {
  let storage;
  try {
    storage = window.localStorage;
    storage.getItem("pilot2prod:probe");
  } catch {
    return { storage: null, problem: "blocked" };
  }
  try {
    const key = "pilot2prod:probe";
    storage.setItem(key, "1");
    storage.removeItem(key);
    return { storage, problem: null };
  } catch (error) {
    // A full store still reads: keep it, so the reader's saved answers are shown.
    return isFull(error) ? { storage, problem: "full" } : { storage: null, problem: "blocked" };
  }
}

/**
 * A small key-value store over localStorage with an in-memory fallback.
 * `problem` is null when saving works, "blocked" or "full" when it does not.
 */
export function openStore() {
  const { storage, problem } = probe();
  // Keys this tab must not write to localStorage: they hold a value it could not read nor set
  // aside (see setAside), so its own saves for them stay in memory.
  const held = new Set();
  const store = {
    problem,
    /** Never write `key` to localStorage again in this tab (its value there is kept as it is). */
    hold(key) {
      held.add(key);
    },
    get(key) {
      if (held.has(key) && memory.has(key)) return memory.get(key);
      if (storage) {
        try {
          const value = storage.getItem(key);
          if (value !== null) return value;
        } catch {
          // Fall through to memory: a read can fail if the browser revokes access.
        }
      }
      return memory.has(key) ? memory.get(key) : null;
    },
    set(key, value) {
      if (storage && !held.has(key)) {
        try {
          storage.setItem(key, value);
          memory.delete(key);
          store.problem = null;
          return true;
        } catch (error) {
          store.problem = isFull(error) ? "full" : "blocked";
        }
      }
      memory.set(key, value);
      return false;
    },
    remove(key) {
      memory.delete(key);
      if (!storage || held.has(key)) return; // a held value is never deleted either
      try {
        storage.removeItem(key);
      } catch {
        // Nothing to do: the value is gone from memory and storage refused the call.
      }
    },
  };
  return store;
}

/**
 * Move a stored value this page cannot read out of the way, under a key of its own that no
 * earlier set-aside copy holds: `${key}:unreadable:<ISO time>` (with "-2", "-3"… if taken).
 * Returns that key, or null when the browser would not store the copy; then the value stays
 * where it was, untouched, and the caller must not write over `key` (see `guard`).
 */
export function setAside(store, key, text) {
  const base = `${unreadablePrefix(key)}${new Date().toISOString()}`;
  let target = base;
  for (let n = 2; store.get(target) !== null; n += 1) target = `${base}-${n}`;
  if (!store.set(target, text)) {
    store.remove(target); // only in memory: it would vanish with the tab, so it is no copy
    return null;
  }
  store.remove(key);
  return target;
}

/** Set `text` (read under `key`) aside; when that fails, hold `key` so it is never overwritten. */
export function guard(store, key, text) {
  const kept = setAside(store, key, text);
  if (!kept) store.hold(key);
  return kept;
}

/** The reader-facing sentence about a value `setAside` moved (or could not move). */
export function setAsideMessage(what, kept) {
  if (kept) return `${what} could not be read. They were set aside in this browser under “${kept}”; nothing was deleted.`;
  return `${what} could not be read, and this browser would not store a set-aside copy, so the saved text was left exactly as it was; this page will not save over it.`;
}

/** Plain words for the reader about a storage problem, or "" when saving works. */
export function storageMessage(problem) {
  if (problem === "full") {
    return "This browser's storage for the site is full, so your latest answers are only kept until you reload or close this page. Export them as JSON to keep them.";
  }
  if (problem === "blocked") {
    return "This browser does not let the site store data, so your answers will not persist: they are kept only until you reload or close this page. Export them as JSON or copy a share link to keep them.";
  }
  return "";
}
