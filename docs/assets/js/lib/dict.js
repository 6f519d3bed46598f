// Dictionaries keyed by ids that come from outside (links, imports, storage, team files).
//
// An id is data: "constructor", "__proto__" or "toString" must be an ordinary key, never a
// built-in of Object.prototype. A plain `{}` inherits those names, so `"constructor" in {}` is
// true and `{}["__proto__"] = x` replaces the object's prototype. These objects have no
// prototype at all, and JSON.stringify writes them like any other object.

/** A dictionary with no prototype, filled from `[key, value]` pairs. */
export function dict(entries = []) {
  const out = Object.create(null);
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** A shallow copy of `source`'s own keys as a dictionary with no prototype. */
export function copyDict(source) {
  return dict(source && typeof source === "object" ? Object.entries(source) : []);
}

/** True when `source` has `key` as its own key (never a built-in). */
export function hasKey(source, key) {
  return Boolean(source) && Object.prototype.hasOwnProperty.call(source, key);
}
