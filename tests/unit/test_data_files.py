"""Reading data files from disk: YAML errors name the file and the line."""

from __future__ import annotations

import pytest

from pilot2prod.model.errors import DataError
from pilot2prod.model.files import load_yaml, read_data_dir


def test_invalid_yaml_names_file_and_line():
    """A YAML syntax error fails with the file name and the line."""
    text = "page: faq.md\nrecords:\n  - id: a\n    question: [unclosed\n"
    with pytest.raises(DataError, match=r"^data/faq\.yml: line \d+: not valid YAML"):
        load_yaml(text, "data/faq.yml")


def test_key_written_twice_is_refused():
    """PyYAML would silently keep the last of two equal keys; we refuse the file."""
    with pytest.raises(DataError, match=r"^data/faq\.yml: line 2: .*'page' appears twice"):
        load_yaml("page: faq.md\npage: other.md\n", "data/faq.yml")


def test_unhashable_key_is_a_data_error():
    """A list used as a mapping key is reported with file and line, not raised as a TypeError."""
    with pytest.raises(DataError, match=r"^data/faq\.yml: line 2: not valid YAML: .*unhashable"):
        load_yaml("page: faq.md\n? [a, b]\n: x\n", "data/faq.yml")


def test_data_folder_files_are_keyed_like_the_site(tmp_path):
    """Every .yml under the folder is read and keyed `data/<path>`, checklists included."""
    (tmp_path / "checklists").mkdir()
    (tmp_path / "faq.yml").write_text("page: faq.md\n", encoding="utf-8")
    (tmp_path / "checklists" / "x.yml").write_text("id: x\n", encoding="utf-8")
    assert read_data_dir(tmp_path) == {
        "data/checklists/x.yml": {"id": "x"},
        "data/faq.yml": {"page": "faq.md"},
    }
