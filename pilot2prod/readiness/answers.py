"""Read a reader's answers to a scaled checklist, checking every field.

The browser exports answers as `{"format": "pilot2prod/answers", "version": 2,
"checklist": ..., "checklist_version": ..., "answers": {item: value}, "notes": ...,
"owners": ..., "orphans": ...}`. Version 2 adds the improvement plan, `"plan": {item:
{"action", "owner", "due", "status"}}` (every field optional; `status` is open,
in-progress or done; `due` is YYYY-MM-DD); a version 1 document is read as version 2
with an empty plan (`upgrade_document`), so every older file and link keeps opening.
A document that is not one of ours at all is refused with `AnswersError`; smaller
faults inside a valid document (an unknown item id, a value that is not an answer)
are kept as `Problem`s next to the answers that could be read, so the caller decides
whether they are fatal (the command line) or only worth a note (the live widget).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from pilot2prod.model.checklists import ANSWER_VALUES, Checklist
from pilot2prod.model.errors import describe

FORMAT = "pilot2prod/answers"
"""The `format` tag every answers document carries."""

FORMAT_VERSION = 2
"""The newest answers format this package reads: 2 added `plan`."""

PAGE_VERSION = 2
"""The answers format the site's pages write today (checklist-doc.js, every checklist; only the
readiness assessment fills `plan`). The pages still open version 1, read as version 2 with an
empty plan, so every older stored answer, file and share link keeps working."""

PLAN_STATUSES = ("open", "in-progress", "done")
"""A plan item's status, in the order work moves through them."""

ACTION_MAX = 500
"""Longest plan action a reader can type, in characters."""

READINESS_VALUES = ANSWER_VALUES["readiness"]
"""Every value an item on the readiness scale can take."""

_KNOWN_KEYS = (
    "format",
    "version",
    "checklist",
    "checklist_version",
    "answers",
    "notes",
    "owners",
    "orphans",
    "exported",
    "title",
    "url",
    "project",
    "assessor",
    "assessed",
    "result",
    "plan",
)
"""Top-level keys of an answers document; others are reported, not fatal."""


class AnswersError(ValueError):
    """The whole document is unusable: wrong format, newer version, another checklist."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}" if where else problem)


@dataclass(frozen=True)
class Problem:
    """One fault inside an otherwise readable answers document."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


IDENTITY_MAX = 120
"""Longest project or assessor name, in characters."""


@dataclass(frozen=True)
class Identity:
    """Whose assessment this is: the project, who assessed it, and on which day."""

    project: str = ""
    assessor: str = ""
    assessed: str = ""
    """The assessment's date as YYYY-MM-DD, or "" when not given."""


@dataclass(frozen=True)
class PlanEntry:
    """What a reader wrote for one open question's plan; "" where they wrote nothing."""

    action: str = ""
    owner: str = ""
    due: str = ""
    status: str = "open"


@dataclass(frozen=True)
class Answers:
    """Answers that passed validation, in the checklist's item order."""

    checklist: str
    values: Mapping[str, str]
    unanswered: tuple[str, ...]
    problems: tuple[Problem, ...] = ()
    notes: Mapping[str, str] = field(default_factory=dict)
    owners: Mapping[str, str] = field(default_factory=dict)
    identity: Identity = field(default_factory=Identity)
    plan: Mapping[str, PlanEntry] = field(default_factory=dict)
    kept_aside: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """Answers the page set aside (`orphans`: questions no longer in the checklist), by id,
    each with what it kept of `answer`, `note` and `owner`; carried along, never scored."""


def read_identity(doc: Mapping[object, object], problems: list[Problem]) -> Identity:
    """Project, assessor and date from an answers document; faults are reported and dropped.

    The `result` an export carries is never read: a result is always computed afresh.
    """
    found: dict[str, str] = {}
    for key in ("project", "assessor", "assessed"):
        value = doc.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            problems.append(Problem(key, f"must be text, not {_describe(value)}; ignored"))
            continue
        text = " ".join(value.split())
        if len(text) > IDENTITY_MAX:
            problems.append(Problem(key, f"is longer than {IDENTITY_MAX} characters; ignored"))
            continue
        if key == "assessed" and not _is_date(text):
            problems.append(Problem(key, f"{_show(text)} is not a date (YYYY-MM-DD); ignored"))
            continue
        found[key] = text
    return Identity(**found)


def _is_date(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _show(value: object, limit: int = 40) -> str:
    """A short, safe rendering of a value for a message (hostile input can be long)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(value: object) -> str:
    """JSON's words for a value's kind: an object, not a mapping."""
    return describe(value, mapping="an object", boolean="true/false")


def read_answers(raw: object, checklist: Checklist, where: str = "answers") -> Answers:
    """Validate an `{item id: value}` mapping against `checklist`.

    Unknown ids and values that are not answers are reported and left out;
    `None` or an empty string means "not answered yet", which is not a fault.
    """
    if not isinstance(raw, Mapping):
        raise AnswersError(
            where, f"must be an object mapping question ids to answers, not {_describe(raw)}"
        )
    order = [item.id for item in checklist.items]
    known = set(order)
    values: dict[str, str] = {}
    problems: list[Problem] = []
    choices = ", ".join(READINESS_VALUES)
    for key, value in raw.items():
        if not isinstance(key, str):
            problems.append(Problem(where, f"question id {_show(key)} must be text; ignored"))
            continue
        here = f"{where}.{key[:60]}"
        if key not in known:
            problems.append(
                Problem(here, f"there is no question {_show(key)} in '{checklist.id}'; ignored")
            )
            continue
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            # YAML reads a bare yes/no as true/false: say so, it is the usual cause.
            problems.append(
                Problem(
                    here,
                    f'must be one of {choices}, not true/false (in YAML, quote it: "yes"); '
                    "left unanswered",
                )
            )
            continue
        if not isinstance(value, str):
            problems.append(
                Problem(here, f"must be one of {choices}, not {_describe(value)}; left unanswered")
            )
            continue
        if value not in READINESS_VALUES:
            problems.append(
                Problem(here, f"{_show(value)} is not an answer (use {choices}); left unanswered")
            )
            continue
        values[key] = value
    ordered = {item_id: values[item_id] for item_id in order if item_id in values}
    unanswered = tuple(item_id for item_id in order if item_id not in values)
    return Answers(
        checklist=checklist.id, values=ordered, unanswered=unanswered, problems=tuple(problems)
    )


def _text_map(raw: object, name: str, known: set[str], problems: list[Problem]) -> dict[str, str]:
    """Notes or owners: `{item id: text}`; faults are reported and the entry dropped."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        problems.append(Problem(name, f"must be an object, not {_describe(raw)}; ignored"))
        return {}
    kept: dict[str, str] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or key not in known:
            continue  # notes for retired questions travel in `orphans`, not here
        if not isinstance(value, str):
            problems.append(
                Problem(f"{name}.{key[:60]}", f"must be text, not {_describe(value)}; ignored")
            )
            continue
        if value.strip():
            kept[key] = value
    return kept


def upgrade_document(doc: Mapping[str, object]) -> dict[str, object]:
    """A version 1 document as version 2: the same answers, notes and owners, an empty plan.

    Nothing is dropped: a v1 file, share link or stored answer reads exactly as before.
    """
    upgraded = dict(doc)
    if upgraded.get("version") == 1:
        upgraded["version"] = 2
        upgraded.setdefault("plan", {})
    return upgraded


def _plan_text(value: object, where: str, limit: int, problems: list[Problem]) -> str:
    if value is None or value == "":
        return ""
    if not isinstance(value, str):
        problems.append(Problem(where, f"must be text, not {_describe(value)}; ignored"))
        return ""
    text = " ".join(value.split())
    if len(text) > limit:
        problems.append(Problem(where, f"is longer than {limit} characters; ignored"))
        return ""
    return text


def read_plan(raw: object, known: set[str], problems: list[Problem]) -> dict[str, PlanEntry]:
    """The improvement plan `{item id: {action, owner, due, status}}`; faults reported, dropped."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        problems.append(Problem("plan", f"must be an object, not {_describe(raw)}; ignored"))
        return {}
    from pilot2prod.model.checklists import OWNER_MAX

    plan: dict[str, PlanEntry] = {}
    for key, entry in raw.items():
        if not isinstance(key, str) or key not in known:
            problems.append(Problem("plan", f"there is no question {_show(key)}; ignored"))
            continue
        here = f"plan.{key[:60]}"
        if not isinstance(entry, Mapping):
            problems.append(Problem(here, f"must be an object, not {_describe(entry)}; ignored"))
            continue
        action = _plan_text(entry.get("action"), f"{here}.action", ACTION_MAX, problems)
        owner = _plan_text(entry.get("owner"), f"{here}.owner", OWNER_MAX, problems)
        due = _plan_text(entry.get("due"), f"{here}.due", 10, problems)
        if due and not _is_date(due):
            problems.append(Problem(f"{here}.due", f"{_show(due)} is not a date (YYYY-MM-DD)"))
            due = ""
        status = entry.get("status", "open")
        if status not in PLAN_STATUSES:
            problems.append(
                Problem(
                    f"{here}.status",
                    f"{_show(status)} is not a status (use {', '.join(PLAN_STATUSES)}); "
                    "read as open",
                )
            )
            status = "open"
        for name in entry:
            if name not in ("action", "owner", "due", "status"):
                problems.append(Problem(f"{here}.{str(name)[:40]}", "unknown key; ignored"))
        plan[key] = PlanEntry(action=action, owner=owner, due=due, status=str(status))
    return plan


KEPT_FIELDS = ("answer", "note", "owner")
"""What a set-aside entry may keep, in the order a report prints them."""


def read_kept_aside(raw: object, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """The `orphans` a page set aside: `{id: {answer, note, owner}}`, text fields only; an
    entry that is not an object is reported and left out."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        problems.append(Problem("orphans", f"must be an object, not {_describe(raw)}; ignored"))
        return {}
    kept: dict[str, dict[str, str]] = {}
    for key, entry in raw.items():
        if not isinstance(entry, Mapping):
            problems.append(
                Problem(f"orphans.{str(key)[:60]}", f"must be an object, not {_describe(entry)}")
            )
            continue
        fields = {name: entry[name] for name in KEPT_FIELDS if isinstance(entry.get(name), str)}
        if fields:
            kept[str(key)] = fields
    return kept


def read_document(doc: object, checklist: Checklist) -> Answers:
    """Validate a whole answers document (the browser's JSON export) for `checklist`."""
    if not isinstance(doc, Mapping):
        raise AnswersError(
            "", f"an answers file must hold a JSON object, not {_describe(doc)} (format {FORMAT})"
        )
    if "format" not in doc:
        raise AnswersError("format", f"missing; a pilot2prod answers file says {FORMAT!r}")
    if doc["format"] != FORMAT:
        raise AnswersError(
            "format",
            f"{_show(doc['format'])} is not a pilot2prod answers file (expected {FORMAT!r})",
        )
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise AnswersError("version", f"must be a whole number, not {_describe(version)}")
    if version > FORMAT_VERSION:
        raise AnswersError(
            "version",
            f"this file uses answers format {version}, written by a newer pilot2prod; "
            f"this one reads format {FORMAT_VERSION} — update pilot2prod to read it",
        )
    if version < 1:
        raise AnswersError("version", f"{version} is not an answers format version")
    doc = upgrade_document(doc)
    named = doc.get("checklist")
    if named != checklist.id:
        raise AnswersError(
            "checklist",
            f"these answers are for {_show(named)}, not for the '{checklist.id}' checklist",
        )
    if "answers" not in doc:
        raise AnswersError("answers", "missing; the file holds no answers")
    read = read_answers(doc["answers"], checklist)
    problems = list(read.problems)
    stated = doc.get("checklist_version")
    if stated is not None and not isinstance(stated, str):
        problems.append(Problem("checklist_version", f"must be text, not {_describe(stated)}"))
    for key in doc:
        if key not in _KNOWN_KEYS:
            problems.append(Problem(str(key)[:60], "unknown key; ignored"))
    known = set(read.values) | set(read.unanswered)
    notes = _text_map(doc.get("notes"), "notes", known, problems)
    owners = _text_map(doc.get("owners"), "owners", known, problems)
    identity = read_identity(doc, problems)
    plan = read_plan(doc.get("plan"), known, problems)
    kept_aside = read_kept_aside(doc.get("orphans"), problems)
    return Answers(
        checklist=read.checklist,
        values=read.values,
        unanswered=read.unanswered,
        problems=tuple(problems),
        notes=notes,
        owners=owners,
        identity=identity,
        plan=plan,
        kept_aside=kept_aside,
    )


def blank_document(checklist: Checklist) -> dict[str, object]:
    """An answers document with nothing answered, in the browser's export shape."""
    return {
        "format": FORMAT,
        "version": PAGE_VERSION,
        "checklist": checklist.id,
        "checklist_version": checklist.version,
        "answers": {},
        "notes": {},
        "owners": {},
        "orphans": {},
        "plan": {},
    }
