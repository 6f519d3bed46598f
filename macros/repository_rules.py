"""The default rules of `pilot2prod check`, printed from `data/repository-checks.yml`, so the
page lists exactly the rules the command applies (and the limits it keeps to)."""

from __future__ import annotations

from typing import Any

from pilot2prod.dataset import Dataset
from pilot2prod.repocheck.rules import RuleSet
from pilot2prod.text import format_number, md, table_lines


def rules_table(rule_set: RuleSet, checklist_id: str, page_of_questions: str) -> str:
    """A Markdown table of the rules: id, what a pass means, the questions it informs (linked
    to them on the assessment), whether it gates, and why it is there."""
    rows = []
    for rule in rule_set.rules:
        questions = ", ".join(
            f"[{md(question)}]({page_of_questions}#{checklist_id}-{question})"
            for question in rule.questions
        )
        rows.append(
            [
                f"`{rule.id}`",
                md(rule.passing),
                questions,
                "required" if rule.required else "advisory",
                md(rule.reason),
            ]
        )
    header = ["Rule", "Passes when", "Informs", "Gate", "Why it is checked"]
    return "\n".join(table_lines(header, rows)) + "\n"


def limits_sentence(rule_set: RuleSet) -> str:
    """The limits in words, as the data sets them."""
    limits = rule_set.limits
    megabytes = format_number(limits.max_file_bytes / (1024 * 1024))
    folders = ", ".join(f"`{md(name)}`" for name in limits.skip_folders)
    return (
        f"Files over {megabytes} MB are skipped, the walk stops after "
        f"{limits.max_files:,} files or {format_number(limits.max_seconds)} seconds, and a "
        f"question to git may take {format_number(limits.git_seconds)} seconds. These folders "
        f"are never entered, besides `.git` itself: {folders}."
    )


def define(env: Any, dataset: Dataset) -> None:
    """Register `repository_rules()` and `repository_limits()`."""

    @env.macro
    def repository_rules() -> str:
        """The default rules of `pilot2prod check` as a table."""
        checklist = dataset.scored_checklist
        return rules_table(dataset.repository_checks, checklist.id, checklist.page)

    @env.macro
    def repository_limits() -> str:
        """The limits `pilot2prod check` keeps to, in a sentence."""
        return limits_sentence(dataset.repository_checks)
