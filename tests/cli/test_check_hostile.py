"""`pilot2prod check` on hostile trees: it finishes, stays inside the repository, skips what
it must not read and says how many, and prints every name on one line."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pilot2prod.evidence.record import read_record
from tests.cli.repos import PASSING, RESULTS, many_files, scratch, write
from tests.cli.support import run

RUNBOOK = PASSING["docs/runbook.md"]


def report(capsys, folder: Path, *args: str) -> tuple[int, dict]:
    done = run(capsys, "check", folder, "--format", "json", *args)
    assert done.code in (0, 1), done.err
    return done.code, json.loads(done.out)


def outcome(found: dict, rule: str) -> dict:
    return next(entry for entry in found["rules"] if entry["rule"] == rule)


def test_symbolic_links_out_of_the_repository_and_in_loops_are_not_followed(tmp_path, capsys):
    """A link to /, a link to a file outside, and loops of links are counted, never read or
    entered; a link to a file inside the repository is read where it points."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "runbook.md").write_text(RUNBOOK, encoding="utf-8")
    repo = tmp_path / "repo"
    write(repo, {"README.md": "# Service\n", "docs/real-card.md": PASSING["docs/system-card.md"]})
    (repo / "root").symlink_to("/")
    (repo / "docs" / "runbook.md").symlink_to(outside / "runbook.md")
    (repo / "loop").symlink_to(repo)
    (repo / "a").symlink_to(repo / "b")
    (repo / "b").symlink_to(repo / "a")
    (repo / "docs" / "system-card.md").symlink_to(repo / "docs" / "real-card.md")
    _, found = report(capsys, repo)
    assert found["skipped"] == {"links": 5}
    assert found["files"] == 3  # README.md, docs/real-card.md and the link to it
    runbook = outcome(found, "runbook-failure-headings")
    assert runbook["outcome"] == "fail" and "No file matches" in runbook["message"]
    card = outcome(found, "model-card")
    assert (card["outcome"], card["file"]) == ("pass", "docs/system-card.md")  # link inside


def test_a_huge_sparse_file_and_binary_files_are_skipped_and_counted(tmp_path, capsys):
    """A 1 GB file where configuration is expected is never read; a binary file neither;
    the report says how many of each it skipped."""
    repo = tmp_path / "repo"
    write(repo, {"config/model.json": b'{"model": "gpt-4o", "max_tokens": 9}\x00\x01'})
    with (repo / "config" / "huge.json").open("wb") as handle:
        handle.truncate(1024**3)
    _, found = report(capsys, repo)
    assert found["skipped"] == {"binary": 1, "oversized": 1}
    assert outcome(found, "model-ids-pinned")["outcome"] == "not-applicable"
    assert outcome(found, "spending-cap")["outcome"] == "fail"
    text = run(capsys, "check", repo)
    assert "skipped 1 binary file, 1 file over the size limit" in text.out


def test_a_fifo_named_like_a_runbook_is_not_opened(tmp_path, capsys):
    """A named pipe would block a reader forever; it is skipped as not a regular file."""
    repo = tmp_path / "repo"
    write(repo, {"README.md": "x"})
    (repo / "docs").mkdir()
    os.mkfifo(repo / "docs" / "runbook.md")
    _, found = report(capsys, repo)
    assert found["skipped"] == {"special": 1}


def test_names_that_are_not_utf8_or_hold_control_characters_are_shown_safely(tmp_path, capsys):
    """A file name in Latin-1 or with a newline is checked like any other, shown with a
    replacement character or an escape, on one line, in the report and the record."""
    repo = tmp_path / "repo"
    write(repo, {".github/CODEOWNERS": "* @acme/ml\n"})
    prompts = os.fsencode(repo / "prompts")
    os.mkdir(prompts)
    with open(prompts + b"/caf\xe9.prompt", "wb") as handle:
        handle.write(b"Answer in French.\n")
    with open(prompts + b"/two\nlines.prompt", "wb") as handle:
        handle.write(b"x\n")
    record = tmp_path / "record.json"
    _, found = report(capsys, repo, "-o", str(record))
    owners = outcome(found, "codeowners-prompts")
    assert owners["outcome"] == "pass"
    said = owners["message"]
    assert said == "Each of the 2 files has an owner; prompts/caf\ufffd.prompt: @acme/ml."
    text = run(capsys, "check", repo, "--rules", _rules_only_owners(tmp_path))
    assert "prompts/caf\ufffd.prompt" in text.out
    assert read_record(record.read_bytes()).kind == "checks"
    repo_two = tmp_path / "two"
    write(repo_two, {".github/CODEOWNERS": "/prompts/a.prompt @x\n"})
    os.mkdir(os.fsencode(repo_two / "prompts"))
    with open(os.fsencode(repo_two / "prompts") + b"/two\nlines.prompt", "wb") as handle:
        handle.write(b"x\n")
    text = run(capsys, "check", repo_two)
    assert "prompts/two\\nlines.prompt" in text.out


def _rules_only_owners(tmp_path: Path) -> Path:
    path = tmp_path / "only-owners.yml"
    off = [
        "runbook-failure-headings",
        "runbook-reviewed",
        "model-ids-pinned",
        "spending-cap",
        "monitoring-config",
        "alerts-defined",
        "ci-runs-evaluation",
        "eval-results-current",
        "ci-keeps-eval-results",
        "model-card",
    ]
    path.write_text(f"off: [{', '.join(off)}]\n", encoding="utf-8")
    return path


def test_a_codeowners_of_ten_thousand_lines_is_read_to_its_last_line(tmp_path, capsys):
    """10,000 patterns are all read, and the last matching line still decides."""
    lines = [f"/generated/part-{n:05d}/ @acme/bots" for n in range(10_000)]
    repo = tmp_path / "repo"
    write(
        repo,
        {
            ".github/CODEOWNERS": "\n".join([*lines, "/prompts/ @acme/ml"]) + "\n",
            **{f"prompts/p{n}.prompt": "x" for n in range(50)},
        },
    )
    _, found = report(capsys, repo)
    owners = outcome(found, "codeowners-prompts")
    assert (owners["outcome"], owners["line"]) == ("pass", 10_001)
    write(repo, {".github/CODEOWNERS": "\n".join(["/prompts/ @acme/ml", *lines]) + "\n"})
    _, found = report(capsys, repo)
    assert outcome(found, "codeowners-prompts")["line"] == 1


def test_one_hundred_thousand_small_files_are_all_walked(capsys):
    """A tree of 100,000 files is walked to the end within the default limits, and the
    rules still find the few files that matter among them."""
    with scratch("p2p-check-large-") as folder:
        repo = folder / "repo"
        write(repo, {**PASSING, **RESULTS})
        many_files(repo, 100_000)
        code, found = report(capsys, repo)
    assert found["files"] == 100_000 + len(PASSING) + len(RESULTS)
    assert found["stopped"] == ""
    assert code == 0
    assert outcome(found, "spending-cap")["file"] == "config/model.yml"
