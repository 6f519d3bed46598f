"""`pilot2prod check` on fixture repositories: each rule passes and fails where it should,
says which file and line decided it, and gates with the documented exit status."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pilot2prod.evidence.record import read_record
from tests.cli.repos import (
    PASSING,
    RESULTS,
    commit,
    git,
    init,
    passing_repo,
    plain_folder,
    write,
)
from tests.cli.support import run

pytestmark = pytest.mark.skipif(
    __import__("shutil").which("git") is None, reason="the fixture repositories need git"
)


def checked(capsys, folder: Path, *args: str) -> tuple[int, dict[str, dict]]:
    """Run `check --format json` and return the exit status and the outcomes by rule."""
    done = run(capsys, "check", folder, "--format", "json", *args)
    assert done.err == "" or done.code == 2, done.err
    report = json.loads(done.out)
    return done.code, {entry["rule"]: entry for entry in report["rules"]}


@pytest.fixture(scope="module")
def passing(tmp_path_factory) -> Path:
    """One committed repository on which every default rule passes."""
    return passing_repo(tmp_path_factory.mktemp("repos") / "invoice-assistant")


def test_every_default_rule_passes_on_a_complete_repository(passing, capsys):
    """A repository with owners, runbook, pinned model, cap, alerts, CI evals, fresh results
    and a system card passes every rule and exits 0."""
    code, rules = checked(capsys, passing)
    assert code == 0
    assert {rule: entry["outcome"] for rule, entry in rules.items()} == dict.fromkeys(rules, "pass")
    assert (rules["codeowners-prompts"]["file"], rules["codeowners-prompts"]["line"]) == (
        ".github/CODEOWNERS",
        3,
    )
    assert (rules["model-ids-pinned"]["file"], rules["model-ids-pinned"]["line"]) == (
        "config/model.yml",
        2,
    )
    assert (rules["spending-cap"]["file"], rules["spending-cap"]["line"]) == ("config/model.yml", 3)
    assert rules["runbook-failure-headings"]["line"] == 3
    assert rules["eval-results-current"]["file"] == "evals/results/2026-01.json"


FAILING = [
    (
        "codeowners-prompts",
        {".github/CODEOWNERS": "* @acme/platform\n/prompts/\n"},
        (".github/CODEOWNERS", 2),
        "1 of 2 files have no owner: prompts/answer.prompt.md",
    ),
    ("codeowners-prompts", {".github/CODEOWNERS": None}, ("", None), "No CODEOWNERS file"),
    (
        "runbook-failure-headings",
        {"docs/runbook.md": "# Runbook\n\n## Switching it off\n\n## Rolling back\n"},
        ("docs/runbook.md", None),
        "Lacks a heading on who is called",
    ),
    (
        "model-ids-pinned",
        {"config/model.yml": "model: claude-sonnet-4-5\nmax_tokens: 1024\n"},
        ("config/model.yml", 1),
        "claude-sonnet-4-5 names no dated version",
    ),
    (
        "model-ids-pinned",
        {"config/model.yml": "fallback: claude-3-5-sonnet-latest\nmax_tokens: 9\n"},
        ("config/model.yml", 1),
        "the price list has, for example,",
    ),
    (
        "spending-cap",
        {"config/model.yml": "model: gpt-4o-2024-08-06\nmax_tokens: 0\n"},
        ("config/model.yml", 2),
        "max_tokens is 0, which is not greater than 0",
    ),
    (
        "spending-cap",
        {"config/model.yml": "model: gpt-4o-2024-08-06\n"},
        ("", None),
        "None of config/model.yml sets **.{max",
    ),
    (
        "spending-cap",
        {"config/model.yml": "model: gpt-4o-2024-08-06\nmax_tokens: [\n"},
        ("", None),
        "config/model.yml is not readable YAML at line 3",
    ),
    (
        "spending-cap",
        {"config/model.yml": "max_tokens: 5\n---\nmax_tokens: 6\n"},
        ("", None),
        "holds more than one document",
    ),
    ("monitoring-config", {"monitoring/alerts.yml": None}, ("", None), "No file matches"),
    (
        "alerts-defined",
        {"monitoring/alerts.yml": "dashboards: [quality]\n"},
        ("", None),
        "Found 0 of the 1 needed",
    ),
    (
        "ci-runs-evaluation",
        {".github/workflows/evals.yml": "on: push\njobs:\n  t:\n    steps:\n      - run: make\n"},
        ("", None),
        "None of .github/workflows/evals.yml has",
    ),
    (
        "model-card",
        {"docs/system-card.md": "# System card\n\n## Intended use\n\nInvoices.\n"},
        ("docs/system-card.md", None),
        "Lacks a heading on out-of-scope use",
    ),
]


@pytest.mark.parametrize(
    ("rule", "changes", "where", "said"),
    FAILING,
    ids=[f"{case[0]}-{index}" for index, case in enumerate(FAILING)],
)
def test_each_rule_fails_on_a_repository_that_lacks_its_fact(
    rule, changes, where, said, tmp_path, capsys
):
    """Changing one file fails its rule, naming the file and line, and only the rule's
    required flag decides the exit status."""
    code, rules = checked(capsys, passing_repo(tmp_path / "repo", changes))
    entry = rules[rule]
    assert entry["outcome"] == "fail"
    assert (entry["file"], entry["line"]) == where
    assert said in entry["message"]
    assert code == (
        1 if any(e["required"] and e["outcome"] == "fail" for e in rules.values()) else 0
    )
    assert code == (1 if entry["required"] else code)


def test_results_older_than_the_last_prompt_change_fail_unless_ci_produces_them(tmp_path, capsys):
    """A prompt changed after the committed results fails the freshness rule, with both dates;
    a CI workflow that keeps its evaluation output makes it pass instead."""
    no_upload = PASSING[".github/workflows/evals.yml"].split("      - uses: actions/upload")[0]
    repo = passing_repo(tmp_path / "repo", {".github/workflows/evals.yml": no_upload})
    commit(repo, {"prompts/answer.prompt.md": "Be briefer.\n"}, 2, "Shorter answers")
    code, rules = checked(capsys, repo)
    entry = rules["eval-results-current"]
    assert (code, entry["outcome"], entry["file"]) == (1, "fail", "evals/results/2026-01.json")
    assert "before prompts/answer.prompt.md changed on" in entry["message"]
    commit(repo, {".github/workflows/evals.yml": PASSING[".github/workflows/evals.yml"]}, 1, "CI")
    code, rules = checked(capsys, repo)
    entry = rules["eval-results-current"]
    assert (code, entry["outcome"]) == (0, "pass")
    assert entry["message"].startswith("Passes by ci-keeps-eval-results:")
    assert entry["file"] == ".github/workflows/evals.yml"


def test_a_runbook_untouched_for_over_a_year_fails_the_advisory_rule_only(tmp_path, capsys):
    """History dates decide `changed` rules; an advisory failure leaves the exit status 0."""
    repo = init(tmp_path / "repo")
    commit(repo, PASSING, 400, "Everything, long ago")
    commit(repo, RESULTS, 399, "Results")
    code, rules = checked(capsys, repo)
    assert rules["runbook-reviewed"]["outcome"] == "fail"
    assert "days ago (the limit is 365)" in rules["runbook-reviewed"]["message"]
    assert code == 0


def test_without_git_history_the_history_rules_do_not_apply(tmp_path, capsys):
    """A plain folder gets "not applicable: no git history" for the history rules, and the
    rest are judged as usual."""
    folder = plain_folder(tmp_path / "plain")
    code, rules = checked(capsys, folder)
    assert code == 0
    for rule in ("runbook-reviewed", "eval-results-current"):
        assert rules[rule]["outcome"] in ("not-applicable", "pass")
    assert rules["runbook-reviewed"]["outcome"] == "not-applicable"
    assert rules["runbook-reviewed"]["message"] == "no git history"
    text = run(capsys, "check", folder)
    assert "not applicable: no git history" in text.out


def test_a_callers_git_variables_do_not_redirect_the_history(
    passing, tmp_path, capsys, monkeypatch
):
    """Run from a git hook (GIT_DIR set to another repository), the check still reads the
    history of the folder it was given."""
    other = init(tmp_path / "other")
    commit(other, {"x.txt": "x"}, 0, "Other")
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other))
    _, rules = checked(capsys, passing)
    assert rules["eval-results-current"]["outcome"] == "pass"
    assert rules["eval-results-current"]["file"] == "evals/results/2026-01.json"


def test_a_shallow_clone_says_so_instead_of_judging_dates(passing, tmp_path, capsys):
    """In a shallow clone every file looks changed at once; the rule says to fetch history."""
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{passing}", str(shallow))
    _, rules = checked(capsys, shallow)
    assert rules["runbook-reviewed"]["outcome"] == "not-applicable"
    assert "shallow clone" in rules["runbook-reviewed"]["message"]


def test_the_text_and_markdown_reports_name_file_line_and_what_to_do(tmp_path, capsys):
    """Text and Markdown show each rule's outcome at file:line, and the fix for a failure."""
    repo = passing_repo(tmp_path / "repo", {"config/model.yml": "model: gpt-4o\nmax_tokens: 5\n"})
    text = run(capsys, "check", repo)
    assert text.code == 1
    assert "FAIL  model-ids-pinned  (required; informs model-change-routine)" in text.out
    assert "config/model.yml:1: gpt-4o names no dated version" in text.out
    assert "To do: Name the exact version" in text.out
    assert text.out.rstrip().endswith("Result: 1 required rule fails: model-ids-pinned.")
    markdown = run(capsys, "check", repo, "--format", "md")
    assert markdown.out.startswith("## Repository check: repo\n")
    assert "| model-ids-pinned (required) | Fail | config/model.yml:1 |" in markdown.out


def test_the_record_reads_back_as_evidence(passing, tmp_path, capsys):
    """`-o` writes an evidence record of kind checks that the evidence reader accepts, with
    each rule's outcome, questions, file and line, and no file contents."""
    target = tmp_path / "record.json"
    done = run(capsys, "check", passing, "-o", target)
    assert done.code == 0 and "pilot2prod check:" in done.out
    record = read_record(target.read_bytes(), "record.json")
    assert record.kind == "checks" and record.source.tool == "pilot2prod-check"
    assert record.repository == "invoice-assistant"
    by_rule = {check.rule: check for check in record.checks}
    assert by_rule["spending-cap"].questions == ("cost-monitoring",)
    assert (by_rule["spending-cap"].file, by_rule["spending-cap"].line) == ("config/model.yml", 3)
    assert "invoices" not in target.read_text(encoding="utf-8")  # summaries, never contents
    printed = run(capsys, "check", passing, "-o", "-")
    assert json.loads(printed.out)["kind"] == "checks"


def test_a_team_file_switches_off_replaces_and_adds_rules(tmp_path, capsys):
    """`--rules` changes the rule set; a replaced or added rule is marked as the team's."""
    repo = passing_repo(tmp_path / "repo", {"docs/runbook.md": None})
    rules_file = tmp_path / "team-rules.yml"
    rules_file.write_text(
        """\
off: [runbook-reviewed]
rules:
  - id: runbook-failure-headings
    questions: [incident-routine]
    kind: exists
    paths: ["ops/**/*.md"]
    passing: The operations handbook exists.
    failure: Write the operations handbook.
    required: true
    reason: Our runbooks live in the operations handbook.
  - id: flag-defined
    questions: [incident-routine]
    kind: value
    paths: ["config/*.yml"]
    key: temperature
    operator: at-most
    value: 0.5
    passing: Answers are kept sober.
    failure: Lower the temperature.
    required: false
    reason: We want the same answer twice.
""",
        encoding="utf-8",
    )
    write(repo, {"ops/handbook/incidents.md": "# Incidents\n"})
    code, rules = checked(capsys, repo, "--rules", rules_file)
    assert code == 0
    assert "runbook-reviewed" not in rules
    assert rules["runbook-failure-headings"]["team"] is True
    assert rules["runbook-failure-headings"]["file"] == "ops/handbook/incidents.md"
    assert rules["flag-defined"]["outcome"] == "pass"
    assert rules["flag-defined"]["line"] == 4
    assert rules["codeowners-prompts"]["team"] is False


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("off: [model-cards]\n", "team-rules.yml: off[0]: there is no rule 'model-cards'"),
        (
            "rules:\n  - id: x\n    kind: exists\n",
            "team-rules.yml: rules[0].questions: missing required key",
        ),
        ("off: [model-card]\noff: []\n", "team-rules.yml: line 2: not valid YAML"),
        ("[1, 2]\n", "team-rules.yml: must be a mapping"),
    ],
)
def test_a_bad_team_file_is_unusable_input_named_by_file_and_key(content, said, tmp_path, capsys):
    """A wrong rules file exits 2 with one line naming the file and the key."""
    (tmp_path / "team-rules.yml").write_text(content, encoding="utf-8")
    folder = plain_folder(tmp_path / "plain")
    done = run(capsys, "check", folder, "--rules", tmp_path / "team-rules.yml")
    assert done.code == 2 and done.out == ""
    assert done.err.startswith(f"pilot2prod: {tmp_path}/{said}"), done.err
    assert done.err.count("\n") == 1


def test_a_missing_folder_is_unusable_input(tmp_path, capsys):
    """Checking a folder that does not exist, or a file, exits 2 and says so."""
    done = run(capsys, "check", tmp_path / "nowhere")
    assert (done.code, done.err) == (
        2,
        f"pilot2prod: {tmp_path}/nowhere: no such folder; give the repository to check\n",
    )
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    assert run(capsys, "check", tmp_path / "file.txt").code == 2


def test_a_limit_that_stops_the_check_early_never_passes_the_gate(passing, tmp_path, capsys):
    """With a tiny time limit, rules are marked not checked and the command exits 2, not 0."""
    rules_file = tmp_path / "limits.yml"
    rules_file.write_text("limits:\n  max_seconds: 0.000001\n", encoding="utf-8")
    done = run(capsys, "check", passing, "--rules", rules_file, "--format", "json")
    assert done.code == 2
    report = json.loads(done.out)
    assert report["decided"] is False and report["passed"] is False
    assert "the time limit of 1e-06 s was reached" in report["stopped"]
    assert "Not decided" in done.err
    files_limit = tmp_path / "files.yml"
    files_limit.write_text("limits:\n  max_files: 3\n", encoding="utf-8")
    done = run(capsys, "check", passing, "--rules", files_limit, "--format", "json")
    report = json.loads(done.out)
    assert report["files"] == 3
    assert report["stopped"] == "the walk stopped at the limit of 3 files"
    assert done.code == 2  # some required rule failed on a partial tree: not judged


def test_the_check_changes_nothing_and_runs_nothing_of_the_repository(tmp_path, capsys):
    """Hooks, fsmonitor, signature programs and a pager named by the repository never run,
    and no file of the tree (git's own included) changes."""
    repo = passing_repo(tmp_path / "repo")
    marker = tmp_path / "ran"
    script = tmp_path / "evil.sh"
    script.write_text(f"#!/bin/sh\ntouch {marker}\n", encoding="utf-8")
    script.chmod(0o755)
    for hook in ("post-checkout", "pre-commit", "post-index-change", "reference-transaction"):
        (repo / ".git" / "hooks" / hook).write_text(script.read_text(), encoding="utf-8")
        (repo / ".git" / "hooks" / hook).chmod(0o755)
    for key, value in (
        ("core.fsmonitor", str(script)),
        ("log.showSignature", "true"),
        ("gpg.program", str(script)),
        ("core.pager", str(script)),
        ("diff.external", str(script)),
    ):
        git(repo, "config", key, value)
    before = _snapshot(repo)
    time.sleep(0.01)
    code, rules = checked(capsys, repo)
    assert code == 0 and rules["runbook-reviewed"]["outcome"] == "pass"
    assert not marker.exists()
    assert _snapshot(repo) == before


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_mtime_ns, path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def test_assess_marks_a_yes_the_repository_contradicts(tmp_path, capsys):
    """The record `check -o` writes is taken in by `assess --evidence`: a Yes to pinned model
    versions is contradicted by a moving model name, and a Yes to named owners is backed."""
    from tests.cli.support import document, write_json

    repo = passing_repo(tmp_path / "repo", {"config/model.yml": "model: gpt-4o\nmax_tokens: 5\n"})
    record = tmp_path / "repository-checks.json"
    assert run(capsys, "check", repo, "-o", record).code == 1
    answers = write_json(
        tmp_path / "answers.json",
        document({"model-change-routine": "yes", "named-operator": "yes"}),
    )
    done = run(capsys, "assess", answers, "--evidence", record, "--format", "json")
    assert done.code == 0, done.err
    marks = {item["question"]: item["status"] for item in json.loads(done.out)["evidence"]["items"]}
    assert marks["model-change-routine"] == "contradicted"
    assert marks["named-operator"] == "backed"
