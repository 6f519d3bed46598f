"""Inspect AI logs: `--log-format json` files and `.eval` archives.

A log holds `eval` (task, creation time, package versions) and `samples`, each with its `id`,
`epoch`, `metadata` and `scores` (`{scorer: {"value": ...}}`, the value "C" correct, "I"
incorrect, "P" partial, "N" no answer, a number or true/false). A `.eval` file is a zip of
`header.json` and one `samples/<id>_epoch_<n>.json` per sample; current Inspect releases
compress its members with zstd, which `pilot2prod.evidence.formats.archive` reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pilot2prod.evidence.errors import EvidenceError, shown
from pilot2prod.evidence.run import Cases, Run, slice_value

TOOL = "inspect-ai"

LETTERS = {"C": True, "I": False, "P": False, "N": False}
"""Inspect's letter grades: only Correct passes; Partial and No answer count as failures."""


def recognises(document: Mapping[str, Any]) -> bool:
    """True for a JSON log: an `eval` object naming a task, with samples or a status."""
    header = document.get("eval")
    return (
        isinstance(header, dict)
        and "task" in header
        and ("samples" in document or "status" in document)
    )


def read_json(document: Mapping[str, Any], source: str, digest: str, passing_score: float) -> Run:
    """The run in a `--log-format json` log."""
    samples = document.get("samples")
    if samples is None:
        raise EvidenceError(
            source,
            "samples",
            "is missing: the log was written without samples (run with --log-samples, the default)",
        )
    if not isinstance(samples, list):
        raise EvidenceError(source, "samples", f"must be a list, not {shown(samples)}")
    entries = ((f"samples[{index}]", sample) for index, sample in enumerate(samples))
    return _run(document, entries, source, digest, passing_score)


def read_eval_zip(data: bytes, source: str, digest: str, passing_score: float) -> Run:
    """The run in a `.eval` archive (zip; members stored, deflated or zstd-compressed)."""
    from pilot2prod.evidence.formats import archive, load_json

    members = archive.Archive(data, source)
    if "header.json" not in members.names:
        raise EvidenceError(
            source,
            "",
            "is a zip file but not an Inspect AI log (it has no header.json); "
            "expected an Inspect .eval log",
        )
    header = load_json(members.text("header.json"), None, f"{source}: header.json")
    if not isinstance(header, dict) or not recognises({**header, "samples": []}):
        raise EvidenceError(source, "header.json", "is not an Inspect AI log header")
    names = sorted(
        (name for name in members.names if name.startswith("samples/") and name.endswith(".json")),
        key=_sample_order,
    )

    def samples() -> Iterable[tuple[str, object]]:
        for name in names:
            yield name, load_json(members.text(name), None, f"{source}: {name}")

    return _run(header, samples(), source, digest, passing_score)


def _sample_order(name: str) -> tuple[int, str]:
    stem = name.removeprefix("samples/").removesuffix(".json")
    base, _, epoch = stem.rpartition("_epoch_")
    return (int(epoch) if epoch.isdigit() else 0, base)


def _run(
    header: Mapping[str, Any],
    samples: Iterable[tuple[str, object]],
    source: str,
    digest: str,
    passing_score: float,
) -> Run:
    cases = Cases(source)
    scorer: str | None = None
    partial = errored = 0
    epochs: set[object] = set()
    for where, sample in samples:
        if not isinstance(sample, dict):
            raise EvidenceError(source, where, f"must be an object, not {shown(sample)}")
        scores = sample.get("scores")
        epochs.add(sample.get("epoch", 1))
        if not scores:
            if sample.get("error"):
                errored += 1
                passed = False
                score = None
            else:
                raise EvidenceError(
                    source, f"{where}.scores", "is missing: the sample was never scored"
                )
        else:
            if not isinstance(scores, dict):
                raise EvidenceError(source, f"{where}.scores", "must be an object of scorers")
            if scorer is None:
                scorer = next(iter(scores))
            if scorer not in scores:
                raise EvidenceError(
                    source, f"{where}.scores", f"has no score from {shown(scorer)}, as others do"
                )
            passed, score, is_partial = _grade(
                scores[scorer], f"{where}.scores.{scorer}", source, passing_score
            )
            partial += is_partial
        values: dict[str, object] = {}
        metadata = sample.get("metadata")
        if isinstance(metadata, dict):
            for key, value in metadata.items():
                if slice_value(value) is not None:
                    values[f"metadata.{key}"] = value
        seconds = sample.get("total_time")
        latency = (
            seconds * 1000
            if isinstance(seconds, int | float) and not isinstance(seconds, bool)
            else None
        )
        cases.add(
            where,
            f"{sample.get('id')} epoch {sample.get('epoch', 1)}",
            passed,
            score=score,
            score_field=f"scores.{scorer}.value",
            latency_ms=latency,
            latency_field="total_time",
            values=values,
        )
    if not len(cases):
        raise EvidenceError(source, "samples", "is empty: the log holds no samples")
    cases.finish()
    cases.check_unique_ids("samples[].id")
    task = header.get("eval", {})
    packages = task.get("packages") if isinstance(task, dict) else None
    version = packages.get("inspect_ai", "") if isinstance(packages, dict) else ""
    created = task.get("created", "") if isinstance(task, dict) else ""
    notes = [f"scored by {scorer}"] if scorer else []
    if len(epochs) > 1:
        notes.append(f"each of {len(epochs)} epochs counts as a case")
    if partial:
        notes.append(f"{partial} partly correct answers (P) count as failures")
    if errored:
        notes.append(f"{errored} samples ended in an error and count as failures")
    return Run(
        file=source,
        tool=TOOL,
        tool_version=version[:40] if isinstance(version, str) else "",
        run_date=created if isinstance(created, str) else "",
        sha256=digest,
        cases=cases,
        notes=tuple(notes),
    )


def _grade(
    score: object, where: str, source: str, passing_score: float
) -> tuple[bool, float | None, bool]:
    """Passed, the numeric score (if any) and whether the grade was a partial one."""
    if not isinstance(score, dict) or "value" not in score:
        raise EvidenceError(source, where, "must be an object with a value")
    value = score["value"]
    here = f"{where}.value"
    if isinstance(value, str):
        if value not in LETTERS:
            raise EvidenceError(
                source, here, f"is {shown(value)}; expected C, I, P or N, a number or true/false"
            )
        return LETTERS[value], None, value == "P"
    if isinstance(value, bool):
        return value, None, False
    if isinstance(value, int | float):
        cases = Cases(source)
        number = cases.number(where, "value", value, 0.0, 1.0)
        assert number is not None
        return number >= passing_score, number, 0 < number < 1
    if isinstance(value, dict | list):
        raise EvidenceError(
            source, here, "holds several values; pilot2prod reads a scorer with one value"
        )
    raise EvidenceError(source, here, f"is {shown(value)}; expected C, I, P or N, or a number")
