"""The calculator pages as built: labelled forms, and default results without JavaScript."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from pilot2prod.calculators.effort.loader import load_effort_model
from pilot2prod.calculators.runcost.model import load_cost_model
from tests.fixtures import api_result, repo_files


@pytest.fixture(scope="module")
def files() -> dict[str, object]:
    return repo_files()


def _view(files, name: str, inputs: dict) -> dict:
    return api_result(files, name, {"inputs": inputs})


def _page(built_site: Path, name: str) -> str:
    return (built_site / name / "index.html").read_text(encoding="utf-8")


def _outputs(page: str) -> dict[str, tuple[str, str | None]]:
    found = {}
    for match in re.finditer(
        r'<output name="([^"]+)"(?: data-value="([^"]*)")?>([^<]*)</output>', page
    ):
        found[match[1]] = (html.unescape(match[3]), match[2])
    return found


@pytest.mark.parametrize(
    ("page_name", "function", "loader", "source"),
    [
        ("estimator", "effort.estimate", load_effort_model, "data/effort.yml"),
        ("run-cost", "cost.run", load_cost_model, "data/cost.yml"),
    ],
)
def test_default_results_are_prerendered(built_site, files, page_name, function, loader, source):
    """Without JavaScript the page shows, in every output, Python's result for the defaults."""
    model = loader(files[source])
    view = _view(files, function, model.defaults())
    page = _page(built_site, page_name)
    shown = _outputs(page)
    assert set(shown) == set(view["outputs"])
    for name, (text, value) in shown.items():
        expected = view["outputs"][name]
        assert text == expected["text"], name
        assert (value is None) == (expected["value"] is None), name
        if value is not None:
            assert float(value) == expected["value"], name
    for table in view["tables"].values():
        for row in table["rows"]:
            assert f'<th scope="row">{html.escape(row[0])}</th>' in page
    # Each chart twice: the wide layout and the narrow one a phone shows.
    assert page.count('<svg class="p2p-chart-svg p2p-chart-wide"') == len(view["charts"])
    assert page.count('<svg class="p2p-chart-svg p2p-chart-narrow"') == len(view["narrow_charts"])


@pytest.mark.parametrize(
    ("page_name", "loader", "source"),
    [
        ("estimator", load_effort_model, "data/effort.yml"),
        ("run-cost", load_cost_model, "data/cost.yml"),
    ],
)
def test_every_input_has_a_label_unit_and_default(built_site, files, page_name, loader, source):
    """Each form control has a label, and each number its unit and its default value."""
    model = loader(files[source])
    page = _page(built_site, page_name)
    numbers = getattr(model.inputs, "numbers", model.inputs)
    for spec in numbers:
        dom_id = f"{'effort' if page_name == 'estimator' else 'cost'}-{spec.id}"
        assert f'<label for="{dom_id}">{html.escape(spec.label)}</label>' in page
        assert f'id="{dom_id}-unit">{html.escape(spec.unit)}</span>' in page
        control = re.search(rf'<input id="{dom_id}"[^>]*>', page)
        assert control is not None, spec.id
        default = "" if spec.default is None else f"{spec.default:g}"
        assert f'value="{default}"' in control[0], spec.id
        assert (
            f'aria-describedby="{dom_id}-unit {dom_id}-help {dom_id}-source {dom_id}-msg"'
            in control[0]
        )


def test_method_page_shows_the_worked_examples(built_site, files):
    """The method page shows each worked example with the results the models compute."""
    page = html.unescape(re.sub(r"<[^>]+>", "", _page(built_site, "method")))
    effort = load_effort_model(files["data/effort.yml"])
    for example in effort.examples:
        view = _view(files, "effort.estimate", dict(example.inputs))
        assert example.title in page
        assert f"P50 {view['outputs']['p50']['text']}, P80 {view['outputs']['p80']['text']}" in page
    cost = load_cost_model(files["data/cost.yml"])
    for example in cost.examples:
        view = _view(files, "cost.run", dict(example.inputs))
        assert f"{view['outputs']['monthly']['text']} a month" in page


def test_calculator_pages_say_parameters_are_assumptions(built_site):
    """Both pages state plainly that their parameters are starting assumptions."""
    assert "Starting assumptions, not measurements" in _page(built_site, "estimator")
    assert "Calibrate it with your own projects" in _page(built_site, "estimator")
    assert "Starting assumptions, not quotes" in _page(built_site, "run-cost")


@pytest.mark.parametrize(
    ("page_name", "calculator"), [("estimator", "effort"), ("run-cost", "cost")]
)
def test_every_form_field_is_a_field_of_the_document_the_command_line_reads(
    built_site, files, page_name, calculator
):
    """The page's controls are exactly its document's form fields: no field the CLI refuses."""
    from pilot2prod.calculators import documents
    from pilot2prod.dataset import Dataset

    data = Dataset(files)
    fmt = (
        documents.effort_format(data.effort)
        if calculator == "effort"
        else documents.cost_format(data.cost)
    )
    page = _page(built_site, page_name)
    start = page.index('<form class="p2p-calc__form"')
    form = page[start : page.index("</form>", start)]
    names = re.findall(r'<(?:input|select|textarea)[^>]* name="([^"]+)"', form)
    assert sorted(names) == sorted(fmt.form_fields)
    assert set(fmt.form_fields) <= set(fmt.fields)


def test_the_pages_take_the_calculators_limit_and_version_from_python(built_site):
    """What a calculator page checks before Python is up (a value's length, the version it
    stores) is Python's, in the rules the build writes for every page."""
    from pilot2prod.calculators import documents

    rules = (built_site / "assets" / "js" / "lib" / "rules.js").read_text(encoding="utf-8")
    found = json.loads(rules[rules.index("freeze({") + len("freeze(") : rules.rindex(");")])
    assert found["calculators"] == {
        "version": documents.VERSION,
        "max_value_chars": documents.MAX_VALUE_CHARS,
    }
