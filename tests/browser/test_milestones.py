"""Milestones on the assessment page: saved, listed, renamed, compared, charted, deleted only
when the reader confirms, exported and imported without losing or overwriting anything."""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.support import BOOT_TIMEOUT_MS, python_result, serious_axe_violations
from tests.browser.test_checklists import (
    ASSESSMENT,
    FULL,
    answers_doc,
    choose,
    item_ids,
    open_page,
    wait_mounted,
)
from tests.fixtures import answers_document, repo_files

KEY = "pilot2prod:milestones:readiness"
SECTION = "section.p2p-milestones"
HOSTILE = '<img src=x onerror="window.__xss=1">Q1 & "review"'
IDS = item_ids("readiness")


def _entry(ident: str, name: str, saved: str, answers: dict[str, str]) -> dict[str, Any]:
    return {
        "id": ident,
        "name": name,
        "saved": saved,
        "document": answers_doc("readiness", answers),
    }


def _file(*entries: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "pilot2prod/milestones",
        "version": 1,
        "checklist": "readiness",
        "milestones": list(entries),
    }


EARLY = _entry("m-early", "Kick-off", "2026-01-10T09:00:00.000Z", {IDS[0]: "no", IDS[1]: "yes"})
LATE = _entry("m-late", "Review", "2026-03-10T09:00:00.000Z", {IDS[0]: "yes", IDS[1]: "no"})


def section(page: Page):
    """The milestones section."""
    return page.locator(SECTION)


def rows(page: Page):
    """The milestone rows, in the order shown."""
    return page.locator(f"{SECTION} [data-role='list'] > li")


def names(page: Page) -> list[str]:
    """The milestone names as listed."""
    return page.locator(f"{SECTION} [data-role='milestone-name']").all_text_contents()


def kept(page: Page) -> dict[str, Any] | None:
    """The milestones file stored in localStorage, or None."""
    raw = page.evaluate("k => localStorage.getItem(k)", KEY)
    return json.loads(raw) if raw else None


def open_with(page: Page, site_url: str, stored: dict[str, Any] | str | None) -> None:
    """Open the assessment with `stored` already saved as this browser's milestones."""
    page.goto(site_url + ASSESSMENT)
    # Seeded only once this first visit has read its (empty) milestones, or it could read the
    # seed first and, for an unreadable one, set it aside before the reload.
    expect(page.locator(f"{SECTION}[data-p2p-mounted='true']")).to_be_visible()
    if stored is not None:
        text = stored if isinstance(stored, str) else json.dumps(stored)
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, text])
        page.reload()
    wait_mounted(page, "readiness")
    expect(page.locator(f"{SECTION}[data-p2p-mounted='true']")).to_be_visible()


def notice(page: Page):
    """The milestones' live notice area."""
    return page.locator(f"{SECTION} [data-role='notices']")


def save(page: Page, name: str = "") -> None:
    """Type a name (or none) and save a milestone, waiting until it is listed."""
    before = rows(page).count()
    page.get_by_label("Name of the new milestone (optional)").fill(name)
    page.locator(SECTION).get_by_role("button", name="Save milestone").click()
    expect(rows(page)).to_have_count(before + 1, timeout=BOOT_TIMEOUT_MS)


def compared(page: Page):
    """The comparison area, once a comparison is shown."""
    area = page.locator(f"{SECTION} [data-role='compare-result']")
    expect(area).to_have_attribute("data-state", "done", timeout=BOOT_TIMEOUT_MS)
    return area


def import_milestones(page: Page, path: Path) -> None:
    """Choose `path` through the Import milestones button."""
    with page.expect_file_chooser() as chooser:
        section(page).get_by_role("button", name="Import milestones…").click()
    chooser.value.set_files(str(path))


def test_saved_milestones_are_listed_newest_first_with_their_verdict(page, site_url):
    """Two saves list newest first, the unnamed one named by its date, and survive a reload."""
    open_page(page, site_url + ASSESSMENT)
    choose(page, "readiness", IDS[0], "yes")
    save(page, "First review")
    choose(page, "readiness", IDS[1], "no")
    save(page)
    expected_default = f"Milestone {date.today().isoformat()}"
    assert names(page) == [expected_default, "First review"]
    verdict = python_result(
        repo_files(),
        "readiness.score",
        {"document": answers_document({IDS[0]: "yes", IDS[1]: "no"})},
    )["verdict"]["label"]
    expect(rows(page).first).to_contain_text(f"verdict {verdict}")
    stored = kept(page)
    assert [m["name"] for m in stored["milestones"]] == ["First review", expected_default]
    assert stored["milestones"][1]["document"]["answers"] == {IDS[0]: "yes", IDS[1]: "no"}
    assert stored["milestones"][1]["document"]["result"]["verdict"]["label"] == verdict
    page.reload()
    expect(rows(page)).to_have_count(2)
    assert names(page) == [expected_default, "First review"]


def test_a_milestone_is_renamed_from_the_keyboard_and_escape_keeps_the_name(page, site_url):
    """Enter saves a new name; Escape leaves the old one and returns focus to Rename."""
    open_with(page, site_url, _file(EARLY))
    section(page).get_by_role("button", name="Rename “Kick-off”").click()
    field = page.get_by_label("New name for “Kick-off”")
    expect(field).to_be_focused()
    field.fill("Discarded")
    field.press("Escape")
    expect(section(page).get_by_role("button", name="Rename “Kick-off”")).to_be_focused()
    assert names(page) == ["Kick-off"]
    section(page).get_by_role("button", name="Rename “Kick-off”").press("Enter")
    page.get_by_label("New name for “Kick-off”").fill("Kick-off, January")
    page.get_by_label("New name for “Kick-off”").press("Enter")
    expect(rows(page).first.locator("[data-role='milestone-name']")).to_have_text(
        "Kick-off, January"
    )
    assert kept(page)["milestones"][0]["name"] == "Kick-off, January"
    assert kept(page)["milestones"][0]["document"] == EARLY["document"]


def test_the_latest_two_are_compared_as_python_compares_them(page, site_url):
    """By default the newest milestone is compared with the one before; the words are Python's."""
    open_with(page, site_url, _file(EARLY, LATE))
    expect(page.get_by_label("Compare from")).to_have_value("m-early")
    expect(page.get_by_label("Compare to")).to_have_value("m-late")
    area = compared(page)
    expected = python_result(
        repo_files(),
        "readiness.compare",
        {"old": EARLY["document"], "new": LATE["document"]},
    )
    expect(area.locator("[data-role='verdict-change']")).to_have_text(expected["verdict_text"])
    expect(area.locator("[data-role='compare-summary']")).to_have_text(expected["summary"])
    improved = area.locator("[data-role='improved'] li")
    regressed = area.locator("[data-role='regressed'] li")
    expect(improved).to_have_count(len(expected["improved"]))
    expect(regressed).to_have_count(len(expected["regressed"]))
    expect(improved.first).to_contain_text(expected["improved"][0]["text"])
    expect(regressed.first).to_contain_text(expected["regressed"][0]["text"])
    changes = area.locator("[data-role='compare-dimensions'] tbody td:last-child")
    assert changes.all_text_contents() == [d["change_text"] for d in expected["dimensions"]]


def test_a_milestone_stored_without_a_verdict_shows_the_one_python_works_out(page, site_url):
    """A snapshot saved while Python was away is listed with the verdict its answers give."""
    open_with(page, site_url, _file(EARLY, LATE))
    for row, milestone in zip(rows(page).all(), (LATE, EARLY), strict=True):
        verdict = python_result(
            repo_files(), "readiness.score", {"document": milestone["document"]}
        )["verdict"]["label"]
        expect(row).to_contain_text(f"verdict {verdict}", timeout=BOOT_TIMEOUT_MS)


def test_one_milestone_is_compared_with_the_answers_now(page, site_url):
    """With one milestone the default is that milestone against the answers on screen."""
    open_with(page, site_url, _file(EARLY))
    expect(page.get_by_label("Compare to")).to_have_value("current")
    compared(page)
    choose(page, "readiness", IDS[2], "yes")
    area = page.locator(f"{SECTION} [data-role='improved'] li")
    expect(area).to_have_count(1, timeout=30_000)
    expect(area.first).to_contain_text("Not answered → Yes")


def test_the_trend_is_drawn_from_pythons_geometry_with_a_table(page, site_url):
    """The trend chart has Python's shapes, and its table one row per dimension."""
    open_with(page, site_url, _file(LATE, EARLY))
    figure = page.locator(f"{SECTION} [data-role='trend']")
    expect(figure).to_have_attribute("data-points", "2", timeout=BOOT_TIMEOUT_MS)
    expected = python_result(
        repo_files(),
        "readiness.trend",
        {"milestones": [{"name": m["name"], "document": m["document"]} for m in (EARLY, LATE)]},
    )
    shapes = figure.locator("svg > *")
    expect(shapes).to_have_count(len(expected["chart"]["shapes"]))
    assert figure.locator("svg").get_attribute("aria-label") == expected["chart"]["label"]
    table = figure.locator("[data-role='trend-rows']")
    assert table.locator("thead th").all_text_contents() == expected["table"]["columns"]
    assert [row[1:] for row in expected["table"]["rows"]] == [
        tr.locator("td").all_text_contents() for tr in table.locator("tbody tr").all()
    ]


TREND_NAMES = """(selector) => {
  const svg = document.querySelector(selector);
  const view = svg.viewBox.baseVal;
  const grid = [...svg.querySelectorAll("line.p2p-grid")].map((line) => line.y1.baseVal.value);
  const plotBottom = Math.max(...grid);
  return [...svg.querySelectorAll("text.p2p-tick")]
    .map((t) => ({ text: t.textContent, box: t.getBBox() }))
    .filter(({ box }) => box.y > plotBottom)  // under the plot: the milestones, not the scale
    .map(({ text, box }) => ({ text, left: box.x, right: box.x + box.width, width: view.width }));
}"""


@pytest.mark.parametrize("count", [3, 12])
@pytest.mark.parametrize("width", [1280, 390])
def test_names_under_the_trend_stay_apart_and_inside_it(new_context, site_url, width, count):
    """Long milestone names under the trend, as the browser lays them out, never overlap or
    cross the chart's edge; with many milestones the chart numbers them, as its table does."""
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    entries = [
        _entry(
            f"m-{n}",
            f"Quarterly review with the sponsor, number {n}",
            f"2026-{1 + n % 12:02d}-{1 + n:02d}T09:00:00.000Z",
            {IDS[0]: "yes"},
        )
        for n in range(count)
    ]
    open_with(page, site_url, _file(*entries))
    figure = section(page).locator("[data-role='trend']")
    expect(figure).to_have_attribute("data-points", str(count), timeout=BOOT_TIMEOUT_MS)
    labels = sorted(
        page.evaluate(TREND_NAMES, f"{SECTION} [data-role='trend'] svg"),
        key=lambda label: label["left"],
    )
    assert labels
    assert all(label["left"] >= 0 and label["right"] <= label["width"] for label in labels), labels
    assert all(a["right"] <= b["left"] for a, b in itertools.pairwise(labels)), labels
    headers = figure.locator("[data-role='trend-rows'] thead th").all_text_contents()
    if count > 4:
        assert all(label["text"].isdigit() for label in labels)
        assert headers[1].startswith("1. ")
    else:
        assert all(label["text"].startswith("Quarterly") for label in labels)


def test_delete_asks_first_and_cancelling_keeps_the_milestone(page, site_url):
    """Delete shows a confirmation focused on Keep it; Keep it keeps, Delete then removes."""
    open_with(page, site_url, _file(EARLY, LATE))
    section(page).get_by_role("button", name="Delete “Review”…").click()
    keep = section(page).get_by_role("button", name="Keep it: do not delete “Review”")
    expect(keep).to_be_focused()
    page.keyboard.press("Enter")
    expect(section(page).get_by_role("button", name="Delete “Review”…")).to_be_focused()
    assert names(page) == ["Review", "Kick-off"]
    assert len(kept(page)["milestones"]) == 2
    section(page).get_by_role("button", name="Delete “Review”…").click()
    section(page).get_by_role("button", name="Delete “Review” now").click()
    expect(rows(page)).to_have_count(1)
    assert names(page) == ["Kick-off"]
    assert [m["id"] for m in kept(page)["milestones"]] == ["m-early"]
    expect(notice(page)).to_contain_text("Deleted milestone “Review”")


def test_a_redraw_keeps_a_half_typed_name_and_an_open_question(page, site_url):
    """When the list is redrawn under the reader (here: another tab saves a milestone), a
    rename box keeps what was typed, a delete question stays asked, and the focus stays put."""
    open_with(page, site_url, _file(EARLY, LATE))
    section(page).get_by_role("button", name="Rename “Kick-off”").click()
    page.get_by_label("New name for “Kick-off”").fill("Half typed")
    section(page).get_by_role("button", name="Delete “Review”…").click()
    keep = section(page).get_by_role("button", name="Keep it: do not delete “Review”")
    expect(keep).to_be_focused()
    other = page.context.new_page()
    open_with(other, site_url, None)
    save(other, "From the other tab")
    expect(rows(page)).to_have_count(3)  # the first tab redrew its list
    expect(page.get_by_label("New name for “Kick-off”")).to_have_value("Half typed")
    expect(keep).to_be_visible()
    expect(keep).to_be_focused()
    other.close()
    field = page.get_by_label("New name for “Kick-off”")
    field.press("End")
    field.type(", finished")
    field.press("Enter")
    expect(page.get_by_label("New name for “Kick-off”")).to_be_hidden()
    assert sorted(names(page)) == ["From the other tab", "Half typed, finished", "Review"]


def _deaf_to_other_tabs(page: Page) -> None:
    """Hold back the storage events that tell this tab another tab saved milestones (as a busy
    tab may, for a moment)."""
    # Listening before any of the page's scripts, so this listener runs first and stops the rest.
    page.add_init_script(
        "window.addEventListener('storage', (e) => {"
        f" if (e.key === {json.dumps(KEY)}) e.stopImmediatePropagation(); }})"
    )


def saved_in_another_tab(page: Page, site_url: str) -> None:
    """Save a milestone "From the other tab" in a second tab of the same browser, then close it."""
    other = page.context.new_page()
    open_with(other, site_url, None)
    save(other, "From the other tab")
    other.close()


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("save", ["From the other tab", "Here", "Kick-off", "Review"]),
        ("rename", ["From the other tab", "Renamed", "Review"]),
        ("delete", ["From the other tab", "Kick-off"]),
        ("import", ["From the other tab", "Imported", "Kick-off", "Review"]),
    ],
)
def test_a_change_here_keeps_what_another_tab_has_just_saved(
    page, site_url, tmp_path, action, expected
):
    """A save, rename, delete or import in this tab, made before it has heard that another tab
    saved a milestone, keeps that milestone: on the page and in storage."""
    _deaf_to_other_tabs(page)
    open_with(page, site_url, _file(EARLY, LATE))
    saved_in_another_tab(page, site_url)
    assert rows(page).count() == 2  # this tab has not been told
    if action == "save":
        page.get_by_label("Name of the new milestone (optional)").fill("Here")
        section(page).get_by_role("button", name="Save milestone").click()
    elif action == "rename":
        section(page).get_by_role("button", name="Rename “Kick-off”").click()
        page.get_by_label("New name for “Kick-off”").fill("Renamed")
        page.get_by_label("New name for “Kick-off”").press("Enter")
    elif action == "delete":
        section(page).get_by_role("button", name="Delete “Review”…").click()
        section(page).get_by_role("button", name="Delete “Review” now").click()
    else:
        path = tmp_path / "milestones.json"
        entry = _entry("m-new", "Imported", "2026-04-10T09:00:00.000Z", {IDS[0]: "yes"})
        path.write_text(json.dumps(_file(entry)), encoding="utf-8")
        import_milestones(page, path)
    expect(rows(page)).to_have_count(len(expected), timeout=BOOT_TIMEOUT_MS)
    assert sorted(names(page)) == expected
    assert sorted(m["name"] for m in kept(page)["milestones"]) == expected


def test_a_tab_back_from_the_cache_lists_milestones_saved_meanwhile(page, site_url):
    """A tab shown again from the back-forward cache, which missed the storage events of its
    time away, lists the milestones another tab saved in the meantime."""
    _deaf_to_other_tabs(page)
    open_with(page, site_url, _file(EARLY, LATE))
    saved_in_another_tab(page, site_url)
    assert rows(page).count() == 2  # it has not been told
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))")
    expect(rows(page)).to_have_count(3)
    assert sorted(names(page)) == ["From the other tab", "Kick-off", "Review"]


def test_export_then_import_elsewhere_gives_the_same_milestones(new_context, site_url, tmp_path):
    """An export imported in a fresh browser lists the same milestones; again, nothing doubles."""
    sender = new_context().new_page()
    open_with(sender, site_url, _file(EARLY, LATE))
    with sender.expect_download() as info:
        section(sender).get_by_role("button", name="Export milestones").click()
    path = tmp_path / "milestones.json"
    info.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert [m["id"] for m in exported["milestones"]] == ["m-early", "m-late"]
    receiver = new_context().new_page()
    open_page(receiver, site_url + ASSESSMENT)
    import_milestones(receiver, path)
    expect(rows(receiver)).to_have_count(2, timeout=BOOT_TIMEOUT_MS)
    assert names(receiver) == ["Review", "Kick-off"]
    assert [m["document"] for m in kept(receiver)["milestones"]] == [
        m["document"] for m in exported["milestones"]
    ]
    import_milestones(receiver, path)
    expect(notice(receiver)).to_contain_text("2 milestones already here, skipped")
    expect(rows(receiver)).to_have_count(2)


def test_an_imported_milestone_with_a_taken_id_is_kept_beside_the_own_one(page, site_url, tmp_path):
    """A different milestone under an id already here comes in as a copy; ours is unchanged."""
    open_with(page, site_url, _file(EARLY))
    theirs = EARLY | {"name": "Theirs", "document": answers_doc("readiness", {IDS[5]: "yes"})}
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps(_file(theirs)), encoding="utf-8")
    import_milestones(page, path)
    expect(rows(page)).to_have_count(2, timeout=BOOT_TIMEOUT_MS)
    stored = kept(page)["milestones"]
    assert stored[0] == EARLY | {"verdict": stored[0]["verdict"]}
    assert stored[1]["name"] == "Theirs (imported copy)" and stored[1]["id"] == "m-early-copy"
    expect(notice(page)).to_contain_text("kept as a copy")


def _bad_files() -> list[tuple[str, str, str]]:
    deep = '{"format": "pilot2prod/milestones", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    return [
        ("not-json", "{ this is not json", "not a JSON file"),
        ("answers", json.dumps(answers_doc("readiness", {})), "answers file, not a milestones"),
        ("newer", json.dumps(_file() | {"version": 7}), "newer pilot2prod"),
        ("bad-entry", json.dumps(_file({"id": "x", "name": HOSTILE})), "milestones[0]"),
        ("deep", deep, "nested"),
    ]


@pytest.mark.parametrize(
    ("label", "text", "reason"), _bad_files(), ids=[b[0] for b in _bad_files()]
)
def test_a_bad_import_is_refused_with_the_reason_and_nothing_changes(
    page, site_url, tmp_path, label, text, reason
):
    """A foreign, malformed or hostile file is refused in plain words; the milestones stay."""
    open_with(page, site_url, _file(EARLY))
    before = page.evaluate("k => localStorage.getItem(k)", KEY)
    path = tmp_path / f"{label}.json"
    path.write_text(text, encoding="utf-8")
    import_milestones(page, path)
    expect(notice(page)).to_contain_text(reason, timeout=BOOT_TIMEOUT_MS)
    expect(notice(page)).to_contain_text("Your milestones are unchanged")
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == before
    assert names(page) == ["Kick-off"]
    assert page.evaluate("() => window.__xss") is None


def test_hostile_names_are_shown_as_text_everywhere(page, site_url):
    """A name made of markup is shown literally in the list, the pickers, chart and table."""
    open_page(page, site_url + ASSESSMENT)
    choose(page, "readiness", IDS[0], "yes")
    save(page, HOSTILE)
    save(page, "Second")
    expect(rows(page).nth(1).locator("[data-role='milestone-name']")).to_have_text(HOSTILE)
    expect(page.get_by_label("Compare from").locator("option").nth(2)).to_contain_text(HOSTILE)
    figure = page.locator(f"{SECTION} [data-role='trend']")
    expect(figure).to_have_attribute("data-points", "2", timeout=BOOT_TIMEOUT_MS)
    expect(figure.locator("[data-role='trend-rows'] thead th").nth(1)).to_have_text(HOSTILE)
    expect(figure.locator("svg text", has_text=HOSTILE[:18])).to_have_count(1)
    compared(page)
    assert section(page).locator("img").count() == 0
    assert page.evaluate("() => window.__xss") is None


def test_a_full_storage_says_so_and_keeps_the_milestone_on_the_page(new_context, site_url):
    """When the browser refuses the write, the notice says so and the milestone stays listed."""
    context = new_context()
    context.add_init_script(FULL)
    page = context.new_page()
    open_page(page, site_url + ASSESSMENT)
    expect(notice(page)).to_contain_text("storage for the site is full")
    choose(page, "readiness", IDS[0], "yes")
    save(page, "Kept here")
    expect(notice(page)).to_contain_text("kept on this page only until you reload")
    assert names(page) == ["Kept here"]
    assert kept(page) is None


def test_unreadable_stored_milestones_are_set_aside_not_lost(page, site_url):
    """A stored value this page cannot read is moved aside under its own key and named."""
    open_with(page, site_url, "{broken")
    expect(notice(page)).to_contain_text("could not be read. They were set aside in this browser")
    aside = page.evaluate(
        """k => Object.keys(localStorage).filter((name) => name.startsWith(k + ':unreadable:'))
            .map((name) => localStorage.getItem(name))""",
        KEY,
    )
    assert aside == ["{broken"]
    save(page, "Fresh start")
    assert [m["name"] for m in kept(page)["milestones"]] == ["Fresh start"]


def test_no_serious_axe_violations_with_milestones_compared_and_charted(page, site_url):
    """With milestones listed, a confirmation open, a comparison and a trend, axe finds none."""
    open_with(page, site_url, _file(EARLY, LATE))
    compared(page)
    expect(page.locator(f"{SECTION} [data-role='trend']")).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    section(page).get_by_role("button", name="Delete “Review”…").click()
    section(page).get_by_role("button", name="Rename “Kick-off”").click()
    violations = serious_axe_violations(page)
    assert not violations, "\n".join(violations)


def test_milestones_fit_a_390_px_phone(new_context, site_url):
    """On a phone the section causes no sideways scrolling of the page and its text stays large."""
    page = new_context(viewport={"width": 390, "height": 844}).new_page()
    open_with(page, site_url, _file(EARLY, LATE))
    compared(page)
    expect(page.locator(f"{SECTION} [data-role='trend']")).to_be_visible(timeout=BOOT_TIMEOUT_MS)
    widths = page.evaluate(
        """(selector) => {
            const root = document.querySelector(selector);
            const tick = root.querySelector('svg text.p2p-tick');
            return {
              page: document.documentElement.scrollWidth,
              section: root.getBoundingClientRect().right,
              tick: tick.getBoundingClientRect().height,
            };
        }""",
        SECTION,
    )
    assert widths["page"] <= 390 and widths["section"] <= 390
    assert widths["tick"] >= 10
    for button in ("Save milestone", "Rename “Review”", "Delete “Review”…"):
        box = section(page).get_by_role("button", name=button).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390


# ----- limits, ties, first use, races (one truth) --------------------------------------


def test_a_milestone_past_the_limit_is_refused_before_anything_is_written(page, site_url):
    """With as many milestones as Python keeps (rules.js), saving one more says why and writes
    nothing, so every milestone kept here can still be exported and imported again."""
    from pilot2prod.readiness.milestones import MAX_MILESTONES

    full = [
        _entry(
            f"m-{n}",
            f"Point {n}",
            f"2026-01-01T00:{n // 60:02d}:{n % 60:02d}.000Z",
            {IDS[0]: "yes"},
        )
        for n in range(MAX_MILESTONES)
    ]
    open_with(page, site_url, _file(*full))
    before = page.evaluate("k => localStorage.getItem(k)", KEY)
    page.get_by_label("Name of the new milestone (optional)").fill("One too many")
    section(page).get_by_role("button", name="Save milestone").click()
    expect(notice(page)).to_contain_text(f"keeps at most {MAX_MILESTONES} milestones")
    assert page.evaluate("k => localStorage.getItem(k)", KEY) == before
    assert "One too many" not in names(page)


def test_milestones_saved_at_the_same_instant_keep_the_order_they_were_saved(page, site_url):
    """Two milestones with one timestamp: the one saved later is newer, in the list and in the
    comparison, so the work done between them shows as progress, not a regression."""
    same = "2026-05-01T09:00:00.000Z"
    first = _entry("m-a", "Before", same, {IDS[0]: "no"})
    second = _entry("m-b", "After", same, {IDS[0]: "yes"})
    open_with(page, site_url, _file(first, second))
    assert names(page) == ["After", "Before"]
    expect(page.get_by_label("Compare from")).to_have_value("m-a")
    expect(page.get_by_label("Compare to")).to_have_value("m-b")
    area = compared(page)
    expect(area.locator("[data-role='improved'] li")).to_have_count(1)
    expect(area.locator("[data-role='regressed'] li")).to_have_count(0)


def test_after_the_first_save_it_is_compared_with_the_answers_now(page, site_url):
    """The first milestone saved is compared with the answers now, never "your answers now"
    with itself."""
    open_with(page, site_url, None)
    choose(page, "readiness", IDS[0], "yes")
    save(page, "First")
    expect(page.get_by_label("Compare from")).to_have_value(
        rows(page).first.get_attribute("data-milestone")
    )
    expect(page.get_by_label("Compare to")).to_have_value("current")


def test_two_tabs_saving_at_once_both_keep_their_milestone(context, site_url):
    """Saves clicked in two tabs at the same moment: both milestones are stored, neither tab
    overwrites the other (the cross-tab lock around each read-modify-write)."""
    first, second = context.new_page(), context.new_page()
    for tab in (first, second):
        open_with(tab, site_url, None)
        tab.get_by_label("Name of the new milestone (optional)").fill(f"From {id(tab)}")
    both = """() => document.querySelector('section.p2p-milestones [data-action="save"]').click()"""
    first.evaluate(both)
    second.evaluate(both)
    expect(notice(first)).to_contain_text("Saved milestone", timeout=BOOT_TIMEOUT_MS)
    expect(notice(second)).to_contain_text("Saved milestone", timeout=BOOT_TIMEOUT_MS)
    stored = kept(first)["milestones"]
    assert sorted(m["name"] for m in stored) == sorted(f"From {id(tab)}" for tab in (first, second))
