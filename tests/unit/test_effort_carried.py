"""A readiness result carried from the assessment: Python alone reads it, the page fills it in."""

from __future__ import annotations

from pilot2prod.calculators.effort import view as effort_view
from pilot2prod.calculators.effort.inputs import carried_fields, check_inputs
from tests.unit.calculator_fixtures import effort_model

# The shape the assessment page's "Estimate the remaining work" link carries.
ASSESSMENT_LINK = {
    "score": 0.25,
    "dimensions": [{"id": "reliability", "score": 0.625}, {"id": "integration", "score": 0.25}],
}


def test_the_assessment_links_list_of_dimensions_fills_each_blank_field():
    """Listed dimensions fill their own field; one left out takes the overall score."""
    assert carried_fields(effort_model(), {"readiness": ASSESSMENT_LINK}) == {
        "readiness-reliability": "62.5",
        "readiness-integration": "25",
        "readiness-operations": "25",
    }


def test_a_field_the_reader_filled_is_not_carried_over():
    """A typed score stays; only the blank fields are offered to the form."""
    raw = {"readiness": ASSESSMENT_LINK, "readiness-reliability": "10"}
    assert "readiness-reliability" not in carried_fields(effort_model(), raw)
    inputs, messages = check_inputs(effort_model(), raw)
    assert messages == {} and inputs is not None
    assert inputs.readiness["reliability"] == 0.1
    assert inputs.readiness["integration"] == 0.25


def test_the_estimate_view_reports_what_it_carried_and_nothing_for_a_bad_result():
    """The estimator's view names the carried fields; a bad result carries none and says why."""
    model = effort_model()
    good = effort_view.run(model, {"inputs": {"readiness": ASSESSMENT_LINK}})
    assert good["ok"] and good["carried"]["readiness-reliability"] == "62.5"
    bad = effort_view.run(model, {"inputs": {"readiness": {"score": 7}}})
    assert bad["carried"] == {} and "readiness" in bad["messages"]
    assert effort_view.run(model, {"inputs": {}})["carried"] == {}


def test_the_carried_notice_names_each_carried_field_with_its_value():
    """The notice the estimator shows on arrival names what the link filled in, and only that."""
    raw = {"readiness": {"score": 0.5, "dimensions": [{"id": "reliability", "score": 0.625}]}}
    result = effort_view.run(effort_model(), {"inputs": raw})
    assert result["carried"]["readiness-reliability"] == "62.5"
    label = effort_model().number("readiness-reliability").label
    assert f"{label} 62.5%" in result["carried_text"]
    assert effort_view.run(effort_model(), {"inputs": {}})["carried_text"] == ""
