"""The answers document of any checklist: the one definition every page and command reads.

`{"format": "pilot2prod/answers", "version": 2, "checklist": ..., "checklist_version": ...,
"answers": {item: value}, "notes": ..., "owners": ..., "orphans": ..., "plan": ...}`.
Version 2 added the improvement plan, `"plan": {item: {"action", "owner", "due",
"status"}}` (every field optional; `status` is open, in-progress or done; `due` is
YYYY-MM-DD); a version 1 document reads as version 2 (a plan it carries anyway is kept), so
every older file, link and stored answer keeps opening.

`read_document` is the reading. A document that is not one of ours at all is refused with
`AnswersError`. Smaller faults (a value that is not an answer, a note too long) come back as
`Problem`s beside what could be read: a reader for one person's use (`pilot2prod assess`, a
page's import or share link) refuses the file naming the first (`refusal`); a team or
portfolio view counts the rest and names the file with its problems. What belongs to a
question no longer asked, or a plan this version cannot use, is kept aside (`kept_aside`),
never a fault: the page wrote it, and the data may change. `write_document` writes the
document back exactly as the page stores it; the page's own reader of what it stored
(components/checklist-doc.js `readStored`) follows these rules one for one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pilot2prod.model.blank import is_blank, squeeze
from pilot2prod.model.checklists import ANSWER_VALUES, NOTE_MAX, OWNER_MAX, Checklist
from pilot2prod.model.errors import DocumentError, describe

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

STATUS_LABELS = {"open": "Open", "in-progress": "In progress", "done": "Done"}
"""How each plan status reads."""

ACTION_MAX = 500
"""Longest plan action a reader can type, in characters."""

READINESS_VALUES = ANSWER_VALUES["readiness"]
"""Every value an item on the readiness scale can take."""

ID_MAX = 80
"""Longest question id read; a longer key is not an id of ours (kept-aside ids included)."""

ENTRIES_MAX = 500
"""The most entries one part (answers, notes, owners, plan, orphans) may list."""

ANSWER_MAX = 20
"""Longest answer value kept aside for a question no longer asked."""

KEPT_PLAN_MAX = 2000
"""Longest plan kept aside (as JSON text) for a question no longer asked."""

VERSION_MAX = 64
"""Longest `checklist_version` read (the build writes a 12-character hash)."""

PLAN_FIELDS = ("action", "owner", "due", "status")
"""What a plan entry may hold."""

IDENTITY_KEYS = ("project", "assessor", "assessed")
"""Whose assessment it is: kept by the scored assessment only."""

KNOWN_KEYS = (
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
"""Top-level keys of an answers document; any other is a fault."""


class AnswersError(DocumentError):
    """The whole document is unusable: wrong format, newer version, another checklist."""


@dataclass(frozen=True)
class Problem:
    """One fault inside an otherwise readable answers document.

    `message` says what is wrong; `outcome` what a partial reading (a team or portfolio view,
    which counts the rest of the file) did about it. A reader that refuses the file (the
    command line's assess, the page's import) names the fault without the outcome.
    """

    where: str
    message: str
    outcome: str = ""

    def __str__(self) -> str:
        outcome = f"; {self.outcome}" if self.outcome else ""
        return f"{self.where}: {self.message}{outcome}"


def refusal(problems: Sequence[Problem]) -> AnswersError:
    """Why a file with `problems` is refused, on one line: the first fault's field, what is
    wrong there, and how many more faults follow."""
    first = problems[0]
    text = first.message
    if len(problems) > 1:
        others = ", ".join(p.where for p in problems[1:4])
        more = "…" if len(problems) > 4 else ""
        text += f" (and {len(problems) - 1} more: {others}{more})"
    return AnswersError(first.where, text)


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
    """What was kept for questions no longer in the checklist (`orphans`), by id, each with
    what it kept of `answer`, `note`, `owner` and `plan` (as JSON text); carried along, never
    scored. A question still asked may keep a `plan` here that an earlier reading could not use."""
    stated_version: str = ""
    """The `checklist_version` the document names: the questions' wording it answered."""
    newly_kept_aside: tuple[str, ...] = ()
    """Ids this reading set aside that the document did not already keep aside."""
    plans_kept_aside: tuple[tuple[str, str], ...] = ()
    """Plans of questions still asked that this reading could not use and kept aside, each
    with why, in a reader's words."""


KEPT_FIELDS = ("answer", "note", "owner", "plan")
"""What an answer kept aside may hold, in the order a report prints them."""

KEPT_LIMITS = {"answer": ANSWER_MAX, "note": NOTE_MAX, "owner": OWNER_MAX, "plan": KEPT_PLAN_MAX}
"""The longest text each field of an answer kept aside may hold."""


def _show(value: object, limit: int = 40) -> str:
    """A short, safe rendering of a value for a message (hostile input can be long)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quoted(value: object, limit: int) -> str:
    """A value in a reader's sentence: text in curly quotes, anything else as JSON writes it."""
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return f"“{text[:limit]}{'…' if len(text) > limit else ''}”"


def _describe(value: object) -> str:
    """JSON's words for a value's kind: an object, not a mapping."""
    return describe(value, mapping="an object", boolean="true/false")


def _is_date(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def is_question_id(key: object) -> bool:
    """Whether `key` can name a question at all: text of 1 to ID_MAX characters. Any such id is
    read, a known one as an answer and an unknown one kept aside; anything else is a fault."""
    return isinstance(key, str) and 0 < len(key) <= ID_MAX


class _Reading:
    """One pass over a document: what was read, and every fault met on the way."""

    def __init__(self, checklist: Checklist) -> None:
        self.checklist = checklist
        self.order = [item.id for item in checklist.items]
        self.known = set(self.order)
        self.values_allowed = ANSWER_VALUES[checklist.scale]
        self.problems: list[Problem] = []
        self.kept_aside: dict[str, dict[str, str]] = {}
        self.newly_kept: list[str] = []
        self.plans_kept_aside: list[tuple[str, str]] = []

    def fault(self, where: str, message: str, outcome: str = "ignored") -> None:
        """Note a fault; `outcome` says what a partial reading did about it."""
        self.problems.append(Problem(where, message, outcome))

    def keep_aside(self, key: str, name: str, value: str) -> None:
        """An answer, note, owner or plan for a question no longer asked: kept, never scored."""
        if key not in self.kept_aside:
            self.kept_aside[key] = {}
            self.newly_kept.append(key)
        self.kept_aside[key][name] = value

    def mapping(self, raw: object, where: str) -> Mapping[object, object] | None:
        """A part that maps question ids to something; None (and a fault) when it is not one."""
        if raw is None:
            return {}
        if not isinstance(raw, Mapping):
            self.fault(where, f"must be an object, not {_describe(raw)}")
            return None
        if len(raw) > ENTRIES_MAX:
            raise AnswersError(where, f"lists more than {ENTRIES_MAX} entries; it is not ours")
        return raw

    def key_ok(self, key: object, where: str) -> bool:
        if is_question_id(key):
            return True
        self.fault(where, f"{_show(key)} is not a question id (text of 1 to {ID_MAX} characters)")
        return False

    def text(self, value: object, where: str, limit: int) -> str | None:
        """Text of at most `limit` characters (code points), or None with a fault."""
        if not isinstance(value, str):
            self.fault(where, f"must be text, not {_describe(value)}")
            return None
        if len(value) > limit:
            self.fault(where, f"is longer than {limit} characters")
            return None
        return value

    # --- the parts ---------------------------------------------------------------------------

    def answers(self, raw: object, where: str, unknown_is_fault: bool) -> dict[str, str]:
        if not isinstance(raw, Mapping):
            raise AnswersError(
                where, f"must be an object mapping question ids to answers, not {_describe(raw)}"
            )
        if len(raw) > ENTRIES_MAX:
            raise AnswersError(where, f"lists more than {ENTRIES_MAX} entries; it is not ours")
        choices = ", ".join(self.values_allowed)
        values: dict[str, str] = {}
        for key, value in raw.items():
            if not isinstance(key, str):
                self.fault(where, f"question id {_show(key)} must be text")
                continue
            here = f"{where}.{key[:60]}"
            if not self.key_ok(key, here):
                continue
            if key not in self.known and unknown_is_fault:
                self.fault(here, f"there is no question {_show(key)} in '{self.checklist.id}'")
                continue
            if value is None or value == "":
                continue  # not answered yet: never a fault
            if isinstance(value, bool):
                # YAML reads a bare yes/no as true/false: say so, it is the usual cause.
                self.fault(
                    here,
                    f'must be one of {choices}, not true/false (in YAML, quote it: "yes")',
                    "left unanswered",
                )
                continue
            if not isinstance(value, str):
                self.fault(
                    here, f"must be one of {choices}, not {_describe(value)}", "left unanswered"
                )
                continue
            if key not in self.known:
                if len(value) > ANSWER_MAX:
                    self.fault(here, f"is longer than {ANSWER_MAX} characters")
                else:
                    self.keep_aside(key, "answer", value)
                continue
            if value not in self.values_allowed:
                self.fault(
                    here, f"{_show(value)} is not an answer (use {choices})", "left unanswered"
                )
                continue
            values[key] = value
        return values

    def texts(self, raw: object, name: str, limit: int) -> dict[str, str]:
        """Notes or owners: `{question id: text}`; blank text is no text."""
        part = self.mapping(raw, name)
        kept: dict[str, str] = {}
        for key, value in (part or {}).items():
            here = f"{name}.{str(key)[:60]}"
            if not self.key_ok(key, here):
                continue
            text = self.text(value, here, limit)
            if text is None or is_blank(text):
                continue
            assert isinstance(key, str)
            if key in self.known:
                kept[key] = text
            else:
                self.keep_aside(key, name[:-1], text)  # "notes" -> "note"
        return kept

    def identity(self, doc: Mapping[object, object]) -> Identity:
        """Project, assessor and date; kept by the scored assessment only, squeezed of blanks."""
        found: dict[str, str] = {}
        for key in IDENTITY_KEYS:
            value = doc.get(key)
            if value is None or value == "":
                continue
            text = self.text(value, key, IDENTITY_MAX)
            if text is None:
                continue
            text = squeeze(text)
            if key == "assessed" and text and not _is_date(text):
                self.fault(key, f"{_show(text)} is not a date (YYYY-MM-DD)")
                continue
            if text and self.checklist.scale == "readiness":
                found[key] = text
        return Identity(**found)

    def plan(self, raw: object) -> dict[str, PlanEntry]:
        """`{question id: {action, owner, due, status}}`, every field optional. An entry that
        cannot be used here (a status or field this version does not know, a date that is not
        one, text too long, a checklist with no plan, a question no longer asked) is kept aside
        as the JSON it was, never dropped and never fatal: the data's plan rules may change."""
        part = self.mapping(raw, "plan")
        plan: dict[str, PlanEntry] = {}
        for key, entry in (part or {}).items():
            here = f"plan.{str(key)[:60]}"
            if not self.key_ok(key, here):
                continue
            assert isinstance(key, str)
            why = self.plan_fault(entry)
            if not why and key in self.known:
                assert isinstance(entry, Mapping)
                read = plan_entry(entry)
                if read != PlanEntry():
                    plan[key] = read
                continue
            text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), default=str)
            if len(text) > KEPT_PLAN_MAX:
                self.fault(here, "is too large to read or to keep aside")
            elif key in self.known:
                self.kept_aside.setdefault(key, {})["plan"] = text
                self.plans_kept_aside.append((key, why))
            else:
                self.keep_aside(key, "plan", text)
        return plan

    def plan_fault(self, entry: object) -> str:
        """Why a plan entry cannot be used here, in a reader's words; "" when it can."""
        if self.checklist.scale != "readiness":
            return "this checklist keeps no plan"
        if not isinstance(entry, Mapping):
            return "it is not a set of plan fields"
        for name in entry:
            if name not in PLAN_FIELDS:
                return f"it has a field {_quoted(name, 30)} a plan does not have"
        for name, words, limit in (
            ("action", "its action", ACTION_MAX),
            ("owner", "its owner", OWNER_MAX),
        ):
            value = entry.get(name)
            if value is None:
                continue
            if not isinstance(value, str):
                return f"{words} is not text"
            if len(value) > limit:
                return f"{words} is longer than {limit} characters"
        due = entry.get("due")
        if due is not None and due != "" and (not isinstance(due, str) or not _is_date(due)):
            return f"its due date {_quoted(due, 20)} is not a date (YYYY-MM-DD)"
        status = entry.get("status")
        if status is not None and status not in PLAN_STATUSES:
            words = ", ".join(STATUS_LABELS[s] for s in PLAN_STATUSES)
            return f"its status {_quoted(status, 20)} is not one of: {words}"
        return ""

    def orphans(self, raw: object) -> dict[str, dict[str, str]]:
        """What an earlier reading set aside: `{id: {answer, note, owner, plan}}`, text only."""
        part = self.mapping(raw, "orphans")
        found: dict[str, dict[str, str]] = {}
        for key, entry in (part or {}).items():
            here = f"orphans.{str(key)[:60]}"
            if not self.key_ok(key, here):
                continue
            assert isinstance(key, str)
            if not isinstance(entry, Mapping):
                self.fault(here, f"must be an object, not {_describe(entry)}")
                continue
            fields: dict[str, str] = {}
            for name, value in entry.items():
                if name not in KEPT_LIMITS:
                    self.fault(f"{here}.{str(name)[:40]}", "unknown key")
                    continue
                text = self.text(value, f"{here}.{name}", KEPT_LIMITS[name])
                if text is not None and not is_blank(text):
                    fields[name] = text
            if fields:
                found[key] = fields
        return found


def plan_entry(entry: Mapping[object, object]) -> PlanEntry:
    """A usable plan entry (`plan_fault` found nothing wrong), blank text left out."""
    fields = {
        name: value
        for name in ("action", "owner", "due")
        if isinstance(value := entry.get(name), str) and not is_blank(value)
    }
    status = entry.get("status")
    return PlanEntry(**fields, status=status if isinstance(status, str) else PLAN_STATUSES[0])


def plan_fields(entry: PlanEntry) -> dict[str, str]:
    """A plan entry as the document writes it: only what the reader chose (no empty text, and
    no status while it is the first, `open`)."""
    fields = {
        name: value
        for name, value in (("action", entry.action), ("owner", entry.owner), ("due", entry.due))
        if value
    }
    if entry.status != PLAN_STATUSES[0]:
        fields["status"] = entry.status
    return fields


def read_answers(raw: object, checklist: Checklist, where: str = "answers") -> Answers:
    """Validate an `{item id: value}` mapping against `checklist`, strictly: an id the
    checklist does not ask is a fault (the worked examples in `data/` are read this way)."""
    reading = _Reading(checklist)
    values = reading.answers(raw, where, unknown_is_fault=True)
    return _answers(reading, values)


def _answers(reading: _Reading, values: dict[str, str], **parts: Any) -> Answers:
    ordered = {item_id: values[item_id] for item_id in reading.order if item_id in values}
    return Answers(
        checklist=reading.checklist.id,
        values=ordered,
        unanswered=tuple(item_id for item_id in reading.order if item_id not in values),
        problems=tuple(reading.problems),
        **parts,
    )


def read_document(doc: object, checklist: Checklist) -> Answers:
    """Read a whole answers document (an export, a share link, a file written by hand).

    Raises AnswersError when the document as a whole is unusable; smaller faults come back as
    `problems` beside everything that could be read. Answers, notes, owners and plans for
    questions `checklist` no longer asks are kept aside (`kept_aside`), never scored or
    dropped; one kept aside earlier returns when its question is asked again.
    """
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
    if isinstance(version, float) and version.is_integer():
        version = int(version)  # JSON has one kind of number: 2.0 is 2, as a page reads it
    if isinstance(version, bool) or not isinstance(version, int):
        raise AnswersError("version", f"must be a whole number, not {_describe(version)}")
    if version > FORMAT_VERSION:
        raise AnswersError(
            "version",
            f"this file uses answers format {version}, written by a newer pilot2prod; "
            f"this one reads format {FORMAT_VERSION}: update pilot2prod to read it",
        )
    if version < 1:
        raise AnswersError("version", f"{version} is not an answers format version")
    named = doc.get("checklist")
    if named != checklist.id:
        raise AnswersError(
            "checklist",
            f"these answers are for {_show(named)}, not for the '{checklist.id}' checklist",
        )
    if "answers" not in doc:
        raise AnswersError("answers", "missing; the file holds no answers")
    reading = _Reading(checklist)
    for key in doc:
        if key not in KNOWN_KEYS:
            reading.fault(str(key)[:60], "unknown key")
    stated = doc.get("checklist_version")
    if stated is not None:
        reading.text(stated, "checklist_version", VERSION_MAX)
    values = reading.answers(doc["answers"], "answers", unknown_is_fault=False)
    notes = reading.texts(doc.get("notes"), "notes", NOTE_MAX)
    owners = reading.texts(doc.get("owners"), "owners", OWNER_MAX)
    identity = reading.identity(doc)
    # Version 1 had no plan; a version 1 file that carries one anyway keeps it.
    plan = reading.plan(doc.get("plan"))
    earlier = reading.orphans(doc.get("orphans"))
    for key, entry in earlier.items():
        # A question asked again (a maintainer restored it) gets back what was kept for it,
        # unless this document answers it already; a plan kept aside stays aside.
        comes_back = key in reading.known and key not in values
        if comes_back and entry.get("answer", "") in ("", *reading.values_allowed):
            if entry.get("answer"):
                values[key] = entry["answer"]
            if entry.get("note") and key not in notes:
                notes[key] = entry["note"]
            if entry.get("owner") and key not in owners:
                owners[key] = entry["owner"]
            if "plan" in entry:
                reading.kept_aside.setdefault(key, {})["plan"] = entry["plan"]
            continue
        merged = {**entry, **reading.kept_aside.get(key, {})}
        if key in reading.newly_kept:
            reading.newly_kept.remove(key)  # kept aside before: not news
        reading.kept_aside[key] = merged
    return _answers(
        reading,
        values,
        notes=notes,
        owners=owners,
        identity=identity,
        plan=plan,
        kept_aside=reading.kept_aside,
        stated_version=stated if isinstance(stated, str) else "",
        newly_kept_aside=tuple(reading.newly_kept),
        plans_kept_aside=tuple(reading.plans_kept_aside),
    )


def write_document(answers: Answers, checklist: Checklist) -> dict[str, object]:
    """The document for `answers` exactly as the page stores and exports it (version
    PAGE_VERSION): reading it back gives the same answers."""
    doc: dict[str, object] = {
        "format": FORMAT,
        "version": PAGE_VERSION,
        "checklist": checklist.id,
        "checklist_version": checklist.version,
        "answers": dict(answers.values),
        "notes": dict(answers.notes),
        "owners": dict(answers.owners),
        "plan": {key: plan_fields(entry) for key, entry in answers.plan.items()},
        "orphans": {key: dict(entry) for key, entry in answers.kept_aside.items()},
    }
    for key in IDENTITY_KEYS:
        value = getattr(answers.identity, key)
        if value:
            doc[key] = value
    return doc


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
