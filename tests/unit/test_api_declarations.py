"""Every function the pages may call is declared once, beside its code, and answers its examples."""

from __future__ import annotations

import json

import pytest

from pilot2prod import api
from tests.fixtures import repo_data

DECLARED = api.declarations()


def test_the_pages_functions_are_all_declared():
    """Each function the worker, the pre-render and the CLI call is found by its declared name."""
    assert set(api.FUNCTIONS) == set(DECLARED)
    assert {
        "ping",
        "readiness.score",
        "readiness.merge",
        "readiness.plan",
        "effort.estimate",
        "cost.run",
    } <= set(DECLARED)


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_each_declared_name_resolves_to_its_function(name):
    """The name leads to the declared function, at the module:function the catalogue names."""
    declaration = DECLARED[name]
    assert api.FUNCTIONS[name] is declaration.function
    module, _, function = api.catalogue()[name].partition(":")
    assert (module, function) == (declaration.function.__module__, declaration.function.__name__)


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_each_declared_function_answers_its_example_requests(name):
    """Every example request a declaration gives is answered through `api.call` without an
    error (a calculator's out-of-range example answers with messages per field instead)."""
    examples = list(DECLARED[name].examples(repo_data()))
    assert examples, f"{name} declares no example request"
    for payload in examples:
        answer = json.loads(api.call(name, json.dumps(payload), repo_data()))
        assert "error" not in answer, (name, answer.get("error"))


def test_a_name_cannot_be_declared_for_two_functions():
    """Declaring a taken name for other code fails at once, naming both places."""

    def other(data, payload):
        return {}

    with pytest.raises(RuntimeError, match=r"'readiness\.score' is declared twice"):
        api.declare("readiness.score", examples=lambda data: [])(other)
    assert api.FUNCTIONS["readiness.score"] is DECLARED["readiness.score"].function


def test_the_catalogue_the_build_ships_lists_every_declaration():
    """`_functions.json` is written from the declarations: one entry each, module:function."""
    shipped = json.loads(api.catalogue_json())
    assert shipped == {name: d.target for name, d in DECLARED.items()}
