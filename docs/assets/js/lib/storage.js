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
export const unreadableKey = (checklist) => `${ANSWERS_PREFIX}${checklist}:unreadable`;

// Values kept when localStorage cannot take them; one map for the tab's lifetime.
const memory = new Map();

function probe() {
  try {
    const storage = window.localStorage;
    const key = "pilot2prod:probe";
    storage.setItem(key, "1");
    storage.removeItem(key);
    return { storage, problem: null };
  } catch (error) {
    const full = error && (error.name === "QuotaExceededError" || error.code === 22);
    return { storage: null, problem: full ? "full" : "blocked" };
  }
}

/**
 * A small key-value store over localStorage with an in-memory fallback.
 * `problem` is null when saving works, "blocked" or "full" when it does not.
 */
export function openStore() {
  const { storage, problem } = probe();
  const store = {
    problem,
    get(key) {
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
      if (storage) {
        try {
          storage.setItem(key, value);
          memory.delete(key);
          store.problem = null;
          return true;
        } catch (error) {
          const full = error && (error.name === "QuotaExceededError" || error.code === 22);
          store.problem = full ? "full" : "blocked";
        }
      }
      memory.set(key, value);
      return false;
    },
    remove(key) {
      memory.delete(key);
      if (!storage) return;
      try {
        storage.removeItem(key);
      } catch {
        // Nothing to do: the value is gone from memory and storage refused the call.
      }
    },
  };
  return store;
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
