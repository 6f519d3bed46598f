"""Reading data files from disk: YAML errors and page anchors."""

from __future__ import annotations

import pytest

from macros.data_files import heading_anchors, read_yaml
from pilot2prod.errors import DataError


def test_invalid_yaml_names_file_and_line(tmp_path):
    """A YAML syntax error fails with the file name and the line."""
    path = tmp_path / "faq.yml"
    path.write_text(
        "page: faq.md\nrecords:\n  - id: a\n    question: [unclosed\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"^data/faq\.yml: line \d+: is not valid YAML"):
        read_yaml(path, "data/faq.yml")


def test_key_written_twice_is_refused(tmp_path):
    """PyYAML would silently keep the last of two equal keys; we refuse the file."""
    path = tmp_path / "faq.yml"
    path.write_text("page: faq.md\npage: other.md\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^data/faq\.yml: line 2: .*'page' appears twice"):
        read_yaml(path, "data/faq.yml")


def test_unhashable_key_is_a_data_error(tmp_path):
    """A list used as a mapping key is reported with file and line, not raised as a TypeError."""
    path = tmp_path / "faq.yml"
    path.write_text("page: faq.md\n? [a, b]\n: x\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^data/faq\.yml: line 2: is not valid YAML: .*unhashable"):
        read_yaml(path, "data/faq.yml")


def test_heading_anchors_follow_python_markdown():
    """Headings give toc-style slugs; explicit {#id} wins; fenced code is ignored."""
    text = (
        "# Title\n\n## Scope the work, honestly!\n\n### Cost {#run-cost}\n\n"
        "```\n## not a heading\n```\n"
    )
    assert heading_anchors(text) == {"title", "scope-the-work-honestly", "run-cost"}
