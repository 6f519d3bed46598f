"""Helpers for browser tests: error watching and axe-core checks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@dataclass
class PageErrors:
    """Console errors and uncaught exceptions seen on a page."""

    messages: list[str] = field(default_factory=list)


def watch_errors(page: Page) -> PageErrors:
    """Start recording console errors and uncaught exceptions on `page`."""
    errors = PageErrors()
    page.on("console", lambda m: errors.messages.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.messages.append(str(e)))
    return errors


def serious_axe_violations(page: Page) -> list[str]:
    """Run axe-core on the page; return serious or critical violations as readable lines."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => JSON.stringify((await axe.run(document)).violations)")
    violations = json.loads(result)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
