"""Compare two pytest JUnit reports: the unit tests under CPython and inside Pyodide.

Exits 1, listing the differences, unless both ran the same tests with the same outcome each
(passed, failed, error or skipped). A test that passes here but is skipped or missing inside
Pyodide is a difference too: "same outcome" means the whole list, not only the exit status.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def outcomes(path: str) -> dict[str, str]:
    """Each test's id (class and name) and its outcome."""
    found: dict[str, str] = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        outcome = "passed"
        for kind in ("failure", "error", "skipped"):
            if case.find(kind) is not None:
                outcome = kind
        found[f"{case.get('classname')}::{case.get('name')}"] = outcome
    return found


def main(cpython: str, pyodide: str) -> int:
    here, there = outcomes(cpython), outcomes(pyodide)
    differences = [
        f"{test}: CPython {here.get(test, 'not run')}, Pyodide {there.get(test, 'not run')}"
        for test in sorted(set(here) | set(there))
        if here.get(test) != there.get(test)
    ]
    for line in differences[:50]:
        print(line)
    passed = sum(outcome == "passed" for outcome in there.values())
    if differences:
        print(f"{len(differences)} tests differ between CPython and Pyodide")
        return 1
    print(f"Pyodide and CPython agree on all {len(here)} unit tests ({passed} passed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
