"""The rules and limits the pages apply before Python is up, written into the site from Python.

`pilot2prod.api.rules` gathers each from the constant the Python reader enforces; this writes
them as the ES module the browser modules import (`assets/js/lib/rules.js`).
"""

from __future__ import annotations

from pathlib import Path

from pilot2prod.api import rules


def write_page_rules(site_dir: Path) -> None:
    """Write `rules.js` into the built site."""
    target = site_dir / rules.MODULE_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(rules.rules_module(), encoding="utf-8")
