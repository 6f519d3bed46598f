"""`pilot2prod` and files nested far too deep: exit 2 with one line naming the file."""

from __future__ import annotations

import pytest

from tests.cli.support import document, run, write_json


@pytest.mark.parametrize("command", ["assess", "merge"])
def test_a_deep_json_file_exits_2_naming_it(capsys, tmp_path, command):
    """A few kilobytes of `[[[[…` is refused before parsing, by name, never with a traceback."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    good = write_json(tmp_path / "good.json", document({}))
    args = [deep] if command == "assess" else [good, deep]
    result = run(capsys, command, *args)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert str(deep) in lines[0]
    assert "levels deep" in lines[0]


@pytest.mark.parametrize("command", ["estimate", "cost"])
def test_a_yaml_inputs_file_is_held_to_the_json_files_depth(capsys, tmp_path, command):
    """A hand-written YAML inputs file nested past the shared limit is refused as JSON would be
    (here, not among the unit tests: PyYAML is not there when those run inside Pyodide)."""
    from pilot2prod.model.nesting import MAX_DEPTH

    deep = tmp_path / "inputs.yml"
    nested = "[" * (MAX_DEPTH + 1) + "1" + "]" * (MAX_DEPTH + 1)
    deep.write_text(f"inputs:\n  history: {nested}\n", encoding="utf-8")
    result = run(capsys, command, deep)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and str(deep) in lines[0]
    assert "nested more than" in lines[0]
