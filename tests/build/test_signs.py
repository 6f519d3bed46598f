"""Warning signs carry ids, so a proposal can link to the one sign that applies."""

from __future__ import annotations

import pytest

from macros.render_content import render_topic
from pilot2prod.dataset import Dataset
from pilot2prod.model.errors import DataError
from pilot2prod.model.records import Sign, Topic
from tests.unit.test_dataset import PAGES, valid_files


def _with_signs(signs: list[object]) -> dict:
    files = valid_files()
    files["data/reasons.yml"]["records"][0]["signs"] = signs
    return files


@pytest.mark.parametrize(
    ("signs", "message"),
    [
        (["Just words"], "data/reasons.yml: records[0].signs[0]: must be a mapping"),
        (
            [{"id": "Bad Id", "text": "Words."}],
            "data/reasons.yml: records[0].signs[0].id: id 'Bad Id' must be lower-case words",
        ),
        (
            [{"id": "same", "text": "One."}, {"id": "same", "text": "Two."}],
            "data/reasons.yml: records[0].signs[1].id: duplicate id 'same'",
        ),
        ([{"id": "no-text"}], "data/reasons.yml: records[0].signs[0].text: missing required key"),
    ],
)
def test_a_sign_without_a_valid_id_is_refused(signs, message) -> None:
    """Signs are `{id, text}` records; a bare string, bad id or repeated id names its place."""
    with pytest.raises(DataError) as raised:
        Dataset(_with_signs(signs)).validate_all()
    assert str(raised.value).startswith(message)


def test_a_link_to_a_sign_is_accepted_and_a_missing_sign_is_not() -> None:
    """`page.md#<topic>-<sign>` is a known anchor; a sign that is not there fails the build."""
    files = _with_signs([{"id": "demo-only", "text": "Only a demo."}])
    files["data/faq.yml"]["records"][0]["see_also"][0]["to"] = "why.md#easy-cases-demo-only"
    Dataset(files).validate_all(PAGES)
    files["data/faq.yml"]["records"][0]["see_also"][0]["to"] = "why.md#easy-cases-gone"
    with pytest.raises(DataError, match="has no anchor #easy-cases-gone"):
        Dataset(files).validate_all(PAGES)


def test_each_sign_renders_with_its_anchor_and_a_link_to_it() -> None:
    """Every bullet carries `id="<topic>-<sign>"` and a link to itself; its text is escaped."""
    topic = Topic(
        id="easy-cases",
        title="T",
        summary="S",
        body="B",
        signs=(Sign(id="demo-only", text="Only <b>a demo</b>."),),
    )
    markup = "\n".join(render_topic(topic, "why.md", 2))
    assert '<li id="easy-cases-demo-only">Only &lt;b&gt;a demo&lt;/b&gt;.' in markup
    assert 'href="#easy-cases-demo-only"' in markup
