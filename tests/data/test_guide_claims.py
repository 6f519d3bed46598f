"""What the guide says in words about the calculators holds for their defaults in data/.

The figures themselves reach the pages through macros; these tests pin the words around them
(which stream leads, which way a choice moves the estimate), so a change of default that turns a
sentence false fails here and names the sentence to rewrite.
"""

from __future__ import annotations

from pilot2prod.calculators.effort.inputs import check_inputs
from pilot2prod.calculators.effort.simulate import stream_plans
from tests.fixtures import repo_data


def _likely_by_stream(changes: dict[str, object]) -> dict[str, float]:
    model = repo_data().effort
    inputs, problems = check_inputs(model, changes)
    assert inputs is not None, problems
    return {plan.stream.id: plan.range.likely for plan in stream_plans(model, inputs)}


def test_reliability_leads_at_the_defaults_and_legacy_puts_integration_first():
    """crossing-the-gap.md#how-large: "with legacy systems to connect, the order flips"."""
    defaults = _likely_by_stream({})
    assert max(defaults, key=defaults.__getitem__) == "reliability"
    assert sorted(defaults, key=defaults.__getitem__)[-2] == "integration"
    legacy = _likely_by_stream({"integration": "legacy"})
    assert max(legacy, key=legacy.__getitem__) == "integration"


def test_an_internal_low_volume_tool_needs_less_work_in_every_stream():
    """faq.md#small-internal-tool: internal stakes and low volume make the estimate smaller."""
    defaults = _likely_by_stream({})
    small = _likely_by_stream({"stakes": "internal", "volume": "low"})
    assert all(small[stream] <= defaults[stream] for stream in defaults)
    assert sum(small.values()) < sum(defaults.values())
