"""How a repository rule names files: globs from the root, letter case ignored."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pilot2prod.repocheck.globs import (
    FileSet,
    GlobError,
    PathIndex,
    compile_globs,
    expand_braces,
)

NAME = st.text(string.ascii_letters + string.digits + "-_", min_size=1, max_size=8)


def matches(glob: str, path: str) -> bool:
    return compile_globs([glob]).match(path) is not None


@pytest.mark.parametrize(
    ("glob", "path", "expected"),
    [
        ("**/runbook*.md", "runbook.md", True),
        ("**/runbook*.md", "docs/ops/RUNBOOK-payments.md", True),
        ("**/runbook*.md", "docs/runbook.txt", False),
        ("CODEOWNERS", "CODEOWNERS", True),
        ("CODEOWNERS", "docs/CODEOWNERS", False),
        ("/CODEOWNERS", "CODEOWNERS", True),
        (".github/workflows/*.{yml,yaml}", ".github/workflows/evals.yaml", True),
        (".github/workflows/*.{yml,yaml}", ".github/workflows/sub/evals.yml", False),
        ("**/prompts/**", "app/prompts/answer/system.txt", True),
        ("**/prompts/**", "app/prompts.txt", False),
        ("**/{model,llm}{-,_}config.{yml,json}", "svc/llm_config.json", True),
        ("**/{model,llm}{-,_}config.{yml,json}", "svc/llmconfig.json", False),
        ("**/*.rules.{yml,yaml}", "alerts/quality.rules.yml", True),
        ("docs/[ab]*.md", "docs/b-side.md", True),
        ("docs/[!ab]*.md", "docs/b-side.md", False),
        ("docs/?.md", "docs/x.md", True),
        ("docs/?.md", "docs/xy.md", False),
    ],
)
def test_globs_name_the_files_a_reader_expects(glob, path, expected):
    """`**/` spans folders, `*` stays within a name, braces offer words, case is ignored."""
    assert matches(glob, path) is expected


@pytest.mark.parametrize(
    ("glob", "problem"),
    [
        ("../secrets/*", "leaves the repository"),
        ("docs/{a,b.md", "without its }"),
        ("docs/a}.md", "without its {"),
        ("", "is empty"),
        ("/", "names the root itself"),
        ("x" * 400, "longer than"),
    ],
)
def test_unusable_globs_are_refused_in_words(glob, problem):
    """A glob that leaves the repository, is unbalanced or empty is refused, saying why."""
    with pytest.raises(GlobError, match=problem):
        compile_globs([glob])


def test_a_character_set_with_operators_is_read_literally_without_a_warning():
    """`[&~|]` in a glob are characters to match, not Python set operators."""
    assert matches("a[&~|]b", "a~b")
    assert not matches("a[&~|]b", "a-b")


def test_file_set_leaves_out_its_exclusions_sorted():
    """A rule's files are its globs less its exclusions, sorted by path."""
    files = FileSet(["**/*.json"], ["**/*lock.json"])
    paths = ["b/config.json", "package-lock.json", "a/settings.json", "notes.md"]
    assert files.select(paths) == ["a/settings.json", "b/config.json"]
    assert files.matches("a/settings.json") and not files.matches("package-lock.json")


def _index(paths: list[str]) -> PathIndex:
    """The paths grouped by folder, as a walk lists them, and indexed."""
    ordered = sorted(set(paths), key=lambda p: (p.rpartition("/")[0], p))
    folders, start = [], 0
    for position in range(1, len(ordered) + 1):
        folder = ordered[start].rpartition("/")[0]
        if position == len(ordered) or ordered[position].rpartition("/")[0] != folder:
            folders.append((folder + "/" if folder else "", start, position))
            start = position
    return PathIndex(ordered, folders)


SEGMENTS = st.sampled_from(
    ["prompts", "Docs", "config", "evals", "results", "monitoring", ".github", "workflows", "src"]
)
NAMES = st.sampled_from(
    [
        "runbook.md",
        "RUNBOOK.MD",
        "model.yml",
        "llm_config.json",
        "CODEOWNERS",
        "a.prompt",
        "answer.prompt.md",
        "alerts.yml",
        "x.rules.yaml",
        "ci.yml",
        "Jenkinsfile",
        "notes.txt",
        "run.eval",
        "package-lock.json",
    ]
)


@given(st.lists(st.builds(lambda d, n: "/".join([*d, n]), st.lists(SEGMENTS, max_size=3), NAMES)))
def test_the_path_index_selects_exactly_what_the_globs_match(paths):
    """Selecting through the index (by suffix and folder) gives the same files as matching
    every path, for every default rule's globs."""
    from tests.fixtures import repo_data

    index = _index(paths)
    for rule in repo_data().repository_checks.rules:
        for globs in (rule.paths, rule.owned, rule.newer_than):
            if globs:
                files = FileSet(globs, rule.exclude)
                assert files.select(index) == files.select(list(index.paths)), rule.id


def test_braces_expand_for_tools_without_them():
    """`{a,b}` globs become one glob per choice, nested choices included."""
    assert expand_braces("**/{model,llm}{-,_}config.yml") == [
        "**/model-config.yml",
        "**/model_config.yml",
        "**/llm-config.yml",
        "**/llm_config.yml",
    ]
    assert expand_braces("x/{a,{b,c}d}") == ["x/a", "x/bd", "x/cd"]


@given(st.lists(NAME, max_size=5), NAME)
def test_double_star_reaches_a_name_at_any_depth(folders, name):
    """`**/NAME` matches NAME in the root and under any folders."""
    path = "/".join([*folders, name])
    assert matches(f"**/{name}", path)
    assert matches(f"**/{name.upper()}", path.lower())


@given(st.lists(NAME, min_size=1, max_size=5), NAME)
def test_single_star_never_crosses_a_folder(folders, name):
    """`*.ext` at the root never matches a file inside a folder."""
    assert not matches("*.md", "/".join([*folders, f"{name}.md"]))
    assert matches("*.md", f"{name}.md")
