"""Who owns a file by CODEOWNERS, as GitHub and GitLab decide it."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from pilot2prod.repocheck.owners import OwnerLine, _pattern_expression, owner_of, parse_codeowners

NAME = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=8)


def owners(text: str, path: str) -> tuple[str, ...] | None:
    lines, _ = parse_codeowners(text)
    entry = owner_of(lines, path)
    return None if entry is None else entry.owners


def test_the_last_matching_line_decides():
    """A later line overrides an earlier one, as on GitHub."""
    text = "* @acme/all\n/prompts/ @acme/ml\n"
    assert owners(text, "prompts/a.txt") == ("@acme/ml",)
    assert owners(text, "src/app.py") == ("@acme/all",)


def test_a_line_without_owners_leaves_the_file_unowned():
    """A pattern with no owners after it takes the ownership away."""
    text = "* @acme/all\n/prompts/generated/\n"
    assert owners(text, "prompts/generated/x.txt") == ()
    assert owners(text, "prompts/x.txt") == ("@acme/all",)


def test_patterns_follow_gitignore_anchoring():
    """A slash in the middle anchors at the root; a bare name matches at any depth."""
    text = "config/model.yml @a\nmodel.json @b\n/docs/ @c\n"
    assert owners(text, "config/model.yml") == ("@a",)
    assert owners(text, "svc/config/model.yml") is None
    assert owners(text, "svc/deep/model.json") == ("@b",)
    assert owners(text, "docs/runbook.md") == ("@c",)
    assert owners(text, "src/docs/x.md") is None


def test_a_folder_pattern_covers_everything_inside():
    """`prompts` without a slash owns the folder's files, like `prompts/`."""
    assert owners("prompts @ml\n", "app/prompts/a/b.txt") == ("@ml",)
    assert owners("**/prompts/** @ml\n", "app/prompts/a/b.txt") == ("@ml",)


def test_comments_and_gitlab_sections_are_read():
    """Comments are ignored; a GitLab section's default owners fill lines without any."""
    text = "# owners\n[Prompts] @ml-team\n/prompts/\n^[Docs][2] @writers\n/docs/ @docs # why\n"
    lines, unreadable = parse_codeowners(text)
    assert unreadable == 0
    assert [entry.line for entry in lines] == [3, 5]
    assert owners(text, "prompts/a.txt") == ("@ml-team",)
    assert owners(text, "docs/a.md") == ("@docs",)


def test_unreadable_patterns_are_counted_not_fatal():
    """A line whose pattern cannot be read is counted and the rest still decide."""
    lines, unreadable = parse_codeowners("/a{b @x\n* @y\n")
    assert unreadable == 1
    assert owner_of(lines, "anything") is not None


@given(st.lists(st.tuples(NAME, NAME), max_size=30), st.lists(NAME, min_size=1, max_size=4))
def test_a_final_catch_all_owns_everything(lines, path):
    """Whatever comes before, a last `* @owner` line owns every file."""
    text = "".join(f"/{folder}/ @{owner}\n" for folder, owner in lines) + "* @last\n"
    assert owners(text, "/".join(path)) == ("@last",)


PATTERN = st.builds(
    lambda lead, parts, trail: ("/" if lead else "") + "/".join(parts) + ("/" if trail else ""),
    st.booleans(),
    st.lists(st.sampled_from(["docs", "prompts", "a", "model.yml"]), min_size=1, max_size=3),
    st.booleans(),
)
PATH = st.lists(st.sampled_from(["docs", "prompts", "a", "model.yml", "b"]), min_size=1, max_size=4)


@given(PATTERN, PATH)
def test_plain_patterns_match_as_their_expression_would(pattern, parts):
    """The string tests for patterns without wildcards agree with the compiled pattern."""
    entry = OwnerLine(1, pattern, ("@x",))
    path = "/".join(parts)
    assert entry.matches(path) is (_pattern_expression(pattern).match(path) is not None)
