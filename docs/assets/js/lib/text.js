// Text a reader typed, judged by Python's rules (pilot2prod/model/blank.py through rules.js):
// what counts as blank, how a name is squeezed, and how long a text is. JavaScript's own trim()
// and \s disagree with Python on the byte-order mark and a few other characters, and `length`
// counts UTF-16 units where Python counts characters; a page that used them judged some texts
// differently from the command line.

import { RULES } from "./rules.js";

const BLANK_RUN = new RegExp(`[${RULES.blank_class}]+`, "gu");
const ONLY_BLANK = new RegExp(`^[${RULES.blank_class}]*$`, "u");

/** True when `text` holds nothing but blank characters (or nothing at all). */
export function isBlank(text) {
  return ONLY_BLANK.test(String(text));
}

/** `text` with each blank run made one space and blanks at either end removed (names). */
export function squeeze(text) {
  return String(text).replace(BLANK_RUN, " ").replace(/^ | $/g, "");
}

/** How many characters (code points) `text` holds, as Python's len() counts them. */
export function characters(text) {
  let count = 0;
  for (const _ of String(text)) count += 1;
  return count;
}
