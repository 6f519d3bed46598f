"""The evidence record (`pilot2prod/evidence`, version 1): what one source measured, never its
raw cases, read strictly and written by this module alone.

One record per source: an evaluation run (`kind: "evaluation"`: overall and per-slice pass
counts with their 95% Wilson intervals, optionally the rate weighted to production, latency,
cost, a comparison with an earlier run) or a repository check (`kind: "checks"`: each rule's
outcome with the file and line). `pilot2prod evidence -o`, `pilot2prod check -o` and the
evidence page write it; `pilot2prod assess --evidence` and the assessment page read it.

Reading is strict: UTF-8, no key twice, bounded size and depth, every field checked, and the
first fault named by its key path (`slices[3].low: …`). The figures must agree with each
other (a rate is its passes over its cases, the interval is the Wilson interval of those
counts), so a record edited by hand to look better is refused rather than believed. Writing
goes through the same checks, so nothing is written that could not be read back.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pilot2prod.evidence.errors import BOM, EvidenceError, shown
from pilot2prod.evidence.stats import wilson
from pilot2prod.model.documents import parse_json
from pilot2prod.model.errors import DocumentError, describe

FORMAT = "pilot2prod/evidence"
"""The `format` tag every record carries."""

VERSION = 1
"""The newest record version this package reads and the one it writes."""

MAX_RECORD_BYTES = 4 * 1024 * 1024
"""A record holds figures, not cases: a few kilobytes, a few hundred with many checks."""

MAX_DEPTH = 8
"""A record nests four levels at most (`slices[0].name` is three)."""

MAX_SLICES = 1000
"""Slices a record may list; a run with more keeps its largest and groups the rest."""

MAX_CHECKS = 5000
"""Check outcomes a record may list."""

MAX_TEXT = 500
"""The longest name, message or path a record may carry, in characters."""

KINDS = ("evaluation", "checks")
TOOLS = ("promptfoo", "inspect-ai", "deepeval", "lm-eval", "csv", "jsonl", "pilot2prod-check")
OUTCOMES = ("pass", "fail", "not-applicable")

AGREEMENT = 5e-4
"""How far a rate or bound may be from the value recomputed from its counts: a writer may
round to four decimals, as the record format's own example does."""

Kind = Literal["evaluation", "checks"]
Outcome = Literal["pass", "fail", "not-applicable"]

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class RecordError(EvidenceError):
    """A record that cannot be used: `source` is its file, `field` the key path inside it."""


@dataclass(frozen=True)
class Source:
    """Where the figures came from: the file's base name, the tool, its version, the run's own
    date ("" when the file does not say) and the SHA-256 of the file's bytes ("" for checks)."""

    file: str
    tool: str
    tool_version: str = ""
    run_date: str = ""
    sha256: str = ""


@dataclass(frozen=True)
class Tally:
    """Cases, passes, the pass rate (None with no cases) and its 95% Wilson interval."""

    cases: int
    passed: int
    rate: float | None
    low: float
    high: float


@dataclass(frozen=True)
class SliceTally:
    """One slice's tally. `too_few` marks a slice below the minimum number of cases, whose rate
    is shown as "too few cases to say"; `more_cases` is how many more passing cases would lift
    its lower bound to the record's target (None when none would, or no target was set);
    `traffic_share` is its share of production traffic when a mix was given."""

    name: str
    cases: int
    passed: int
    rate: float | None
    low: float
    high: float
    too_few: bool = False
    more_cases: int | None = None
    traffic_share: float | None = None

    @property
    def tally(self) -> Tally:
        """The slice's counts and interval without its name."""
        return Tally(self.cases, self.passed, self.rate, self.low, self.high)


@dataclass(frozen=True)
class Production:
    """The pass rate expected on production's mix with its interval, the share of traffic in
    slices the evaluation never tested, and the whole traffic's rate as a range (`all_low`
    with the untested part all failing, `all_high` with it all passing)."""

    rate: float | None
    low: float
    high: float
    untested_share: float
    all_low: float | None = None
    all_high: float | None = None


@dataclass(frozen=True)
class Latency:
    """Latency percentiles in milliseconds."""

    p50: float
    p95: float
    p99: float


@dataclass(frozen=True)
class Cost:
    """Cost per case and per passing case (None when nothing passed), in the tool's currency."""

    per_case: float
    per_passing_case: float | None


@dataclass(frozen=True)
class Compared:
    """The earlier run this one was compared with, and the slices that fell significantly."""

    against_sha256: str
    regressions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Target:
    """The pass rate a team aims for and the confidence it wants, behind `more_cases`."""

    rate: float
    confidence: float = 0.95


@dataclass(frozen=True)
class Check:
    """One repository check's outcome and the questions it informs."""

    rule: str
    questions: tuple[str, ...]
    required: bool
    outcome: Outcome
    file: str = ""
    line: int | None = None
    message: str = ""


@dataclass(frozen=True)
class Record:
    """One evidence record; the fields of the kind it is not are left empty."""

    kind: Kind
    created: str
    source: Source
    slice_field: str = ""
    overall: Tally | None = None
    slices: tuple[SliceTally, ...] = ()
    production: Production | None = None
    latency_ms: Latency | None = None
    cost: Cost | None = None
    compared: Compared | None = None
    target: Target | None = None
    sources: tuple[SliceTally, ...] = ()
    """Tallies by where cases came from (the file's `source` field: production, synthetic…),
    kept whatever the slice field, so a real-traffic sample can be recognised."""
    repository: str = ""
    checks: tuple[Check, ...] = field(default_factory=tuple)


# --- helpers writers use ----------------------------------------------------------------------


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of a file's bytes, as a record states it."""
    return hashlib.sha256(data).hexdigest()


def timestamp(moment: datetime | None = None) -> str:
    """A moment as a record writes it: UTC, to the second, `2026-12-06T10:00:00Z`."""
    moment = moment or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_moment(text: str) -> datetime | None:
    """A record's date or date-time as an aware datetime (a bare date or naive time is read as
    UTC); None when `text` is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def tally(passed: int, cases: int) -> Tally:
    """Counts with their rate and 95% Wilson interval, as every record states them."""
    interval = wilson(passed, cases)
    return Tally(cases, passed, passed / cases if cases else None, interval.low, interval.high)


# --- reading ------------------------------------------------------------------------------------


class _Fields:
    """Reads one JSON object's fields, naming `path.key` on any fault."""

    def __init__(self, source: str, path: str, raw: object, known: Sequence[str]) -> None:
        self.source = source
        self.path = path
        if not isinstance(raw, dict):
            raise self.fault("", f"must be an object, not {_kind(raw)}")
        unknown = [key for key in raw if key not in known]
        if unknown:
            raise self.fault(
                unknown[0][:60], f"unknown field (expected one of: {', '.join(known)})"
            )
        self.raw: dict[str, Any] = raw

    def where(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        if not key:
            return self.path
        return f"{self.path}.{key}" if self.path else key

    def fault(self, key: str | int, problem: str) -> RecordError:
        return RecordError(self.source, self.where(key), problem)

    def has(self, key: str) -> bool:
        return key in self.raw and self.raw[key] is not None

    def required(self, key: str) -> object:
        if key not in self.raw:
            raise self.fault(key, "is missing")
        return self.raw[key]

    def text(self, key: str, *, empty: bool = True, default: str | None = None) -> str:
        if key not in self.raw and default is not None:
            return default
        value = self.required(key)
        if not isinstance(value, str):
            raise self.fault(key, f"must be text, not {_kind(value)}")
        if len(value) > MAX_TEXT:
            raise self.fault(key, f"is longer than {MAX_TEXT} characters")
        if not empty and not value.strip():
            raise self.fault(key, "must not be empty")
        return value

    def choice(self, key: str, choices: Sequence[str]) -> str:
        value = self.required(key)
        if value not in choices or not isinstance(value, str):
            raise self.fault(key, f"must be one of {', '.join(choices)}, not {shown(value)}")
        return value

    def whole(self, key: str, low: int = 0, *, optional: bool = False) -> int | None:
        if optional and not self.has(key):
            return None
        value = self.required(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fault(key, f"must be a whole number, not {_kind(value)}")
        if value < low:
            raise self.fault(key, f"must be {low} or more, not {value}")
        return value

    def number(
        self, key: str, low: float = 0.0, high: float = 1.0, *, optional: bool = False
    ) -> float | None:
        if optional and not self.has(key):
            return None
        value = self.required(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fault(key, f"must be a number, not {_kind(value)}")
        if not math.isfinite(value):
            raise self.fault(key, "must be a finite number")
        if not low <= value <= high:
            span = f"between {low:g} and {high:g}" if math.isfinite(high) else f"{low:g} or more"
            raise self.fault(key, f"must be {span}, not {value!r}")
        return float(value)

    def flag(self, key: str, default: bool | None = None) -> bool:
        if key not in self.raw and default is not None:
            return default
        value = self.required(key)
        if not isinstance(value, bool):
            raise self.fault(key, f"must be true or false, not {_kind(value)}")
        return value

    def items(self, key: str, limit: int) -> list[tuple[str, object]]:
        """A list field's entries, each with its own key path."""
        value = self.raw.get(key, [])
        if not isinstance(value, list):
            raise self.fault(key, f"must be a list, not {_kind(value)}")
        if len(value) > limit:
            raise self.fault(key, f"holds {len(value):,} entries; a record holds at most {limit:,}")
        base = self.where(key)
        return [(f"{base}[{index}]", item) for index, item in enumerate(value)]

    def sub(self, key: str, known: Sequence[str]) -> _Fields | None:
        if not self.has(key):
            return None
        return _Fields(self.source, self.where(key), self.raw[key], known)


def _kind(value: object) -> str:
    return describe(value, mapping="an object", boolean="true/false")


def read_record(raw: bytes | str, source: str = "record") -> Record:
    """A record from its file's bytes (or text); RecordError naming `source` and the field."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_RECORD_BYTES:
            raise RecordError(source, "", _too_large())
        try:
            text = raw.removeprefix(BOM).decode("utf-8")
        except UnicodeDecodeError as error:
            raise RecordError(
                source, f"byte {error.start}", "is not UTF-8 text; an evidence record is JSON"
            ) from None
    else:
        text = raw
        if len(text) > MAX_RECORD_BYTES:
            raise RecordError(source, "", _too_large())
    if not text.strip():
        raise RecordError(source, "", "is empty; expected an evidence record (JSON)")
    try:
        value = parse_json(text, "an evidence record", MAX_DEPTH)
    except DocumentError as error:
        raise RecordError(source, error.where, error.problem) from None
    return record_from_value(value, source)


def _too_large() -> str:
    return f"is larger than {MAX_RECORD_BYTES // (1024 * 1024)} MB; it is not an evidence record"


_EVALUATION_ONLY = (
    "slice_field",
    "overall",
    "slices",
    "production",
    "latency_ms",
    "cost",
    "compared",
    "target",
    "sources",
)
_CHECKS_ONLY = ("repository", "checks")
_TOP = ("format", "version", "kind", "created", "source", *_EVALUATION_ONLY, *_CHECKS_ONLY)


def record_from_value(value: object, source: str = "record") -> Record:
    """A record from parsed JSON (a page's request, or `read_record`'s text); RecordError
    naming `source` and the field on the first fault."""
    if isinstance(value, dict) and value.get("format") != FORMAT:
        raise RecordError(source, "format", _not_a_record(value))
    top = _Fields(source, "", value, _TOP)
    version = top.required("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise top.fault("version", f"must be a whole number from 1, not {shown(version)}")
    if version > VERSION:
        raise top.fault(
            "version",
            f"is {version}, written by a newer pilot2prod (this one reads up to {VERSION}); "
            "update pilot2prod to read it",
        )
    kind = top.choice("kind", KINDS)
    created = top.text("created", empty=False)
    if parse_moment(created) is None or "T" not in created:
        raise top.fault("created", f"{shown(created)} is not a date and time (ISO 8601, UTC)")
    wrong = _CHECKS_ONLY if kind == "evaluation" else _EVALUATION_ONLY
    for key in wrong:
        if key in top.raw:
            raise top.fault(key, f"belongs to a record of another kind, not to kind {kind!r}")
    src = _read_source(top, kind)
    if kind == "checks":
        return Record(
            kind="checks",
            created=created,
            source=src,
            repository=top.text("repository", default=""),
            checks=tuple(
                _read_check(source, where, raw) for where, raw in top.items("checks", MAX_CHECKS)
            ),
        )
    overall_fields = top.sub("overall", ("cases", "passed", "rate", "low", "high"))
    if overall_fields is None:
        raise top.fault("overall", "is missing; an evaluation record states its overall figures")
    overall = _read_tally(overall_fields)
    slices = tuple(
        _read_slice(source, where, raw) for where, raw in top.items("slices", MAX_SLICES)
    )
    _check_unique(top, slices, "slices")
    sources = tuple(
        _read_slice(source, where, raw) for where, raw in top.items("sources", MAX_SLICES)
    )
    _check_unique(top, sources, "sources")
    target_fields = top.sub("target", ("rate", "confidence"))
    target = None
    if target_fields is not None:
        rate = target_fields.number("rate") or 0.0
        confidence = target_fields.number("confidence", 0.5, 0.9999, optional=True)
        target = Target(rate=rate, confidence=0.95 if confidence is None else confidence)
    return Record(
        kind="evaluation",
        created=created,
        source=src,
        slice_field=top.text("slice_field", default=""),
        overall=overall,
        slices=slices,
        production=_read_production(top),
        latency_ms=_read_latency(top),
        cost=_read_cost(top),
        compared=_read_compared(top),
        target=target,
        sources=sources,
    )


def _not_a_record(value: dict) -> str:
    stated = value.get("format")
    if stated == "pilot2prod/answers":
        return "this is an answers file, not an evidence record; give it to assess as ANSWERS"
    if isinstance(stated, str):
        return f"is {shown(stated)}; an evidence record says {FORMAT!r}"
    return (
        f"is missing; an evidence record says {FORMAT!r} (is this a tool's own result file? "
        "read it with `pilot2prod evidence FILE` first)"
    )


def _read_source(top: _Fields, kind: str) -> Source:
    fields = top.sub("source", ("file", "tool", "tool_version", "run_date", "sha256"))
    if fields is None:
        raise top.fault("source", "is missing")
    name = fields.text("file", empty=kind == "checks")
    if "/" in name or "\\" in name:
        raise fields.fault("file", f"{shown(name)} must be a file's base name, not a path")
    tool = fields.choice("tool", TOOLS)
    run_date = fields.text("run_date", default="")
    if run_date and parse_moment(run_date) is None:
        raise fields.fault("run_date", f"{shown(run_date)} is not a date (ISO 8601)")
    digest = fields.text("sha256", default="")
    if kind == "evaluation" and not _SHA256.match(digest):
        raise fields.fault("sha256", "must be the file's SHA-256: 64 lower-case hex digits")
    if kind == "checks" and digest and not _SHA256.match(digest):
        raise fields.fault("sha256", "must be empty or 64 lower-case hex digits")
    return Source(
        file=name,
        tool=tool,
        tool_version=fields.text("tool_version", default=""),
        run_date=run_date,
        sha256=digest,
    )


def _read_tally(fields: _Fields) -> Tally:
    cases = fields.whole("cases") or 0
    passed = fields.whole("passed") or 0
    if passed > cases:
        raise fields.fault("passed", f"is {passed}, more than its {cases} cases")
    expected = tally(passed, cases)
    rate = fields.number("rate", optional=True)
    if cases == 0 and rate is not None:
        raise fields.fault("rate", "must be null: there are no cases to have a rate")
    if cases and (rate is None or abs(rate - (expected.rate or 0.0)) > AGREEMENT):
        raise fields.fault(
            "rate", f"must be {passed} of {cases}, {expected.rate:.4f}, not {shown(rate)}"
        )
    for key, value in (("low", expected.low), ("high", expected.high)):
        found = fields.number(key)
        if found is None or abs(found - value) > AGREEMENT:
            raise fields.fault(
                key,
                f"{shown(found)} is not the 95% Wilson {key} bound for {passed} of {cases} "
                f"({value:.4f})",
            )
    return Tally(cases, passed, rate, float(fields.raw["low"]), float(fields.raw["high"]))


_SLICE_KEYS = (
    "name",
    "cases",
    "passed",
    "rate",
    "low",
    "high",
    "too_few",
    "more_cases",
    "traffic_share",
)


def _read_slice(source: str, where: str, raw: object) -> SliceTally:
    fields = _Fields(source, where, raw, _SLICE_KEYS)
    name = fields.text("name")
    counts = _read_tally(fields)
    return SliceTally(
        name=name,
        cases=counts.cases,
        passed=counts.passed,
        rate=counts.rate,
        low=counts.low,
        high=counts.high,
        too_few=fields.flag("too_few", default=False),
        more_cases=fields.whole("more_cases", optional=True),
        traffic_share=fields.number("traffic_share", optional=True),
    )


def _check_unique(top: _Fields, slices: Sequence[SliceTally], key: str) -> None:
    seen: set[str] = set()
    for index, item in enumerate(slices):
        if item.name in seen:
            raise RecordError(
                top.source, f"{key}[{index}].name", f"{shown(item.name)} is listed twice"
            )
        seen.add(item.name)


def _read_production(top: _Fields) -> Production | None:
    keys = ("rate", "low", "high", "untested_share", "all_low", "all_high")
    fields = top.sub("production", keys)
    if fields is None:
        return None
    rate = fields.number("rate", optional=True)
    low, high = fields.number("low") or 0.0, fields.number("high")
    high = 1.0 if high is None else high
    untested = fields.number("untested_share") or 0.0
    if rate is None and untested < 1:
        raise fields.fault("rate", "is missing while some traffic was tested")
    if rate is not None and not low - 1e-9 <= rate <= high + 1e-9:
        raise fields.fault("rate", f"{rate!r} lies outside its interval {low!r} to {high!r}")
    all_low = fields.number("all_low", optional=True)
    all_high = fields.number("all_high", optional=True)
    if all_low is not None and all_high is not None and all_low > all_high + 1e-9:
        raise fields.fault("all_low", "is above all_high")
    return Production(rate, low, high, untested, all_low, all_high)


def _read_latency(top: _Fields) -> Latency | None:
    fields = top.sub("latency_ms", ("p50", "p95", "p99"))
    if fields is None:
        return None
    values = [fields.number(key, 0.0, math.inf) or 0.0 for key in ("p50", "p95", "p99")]
    if not values[0] <= values[1] <= values[2]:
        raise fields.fault("p95", "percentiles must not fall: p50 ≤ p95 ≤ p99")
    return Latency(*values)


def _read_cost(top: _Fields) -> Cost | None:
    fields = top.sub("cost", ("per_case", "per_passing_case"))
    if fields is None:
        return None
    return Cost(
        per_case=fields.number("per_case", 0.0, math.inf) or 0.0,
        per_passing_case=fields.number("per_passing_case", 0.0, math.inf, optional=True),
    )


def _read_compared(top: _Fields) -> Compared | None:
    fields = top.sub("compared", ("against_sha256", "regressions"))
    if fields is None:
        return None
    digest = fields.text("against_sha256")
    if not _SHA256.match(digest):
        raise fields.fault("against_sha256", "must be 64 lower-case hex digits")
    names = []
    for where, item in fields.items("regressions", MAX_SLICES):
        if not isinstance(item, str) or len(item) > MAX_TEXT:
            raise RecordError(top.source, where, "must be a slice name (text)")
        names.append(item)
    return Compared(digest, tuple(names))


_CHECK_KEYS = ("rule", "questions", "required", "outcome", "file", "line", "message")


def _read_check(source: str, where: str, raw: object) -> Check:
    fields = _Fields(source, where, raw, _CHECK_KEYS)
    questions = []
    for place, item in fields.items("questions", 100):
        if not isinstance(item, str) or not item.strip() or len(item) > MAX_TEXT:
            raise RecordError(source, place, "must be a question id (text)")
        questions.append(item)
    return Check(
        rule=fields.text("rule", empty=False),
        questions=tuple(questions),
        required=fields.flag("required"),
        outcome=fields.choice("outcome", OUTCOMES),  # type: ignore[arg-type]
        file=fields.text("file", default=""),
        line=fields.whole("line", 0, optional=True),
        message=fields.text("message", default=""),
    )


# --- writing ------------------------------------------------------------------------------------


def _prune(values: Mapping[str, object], keep_none: Sequence[str] = ()) -> dict[str, object]:
    return {k: v for k, v in values.items() if v is not None or k in keep_none}


def _tally_value(item: Tally | SliceTally) -> dict[str, object]:
    return {
        "cases": item.cases,
        "passed": item.passed,
        "rate": item.rate,
        "low": item.low,
        "high": item.high,
    }


def _slices_value(slices: Sequence[SliceTally]) -> list[dict[str, object]]:
    return [
        _prune(
            {
                "name": item.name,
                **_tally_value(item),
                "too_few": item.too_few,
                "more_cases": item.more_cases,
                "traffic_share": item.traffic_share,
            },
            keep_none=("rate",),
        )
        for item in slices
    ]


def record_to_value(record: Record) -> dict[str, object]:
    """The record as JSON-ready values, in the documented key order; optional parts left out
    when absent."""
    value: dict[str, object] = {
        "format": FORMAT,
        "version": VERSION,
        "kind": record.kind,
        "created": record.created,
        "source": {
            "file": record.source.file,
            "tool": record.source.tool,
            "tool_version": record.source.tool_version,
            "run_date": record.source.run_date,
            "sha256": record.source.sha256,
        },
    }
    if record.kind == "checks":
        value["repository"] = record.repository
        value["checks"] = [
            _prune(
                {
                    "rule": check.rule,
                    "questions": list(check.questions),
                    "required": check.required,
                    "outcome": check.outcome,
                    "file": check.file,
                    "line": check.line,
                    "message": check.message,
                }
            )
            for check in record.checks
        ]
        return value
    value["slice_field"] = record.slice_field
    value["overall"] = _tally_value(record.overall or tally(0, 0))
    value["slices"] = _slices_value(record.slices)
    if record.sources:
        value["sources"] = _slices_value(record.sources)
    optional: dict[str, Callable[[Any], dict[str, object]] | None] = {
        "production": lambda p: _prune(
            {
                "rate": p.rate,
                "low": p.low,
                "high": p.high,
                "untested_share": p.untested_share,
                "all_low": p.all_low,
                "all_high": p.all_high,
            },
            keep_none=("rate",),
        ),
        "latency_ms": lambda lat: {"p50": lat.p50, "p95": lat.p95, "p99": lat.p99},
        "cost": lambda c: {"per_case": c.per_case, "per_passing_case": c.per_passing_case},
        "compared": lambda c: {
            "against_sha256": c.against_sha256,
            "regressions": list(c.regressions),
        },
        "target": lambda t: {"rate": t.rate, "confidence": t.confidence},
    }
    for key, convert in optional.items():
        part = getattr(record, key)
        if part is not None and convert is not None:
            value[key] = convert(part)
    return value


def write_record(record: Record, source: str = "record") -> str:
    """The record as JSON text (UTF-8, indented), checked by the reader first: a record this
    package writes always reads back. RecordError names the faulty field."""
    import json

    value = record_to_value(record)
    record_from_value(value, source)
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
