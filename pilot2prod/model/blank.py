"""What counts as blank in text a reader typed: one rule for Python and for the page.

Python's `str.isspace` and JavaScript's `\\s` disagree: U+FEFF (the byte-order mark) is space
to JavaScript and not to Python, and U+001C to U+001F and U+0085 the other way round. A reason
for "Not applicable" made only of a byte-order mark then counted in one and not in the other,
and the two gave different verdicts for one file. Here the rule is written once, as a set of
characters: every character either language calls space, and the invisible format characters
(zero-width space and joiners, the word joiner, the Mongolian vowel separator) that a reader
cannot see either. The build writes `BLANK_CLASS` into the page (`pilot2prod.rules`), and
the page tests blankness with it, never with `trim()` or `\\s`.
"""

from __future__ import annotations

import re

PYTHON_SPACE = (
    "\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""Every character `str.isspace` accepts (tests/unit/test_blank.py checks it for this Python)."""

JS_SPACE = (
    "\t\n\v\f\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
"""Every character JavaScript's `\\s` matches (ECMAScript's WhiteSpace and LineTerminator)."""

INVISIBLE = "\u180e\u200b\u200c\u200d\u2060"
"""Format characters with no width that a reader cannot tell from nothing."""

BLANK_CHARACTERS: str = "".join(sorted(set(PYTHON_SPACE) | set(JS_SPACE) | set(INVISIBLE)))
"""Every character that counts as blank, in code-point order. Written out rather than found by
scanning every code point, which would cost the browser's Python a tenth of a second at boot."""


def _class(characters: str) -> str:
    """The characters as the inside of a regular-expression class both languages read alike:
    each one as a \\uXXXX escape (all are in the Basic Multilingual Plane)."""
    return "".join(f"\\u{ord(char):04x}" for char in characters)


BLANK_CLASS: str = _class(BLANK_CHARACTERS)
"""The inside of `[...]` matching one blank character, for Python's `re` and JavaScript alike."""

_BLANK_RUN = re.compile(f"[{BLANK_CLASS}]+")


def is_blank(text: str) -> bool:
    """True when `text` holds nothing but blank characters (or nothing at all)."""
    return _BLANK_RUN.fullmatch(text) is not None or text == ""


def squeeze(text: str) -> str:
    """`text` with blank runs made one space and blanks at either end removed: how names are
    kept (a project, an assessor, a milestone)."""
    return _BLANK_RUN.sub(" ", text).strip(" ")
