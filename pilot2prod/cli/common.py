"""Options and steps several subcommands share: data, formats, reading answers, the gate."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from typing import Any

from pilot2prod.cli.data import DataSource
from pilot2prod.cli.errors import CliError, from_answers_error, from_problems
from pilot2prod.cli.files import read_structured
from pilot2prod.model.checklists import Checklist
from pilot2prod.readiness.answers import Answers, AnswersError, read_document
from pilot2prod.readiness.rubric import Band, Rubric
from pilot2prod.text import plural

FORMATS = ("text", "md", "json")
"""Output formats: plain text for a terminal, Markdown for a proposal or a pull request, JSON."""


def data_options() -> argparse.ArgumentParser:
    """The `--data` option, as a parent parser every subcommand takes."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data",
        metavar="DIR",
        help="use the questions, weights, bands and model parameters in DIR (a copy of the "
        "site's data/ folder, adapted) instead of the site's own",
    )
    return parent


def output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...] = FORMATS) -> None:
    """`--format` and `--output`."""
    parser.add_argument(
        "--format",
        choices=formats,
        default=formats[0],
        help="text (default) for a terminal, md for a proposal or a pull-request comment, "
        "json for other tools",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE instead of printing it"
    )


def site_url_option(parser: argparse.ArgumentParser) -> None:
    """`--site-url`: where the published site lives, so reports can link to its guidance."""
    parser.add_argument(
        "--site-url",
        metavar="URL",
        help="the address of the published pilot2prod site (https://...); Markdown reports "
        "then link each question and its guidance",
    )


def site_root(url: str | None) -> str:
    """The `site_root` the views take: the site's address, or "" for no links."""
    if url is None:
        return ""
    if not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
        raise CliError("--site-url", "", f"{url[:80]!r} is not an http(s) address")
    return url if url.endswith("/") else url + "/"


def gate_option(parser: argparse.ArgumentParser, what: str) -> None:
    """`--fail-under BAND`: the release gate."""
    parser.add_argument(
        "--fail-under",
        metavar="BAND",
        help=f"exit with status 1 when {what} is below BAND (a band id such as nearly-ready, "
        "or its label); a verdict that is not scored yet is below every band",
    )


def find_band(rubric: Rubric, given: str) -> Band:
    """The band named by id or label (any case); a CliError listing the bands otherwise."""
    wanted = given.strip().lower()
    known = ", ".join(band.id for band in rubric.bands)
    if not wanted:
        # An empty value (an unset CI variable) must not quietly turn the gate off.
        raise CliError("--fail-under", "", f"is empty; give a verdict band (one of: {known})")
    for band in rubric.bands:
        if wanted in (band.id.lower(), band.label.lower()):
            return band
    raise CliError(
        "--fail-under", "", f"{given[:60]!r} is not a verdict band (use one of: {known})"
    )


def gate(rubric: Rubric, verdict_id: str, threshold: Band | None) -> dict[str, Any] | None:
    """Whether the verdict `verdict_id` reaches `threshold`, as data for reports; None without
    a gate. A verdict that is not a band (nothing scored yet) is below every band."""
    if threshold is None:
        return None
    verdict = next((band for band in rubric.bands if band.id == verdict_id), None)
    order = [band.id for band in rubric.bands]
    passed = verdict is not None and order.index(verdict.id) >= order.index(threshold.id)
    shown = verdict.label if verdict is not None else rubric.unscored.label
    relation = "reaches" if passed else "is below"
    return {
        "band": threshold.id,
        "passed": passed,
        "text": f"The verdict {shown} {relation} the gate {threshold.label}.",
    }


def load_answers(name: str, data: DataSource, plans: bool = False) -> tuple[Answers, object]:
    """An answers file validated for the scored checklist, and the document as read.

    Any fault in the file is fatal: a release gate must not pass on half-read answers. With
    `plans`, so is a plan entry that cannot be used (elsewhere it is kept aside, and noted).
    """
    raw = read_structured(name)
    source = "<stdin>" if name == "-" else name
    checklist = scored_checklist(data, source, raw)
    try:
        answers = read_document(raw, checklist)
    except AnswersError as error:
        raise from_answers_error(source, error) from None
    if answers.problems:
        raise from_problems(source, answers.problems)
    if plans and answers.plans_kept_aside:
        # The plan command reports (and gates on) the plans: one it cannot use is bad input.
        key, why = answers.plans_kept_aside[0]
        raise CliError(source, f"plan.{key[:60]}", f"cannot be used: {why}")
    version_note(source, raw, checklist)
    kept_aside_note(source, answers)
    return answers, raw


def kept_aside_note(source: str, answers: Answers) -> None:
    """Say on stderr (not fatal) which answers were kept aside as questions no longer asked:
    they are never scored, and a misspelt id shows up here rather than passing unseen."""
    for key, why in answers.plans_kept_aside:
        print(
            f"pilot2prod: note: {source}: plan.{key[:60]}: kept aside, not used: {why}",
            file=sys.stderr,
        )
    ids = answers.newly_kept_aside
    if ids:
        shown = ", ".join(repr(i[:40]) for i in ids[:5]) + (", …" if len(ids) > 5 else "")
        print(
            f"pilot2prod: note: {source}: answers: {plural(len(ids), 'answer', 'answers')} kept "
            f"aside, not scored: no question {shown} in '{answers.checklist}'",
            file=sys.stderr,
        )


def stated_checklist(raw: object) -> str | None:
    """The checklist an answers document names, if it names one as text."""
    if isinstance(raw, Mapping):
        value = raw.get("checklist")
        if isinstance(value, str):
            return value
    return None


def version_note(source: str, raw: object, checklist: Checklist) -> None:
    """Warn on stderr (not fatal) when the answers were given to an older wording."""
    if not isinstance(raw, Mapping):
        return
    stated = raw.get("checklist_version")
    if isinstance(stated, str) and stated and stated != checklist.version:
        print(
            f"pilot2prod: note: {source}: checklist_version: answered against version "
            f"{stated[:40]}, the questions are now version {checklist.version}; "
            "read them again before relying on the verdict",
            file=sys.stderr,
        )


def to_json(value: object) -> str:
    """JSON for output: indented, finite numbers only, non-ASCII kept readable."""
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def scored_checklist(source: DataSource, name: str, raw: object) -> Checklist:
    """The checklist the rubric scores; a CliError when the file answers another one."""
    checklist = source.dataset.scored_checklist
    stated = stated_checklist(raw)
    ids = source.dataset.checklist_ids()
    if stated is not None and stated != checklist.id and stated in ids:
        raise CliError(
            name,
            "checklist",
            f"'{stated}' is a checklist without a verdict; only '{checklist.id}' is scored",
        )
    return checklist
