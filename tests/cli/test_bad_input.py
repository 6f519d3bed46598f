"""Bad or foreign files: exit status 2 and one line naming the file and field, never a traceback."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pilot2prod.cli import main
from tests.cli.support import document, run, write_json

CASES = {
    "wrong-format-tag": (
        lambda: json.dumps({**document({}), "format": "someone-else/answers"}),
        "format: 'someone-else/answers' is not a pilot2prod answers file",
    ),
    "missing-format-tag": (
        lambda: json.dumps({k: v for k, v in document({}).items() if k != "format"}),
        "format: missing; a pilot2prod answers file says 'pilot2prod/answers'",
    ),
    "newer-version": (
        lambda: json.dumps({**document({}), "version": 3}),
        "version: this file uses answers format 3, written by a newer pilot2prod",
    ),
    "version-as-text": (
        lambda: json.dumps({**document({}), "version": "1"}),
        "version: must be a whole number, not text",
    ),
    "unknown-ids-with-bad-values": (
        lambda: json.dumps(document({"no-such-question": 3, "another-one": ["no"]})),
        "answers.no-such-question: must be one of no, partial, yes, na, not a number "
        "(and 1 more: answers.another-one)",
    ),
    "unknown-value": (
        lambda: json.dumps(document({"named-operator": "maybe"})),
        "answers.named-operator: 'maybe' is not an answer (use no, partial, yes, na)",
    ),
    "another-checklist": (
        lambda: json.dumps({**document({}), "checklist": "operations-handover"}),
        "checklist: 'operations-handover' is a checklist without a verdict; "
        "only 'readiness' is scored",
    ),
    "unknown-checklist": (
        lambda: json.dumps({**document({}), "checklist": "moon-landing"}),
        "checklist: these answers are for 'moon-landing', not for the 'readiness' checklist",
    ),
    "answers-not-an-object": (
        lambda: json.dumps({**document({}), "answers": ["yes"]}),
        "answers: must be an object mapping question ids to answers, not a list",
    ),
    "top-level-list": (lambda: "[1, 2, 3]", "an answers file must hold a JSON object, not a list"),
    "invalid-json": (
        lambda: '{"format": "pilot2prod/answers",\n "version": 1,,}',
        "line 2 column 15: not valid JSON: Expecting property name enclosed in double quotes",
    ),
    "nan-in-json": (
        lambda: '{"format": "pilot2prod/answers", "version": NaN}',
        "not valid JSON: NaN is not a number JSON allows",
    ),
    "duplicate-json-key": (
        lambda: '{"format": "pilot2prod/answers", "format": "x"}',
        "not valid JSON: key 'format' appears twice",
    ),
    "unknown-top-level-key": (
        lambda: json.dumps({**document({}), "answerz": {}}),
        "answerz: unknown key",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_malformed_answers_file_gets_one_line_and_exit_2(capsys, tmp_path, case):
    """Each fault is named by file and field on one line of stderr, with exit status 2."""
    make, message = CASES[case]
    path = tmp_path / f"{case}.json"
    path.write_text(make(), encoding="utf-8")
    result = run(capsys, "assess", path)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"pilot2prod: {path}: {message}")
    assert result.err.count("\n") == 1


RAW_CASES = {
    "empty-file": (b"", "is empty; expected a pilot2prod answers file (JSON or YAML)"),
    "only-whitespace": (b"  \n\t\n", "is empty; expected a pilot2prod answers file"),
    "binary-junk": (
        bytes(range(256)) * 4,
        "holds binary data, not a pilot2prod answers file (JSON or YAML)",
    ),
    "not-utf8": (b"\xff\xfe\xfa answers", "is not UTF-8 text (byte 0 is not)"),
    "invalid-yaml": (b"format: [unclosed\nversion: 1\n", "line 2: not valid YAML: "),
    "yaml-duplicate-key": (
        b"format: pilot2prod/answers\nformat: again\n",
        "line 2: not valid YAML: key 'format' appears twice",
    ),
    "yaml-alias": (
        b"format: &f pilot2prod/answers\nversion: *f\n",
        "line 2: not valid YAML: anchors and aliases (*name) are not allowed here",
    ),
    "yaml-boolean-answer": (
        b"format: pilot2prod/answers\nversion: 1\nchecklist: readiness\n"
        b"answers:\n  named-operator: true\n",
        "answers.named-operator: must be one of no, partial, yes, na, not true/false (in YAML, "
        'quote it: "yes")',
    ),
    "yaml-plain-text": (b"just some words\n", "an answers file must hold a JSON object, not text"),
    "two-yaml-documents": (
        b"a: 1\n---\nb: 2\n",
        "line 2: not valid YAML: holds more than one document",
    ),
}


@pytest.mark.parametrize("case", sorted(RAW_CASES))
def test_each_unreadable_file_gets_one_line_and_exit_2(capsys, tmp_path, case):
    """Empty, binary, non-UTF-8 and malformed YAML files are refused on one line, exit 2."""
    content, message = RAW_CASES[case]
    path = tmp_path / f"{case}.yml"
    path.write_bytes(content)
    result = run(capsys, "assess", path)
    assert result.code == 2
    assert result.err.startswith(f"pilot2prod: {path}: {message}")
    assert result.err.count("\n") == 1
    assert "Traceback" not in result.err


def test_a_folder_and_a_missing_file_are_named(capsys, tmp_path):
    """A folder instead of a file, and a file that does not exist, each get their line."""
    folder = run(capsys, "assess", tmp_path)
    assert (folder.code, folder.err) == (2, f"pilot2prod: {tmp_path}: is a folder, not a file\n")
    missing = run(capsys, "assess", tmp_path / "nope.json")
    assert (missing.code, missing.err) == (2, f"pilot2prod: {tmp_path}/nope.json: no such file\n")


def test_an_oversized_file_is_refused_without_reading_it_all(capsys, tmp_path):
    """A file over the size limit is refused before parsing."""
    path = tmp_path / "huge.json"
    path.write_bytes(b"{" + b" " * (6 * 1024 * 1024) + b"}")
    result = run(capsys, "assess", path)
    assert result.code == 2
    assert "is larger than 5 MB" in result.err


def test_a_hostile_file_name_or_field_cannot_add_lines(capsys, tmp_path):
    """Newlines in a field name or a value are folded, so the message stays one line."""
    path = write_json(tmp_path / "a.json", document({"evil\nline": 5}))
    result = run(capsys, "assess", path)
    assert result.code == 2
    assert result.err.count("\n") == 1


def test_merge_names_the_one_bad_file_among_good_ones(capsys, tmp_path):
    """In a merge, the first unusable file is named and nothing is printed on stdout."""
    good = write_json(tmp_path / "good.json", document({"named-operator": "yes"}))
    bad = write_json(tmp_path / "bad.json", {**document({}), "version": 9})
    result = run(capsys, "merge", good, bad)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"pilot2prod: {bad}: version: this file uses answers format 9")


@pytest.mark.parametrize(
    ("command", "content", "message"),
    [
        ("cost", "[]", "must hold an object of the calculator's fields and values"),
        ("cost", '{"inputs": 3}', "inputs: must be an object of fields and values"),
        ("cost", '{"inputs": {}, "extra": 1}', "extra: unknown key beside 'inputs'"),
        ("cost", '{"tokens-in": "lots"}', "tokens-in: Use digits and a decimal point"),
        ("cost", '{"inputs": {"cache-hit-rate": 150}}', "inputs.cache-hit-rate: Must be at most"),
        ("estimate", '{"pilot-weeks": -1}', "pilot-weeks: "),
        ("estimate", '{"stakes": "galactic"}', "stakes: Choose one of: "),
        ("estimate", '{"pilot-wekes": 3}', "pilot-wekes: not a field of this calculator"),
        ("estimate", "", "is empty; expected a calculator's inputs"),
    ],
)
def test_calculator_inputs_are_checked_field_by_field(capsys, tmp_path, command, content, message):
    """estimate and cost refuse a bad field, or a key that is not a field, by name; exit 2."""
    path = tmp_path / "inputs.json"
    path.write_text(content, encoding="utf-8")
    result = run(capsys, command, path)
    assert result.code == 2
    assert result.err.startswith(f"pilot2prod: {path}: {message}")
    assert result.err.count("\n") == 1


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: t.encode("utf-8")),
        JSON_VALUES.map(lambda v: json.dumps(v).encode("utf-8")),
        st.fixed_dictionaries(
            {"answers": JSON_VALUES, "notes": JSON_VALUES, "version": JSON_VALUES}
        ).map(lambda d: json.dumps({**document({}), **d}).encode("utf-8")),
    ),
    st.sampled_from(["answers.json", "answers.yml", "answers"]),
)
def test_no_input_makes_the_command_crash(content, name):
    """Random bytes, text, JSON and half-valid documents give exit 0 or 2 and at most one line."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["assess", str(path)])
    assert code in (0, 2), err.getvalue()
    if code == 2:
        assert err.getvalue().count("\n") == 1
        assert "Traceback" not in err.getvalue()
