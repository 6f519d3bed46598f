"""Hostile data files: alias bombs refused quickly, values JSON cannot carry and anchors that
collide on a page fail naming the file and the key."""

from __future__ import annotations

import time

import pytest

from pilot2prod.dataset import Dataset
from pilot2prod.model.errors import DataError
from pilot2prod.model.files import load_yaml, read_data_dir
from tests.unit.test_dataset import PAGES, valid_files

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)
"""Nine lines that expand to 9^9 (387 million) strings: the classic "billion laughs"."""


def test_an_alias_bomb_is_refused_quickly_naming_file_and_line(tmp_path):
    """Nested aliases that expand past the limit fail at once, with the line of the first."""
    path = tmp_path / "faq.yml"
    path.write_text(LAUGHS, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(DataError) as raised:
        load_yaml(path.read_text(encoding="utf-8"), "data/faq.yml")
    assert time.monotonic() - started < 5
    assert str(raised.value) == (
        "data/faq.yml: line 2: not valid YAML: aliases (*name) expand it to more than "
        "10,000 values; write the repeated part out, or reference it by id"
    )


def test_an_alias_that_contains_itself_is_refused(tmp_path):
    """A recursive alias would expand for ever: refused like a bomb, not loaded as a loop."""
    path = tmp_path / "faq.yml"
    path.write_text("page: faq.md\nrecords: &r [1, *r]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^data/faq\.yml: line 2: .*aliases \(\*name\) expand"):
        load_yaml(path.read_text(encoding="utf-8"), "data/faq.yml")


def test_a_few_aliases_still_read(tmp_path):
    """An alias or two that a maintainer writes to avoid repeating a list keeps working."""
    path = tmp_path / "faq.yml"
    path.write_text("a: &shared [x, y]\nb: *shared\nc: [*shared, *shared]\n", encoding="utf-8")
    assert load_yaml(path.read_text(encoding="utf-8"), "data/faq.yml") == {
        "a": ["x", "y"],
        "b": ["x", "y"],
        "c": [["x", "y"], ["x", "y"]],
    }


@pytest.mark.parametrize(
    ("text", "key", "problem"),
    [
        (
            "records:\n  - id: a\n    when: 2026-01-31\n",
            "records[0].when",
            "is a YAML date (2026-01-31); JSON has no dates: quote it",
        ),
        ("records:\n  - id: a\n    seen: !!set {x, y}\n", "records[0].seen", "is a set"),
        ("records:\n  - id: a\n    blob: !!binary aGk=\n", "records[0].blob", "is binary data"),
        ("limits:\n  top: .inf\n", "limits.top", "is not a finite number"),
        ("limits:\n  top: .nan\n", "limits.top", "is not a finite number"),
        ("limits:\n  big: 123456789012345678901\n", "limits.big", "is a whole number too large"),
        ("limits:\n  1: one\n", "limits", "has the key 1, which is a number; JSON keys are text"),
        ("limits:\n  2026-01-01: x\n", "limits", "has the key 2026-01-01, which is date"),
    ],
    ids=["date", "set", "binary", "infinity", "nan", "huge-integer", "number-key", "date-key"],
)
def test_values_json_cannot_carry_fail_naming_file_and_key(tmp_path, text, key, problem):
    """The data travels to the browser as JSON; what JSON cannot hold is refused by key."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "cost.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        read_data_dir(tmp_path / "data")
    assert str(raised.value).startswith(f"data/cost.yml: {key}: {problem}")


def test_a_quoted_date_is_text_and_reads(tmp_path):
    """The fix the message suggests works: a quoted date is plain text."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "cost.yml").write_text("when: '2026-01-31'\n", encoding="utf-8")
    assert read_data_dir(tmp_path / "data") == {"data/cost.yml": {"when": "2026-01-31"}}


def test_a_record_id_that_repeats_a_heading_anchor_fails_naming_file_and_key():
    """A record whose id is also the slug of a heading on its page would break deep links."""
    pages = {**PAGES, "why.md": {"scope"}}
    with pytest.raises(DataError) as raised:
        Dataset(valid_files()).validate_all(pages)
    assert str(raised.value) == (
        "data/reasons.yml: records[1].id: gives why.md the anchor #scope, which a heading of "
        "the page already has; choose another id"
    )


def test_a_record_id_that_repeats_a_checklist_anchor_on_its_page_fails():
    """A record on the checklist's page with the id of a checklist item's anchor collides."""
    files = valid_files()
    files["data/examples.yml"]["page"] = "assess.md"
    files["data/examples.yml"]["records"][0]["id"] = "ready-hard-cases"
    with pytest.raises(DataError) as raised:
        Dataset(files).validate_all(PAGES)
    assert str(raised.value) == (
        "data/checklists/ready.yml: sections[0].items[0].id: gives assess.md the anchor "
        "#ready-hard-cases, which data/examples.yml (records[0].id) already has; "
        "choose another id"
    )
