"""Which of the site's own scripts a page downloads: component code only where it is used."""

from __future__ import annotations

from playwright.sync_api import Page, expect

SCRIPTS = "/assets/js/"


def _our_scripts(page: Page, site_url: str, path: str) -> list[str]:
    """Open `path` and return the site scripts it requested, as paths under assets/js/."""
    requested: list[str] = []
    page.on(
        "request",
        lambda request: (
            requested.append(request.url.split(SCRIPTS, 1)[1])
            if SCRIPTS in request.url and request.resource_type in ("script", "other")
            else None
        ),
    )
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    return sorted(set(requested))


def test_content_page_loads_the_entry_module_and_no_component_or_python(page, site_url):
    """A guide page loads main.js and its small helpers (share links, DOM, and the limits a
    share link is read by, which the build writes from Python) only: no component, no Python
    (Material's start-up scripts, moved out of inline tags for the CSP, aside)."""
    scripts = _our_scripts(page, site_url, "why-pilots-stall/")
    assert [s for s in scripts if not s.startswith("material/")] == [
        "lib/dom.js",
        "lib/rules.js",
        "lib/sharelink.js",
        "main.js",
    ]


def test_assessment_page_loads_checklist_readiness_and_python_only(page, site_url):
    """The assessment loads the checklist, readiness, plan, milestones, evidence backing and
    Python modules, not the others."""
    scripts = _our_scripts(page, site_url, "assessment/")
    expect(page.locator("form#readiness")).to_have_attribute("data-p2p-mounted", "true")
    components = [name for name in scripts if name.startswith("components/")]
    assert sorted({name.split("-")[0].removesuffix(".js") for name in components}) == [
        "components/backing",
        "components/checklist",
        "components/milestones",
        "components/plan",
        "components/readiness",
    ]
    assert "lib/python.js" in scripts
    assert "components/calculator.js" not in scripts
    assert "components/team.js" not in scripts
