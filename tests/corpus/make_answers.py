"""Write the answers conformance corpus: tests/corpus/answers/*.json and expected.json.

Each document is declared here with the outcome it must have on every surface (the page's
import and share link, the team and portfolio pages, `pilot2prod assess`, `merge`, `plan`,
`compare` and `portfolio`):

- "ok": read whole; every surface gives the same verdict and score.
- "partial": readable, with faults inside (a mistyped answer, a note too long). A reader for
  one person (assess, the page's import and share link, merge, plan, compare) refuses it naming
  `field`; the team and portfolio views count the rest and name the file with `field`.
- "refused": not an answers document at all; every surface refuses it naming `field`.

The declared outcome and field are the specification; the verdict and score of an "ok" (and
"partial") document are what pilot2prod worked out when the corpus was written, pinned so that
any later change shows up in review. Run `python -m tests.corpus.make_answers` after adding a
case, and read the diff of expected.json before committing it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pilot2prod.readiness.answers import blank_document, read_document
from pilot2prod.readiness.scoring import assess
from tests.fixtures import repo_data

FOLDER = Path(__file__).parent / "answers"

Case = tuple[str, str, Callable[[], bytes]]
"""(outcome, field, the file's bytes)."""


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")


def _doc(answers: dict[str, Any] | None = None, **parts: Any) -> dict[str, Any]:
    checklist = repo_data().scored_checklist
    return blank_document(checklist) | {"answers": answers or {}} | parts


def _ids() -> list[str]:
    return [item.id for item in repo_data().scored_checklist.items]


def _all(value: str) -> dict[str, str]:
    return dict.fromkeys(_ids(), value)


def _mixed() -> dict[str, str]:
    cycle = ["yes", "partial", "no", "yes", "na", "yes"]
    return {item: cycle[i % len(cycle)] for i, item in enumerate(_ids())}


def _critical_no() -> dict[str, str]:
    checklist = repo_data().scored_checklist
    answers = _all("yes")
    critical = next(item.id for item in checklist.items if item.critical)
    answers[critical] = "no"
    return answers


def cases() -> dict[str, Case]:
    """Every document of the corpus by file name."""
    ids = _ids()
    first, second = ids[0], ids[1]
    reliability = [item.id for item in repo_data().scored_checklist.sections[0].items]
    export = _doc(_mixed()) | {
        "title": "Production readiness assessment",
        "url": "https://example.org/assessment/",
        "exported": "2026-12-01T10:00:00.000Z",
        "result": {"verdict": {"id": "ready", "label": "Ready"}, "score": 1.0},
    }
    return {
        # --- read whole ----------------------------------------------------------------
        "ok-all-yes.json": ("ok", "", lambda: _json(_doc(_all("yes")))),
        "ok-all-no.json": ("ok", "", lambda: _json(_doc(_all("no")))),
        "ok-mixed.json": ("ok", "", lambda: _json(_doc(_mixed()))),
        "ok-critical-no.json": ("ok", "", lambda: _json(_doc(_critical_no()))),
        "ok-nothing-answered.json": ("ok", "", lambda: _json(_doc({}))),
        "ok-reliability-only.json": (
            "ok",
            "",
            lambda: _json(_doc(dict.fromkeys(reliability, "yes"))),
        ),
        "ok-version-1.json": (
            "ok",
            "",
            lambda: _json({k: v for k, v in _doc(_mixed(), version=1).items() if k != "plan"}),
        ),
        "ok-version-1-with-plan.json": (
            "ok",
            "",
            lambda: _json(
                _doc(_mixed(), version=1, plan={first: {"owner": "Ana", "due": "2027-01-31"}})
            ),
        ),
        "ok-version-as-2.0.json": (
            "ok",
            "",
            lambda: json.dumps(_doc(_mixed())).replace('"version": 2', '"version": 2.0').encode(),
        ),
        "ok-null-answers.json": (
            "ok",
            "",
            lambda: _json(_doc({**_mixed(), first: None, second: None})),
        ),
        "ok-empty-string-answers.json": (
            "ok",
            "",
            lambda: _json(_doc({**_mixed(), first: "", second: ""})),
        ),
        "ok-unknown-question-kept-aside.json": (
            "ok",
            "",
            lambda: _json(
                _doc({**_mixed(), "retired-question": "yes"}, notes={"retired-question": "old"})
            ),
        ),
        "ok-kept-aside-comes-back.json": (
            "ok",
            "",
            lambda: _json(
                _doc(
                    {k: v for k, v in _mixed().items() if k != first},
                    orphans={first: {"answer": "yes", "note": "back"}},
                )
            ),
        ),
        "ok-na-with-reason.json": (
            "ok",
            "",
            lambda: _json(
                _doc({**_all("yes"), first: "na"}, notes={first: "No such traffic here."})
            ),
        ),
        "ok-na-reason-only-bom.json": (
            "ok",
            "",
            lambda: _json(_doc({**_all("yes"), first: "na"}, notes={first: "\ufeff"})),
        ),
        "ok-na-reason-only-nbsp-and-zero-width.json": (
            "ok",
            "",
            lambda: _json(
                _doc({**_all("yes"), first: "na"}, notes={first: "\u00a0\u200b\u3000\u2060"})
            ),
        ),
        "ok-na-reason-only-python-spaces.json": (
            "ok",
            "",
            lambda: _json(_doc({**_all("yes"), first: "na"}, notes={first: "\x1c\x85\u2028"})),
        ),
        "ok-identity.json": (
            "ok",
            "",
            lambda: _json(
                _doc(
                    _mixed(), project="Support assistant", assessor="R. Lead", assessed="2026-11-30"
                )
            ),
        ),
        "ok-identity-blank-runs-squeezed.json": (
            "ok",
            "",
            lambda: _json(
                _doc(_mixed(), project="\ufeff  Café \u200b  Ops\u00a0", assessor=" \t ")
            ),
        ),
        "ok-byte-order-mark-at-start.json": (
            "ok",
            "",
            lambda: b"\xef\xbb\xbf" + _json(_doc(_mixed())),
        ),
        "ok-note-at-the-limit.json": (
            "ok",
            "",
            lambda: _json(_doc(_mixed(), notes={first: "n" * 2000})),
        ),
        "ok-note-of-astral-characters-at-the-limit.json": (
            "ok",
            "",
            lambda: _json(_doc(_mixed(), notes={first: "\U0001f600" * 2000})),
        ),
        "ok-owners-and-notes.json": (
            "ok",
            "",
            lambda: _json(
                _doc(
                    _mixed(),
                    notes={k: f"Evidence for {k}" for k in ids[:8]},
                    owners={k: "Platform team" for k in ids[:8]},
                )
            ),
        ),
        "ok-plan-unusable-status-kept-aside.json": (
            "ok",
            "",
            lambda: _json(_doc(_mixed(), plan={first: {"status": "finished", "owner": "Ana"}})),
        ),
        "ok-plan-for-a-retired-question.json": (
            "ok",
            "",
            lambda: _json(
                _doc(_mixed(), plan={"retired-question": {"action": "Do it", "owner": "Bo"}})
            ),
        ),
        "ok-plan-in-progress.json": (
            "ok",
            "",
            lambda: _json(
                _doc(
                    _mixed(),
                    plan={
                        second: {
                            "action": "Sample 500 tickets",
                            "owner": "Ana",
                            "due": "2027-02-01",
                            "status": "in-progress",
                        }
                    },
                )
            ),
        ),
        "ok-page-export-with-result.json": ("ok", "", lambda: _json(export)),
        "ok-older-checklist-version.json": (
            "ok",
            "",
            lambda: _json(_doc(_mixed(), checklist_version="0123456789ab")),
        ),
        "ok-markup-in-text.json": (
            "ok",
            "",
            lambda: _json(
                _doc(
                    _mixed(),
                    notes={first: "<script>alert(1)</script> *bold* | =SUM(A1)"},
                    project="<b>Proj</b>",
                )
            ),
        ),
        "ok-ids-named-like-built-ins.json": (
            "ok",
            "",
            lambda: _json(
                _doc({**_mixed(), "__proto__": "yes", "constructor": "no", "toString": "partial"})
            ),
        ),
        # --- readable, with faults inside -------------------------------------------------
        "partial-mistyped-answer.json": (
            "partial",
            f"answers.{first}",
            lambda: _json(_doc({**_mixed(), first: "Yes"})),
        ),
        "partial-answer-is-a-number.json": (
            "partial",
            f"answers.{first}",
            lambda: _json(_doc({**_mixed(), first: 1})),
        ),
        "partial-answer-is-true.json": (
            "partial",
            f"answers.{first}",
            lambda: _json(_doc({**_mixed(), first: True})),
        ),
        "partial-answer-is-a-list.json": (
            "partial",
            f"answers.{first}",
            lambda: _json(_doc({**_mixed(), first: ["yes"]})),
        ),
        "partial-note-too-long.json": (
            "partial",
            f"notes.{first}",
            lambda: _json(_doc(_mixed(), notes={first: "n" * 2001})),
        ),
        "partial-note-not-text.json": (
            "partial",
            f"notes.{first}",
            lambda: _json(_doc(_mixed(), notes={first: 42})),
        ),
        "partial-owner-too-long.json": (
            "partial",
            f"owners.{first}",
            lambda: _json(_doc(_mixed(), owners={first: "o" * 121})),
        ),
        "partial-project-too-long.json": (
            "partial",
            "project",
            lambda: _json(_doc(_mixed(), project="p" * 121)),
        ),
        "partial-assessed-not-a-date.json": (
            "partial",
            "assessed",
            lambda: _json(_doc(_mixed(), assessed="2026-13-45")),
        ),
        "partial-assessor-not-text.json": (
            "partial",
            "assessor",
            lambda: _json(_doc(_mixed(), assessor=["R."])),
        ),
        "partial-unknown-top-level-key.json": (
            "partial",
            "answerz",
            lambda: _json(_doc(_mixed(), answerz={})),
        ),
        "partial-notes-is-a-list.json": (
            "partial",
            "notes",
            lambda: _json(_doc(_mixed(), notes=["a"])),
        ),
        "partial-plan-is-a-list.json": (
            "partial",
            "plan",
            lambda: _json(_doc(_mixed(), plan=["a"])),
        ),
        "partial-kept-aside-entry-not-an-object.json": (
            "partial",
            "orphans.gone",
            lambda: _json(_doc(_mixed(), orphans={"gone": "yes"})),
        ),
        "partial-kept-aside-unknown-field.json": (
            "partial",
            "orphans.gone.colour",
            lambda: _json(_doc(_mixed(), orphans={"gone": {"answer": "yes", "colour": "red"}})),
        ),
        "partial-empty-question-id.json": (
            "partial",
            "answers.",
            lambda: _json(_doc({**_mixed(), "": "yes"})),
        ),
        "partial-question-id-too-long.json": (
            "partial",
            "answers." + "q" * 60,
            lambda: _json(_doc({**_mixed(), "q" * 81: "yes"})),
        ),
        "partial-checklist-version-not-text.json": (
            "partial",
            "checklist_version",
            lambda: _json(_doc(_mixed(), checklist_version=7)),
        ),
        "partial-kept-aside-answer-too-long.json": (
            "partial",
            "answers.retired-question",
            lambda: _json(_doc({**_mixed(), "retired-question": "y" * 21})),
        ),
        # --- not an answers document ----------------------------------------------------
        "refused-not-json.json": ("refused", "line 1 column 1", lambda: b"answers: yes please\n"),
        "refused-truncated.json": ("refused", "line 1 column 2", lambda: b'{"fo'),
        "refused-empty-file.json": ("refused", "", lambda: b""),
        "refused-only-whitespace.json": ("refused", "", lambda: b" \n\t \n"),
        "refused-a-list.json": ("refused", "", lambda: b"[1, 2, 3]"),
        "refused-wrong-format.json": (
            "refused",
            "format",
            lambda: _json(_doc(format="someone-else/answers")),
        ),
        "refused-missing-format.json": (
            "refused",
            "format",
            lambda: _json({k: v for k, v in _doc().items() if k != "format"}),
        ),
        "refused-newer-version.json": ("refused", "version", lambda: _json(_doc(version=3))),
        "refused-version-as-text.json": ("refused", "version", lambda: _json(_doc(version="2"))),
        "refused-version-zero.json": ("refused", "version", lambda: _json(_doc(version=0))),
        "refused-another-checklist.json": (
            "refused",
            "checklist",
            lambda: _json(_doc(checklist="operations-handover")),
        ),
        "refused-unknown-checklist.json": (
            "refused",
            "checklist",
            lambda: _json(_doc(checklist="moon-landing")),
        ),
        "refused-no-answers.json": (
            "refused",
            "answers",
            lambda: _json({k: v for k, v in _doc().items() if k != "answers"}),
        ),
        "refused-answers-is-a-list.json": (
            "refused",
            "answers",
            lambda: _json(_doc(answers=["yes"])),
        ),
        "refused-too-many-answers.json": (
            "refused",
            "answers",
            lambda: _json(_doc({f"q-{n}": "yes" for n in range(501)})),
        ),
        "refused-duplicate-key.json": (
            "refused",
            "",
            lambda: json.dumps(_doc(_mixed()))[:-1].encode() + b', "format": "pilot2prod/answers"}',
        ),
        "refused-duplicate-answer.json": (
            "refused",
            "",
            lambda: (
                json.dumps(_doc({first: "yes"}))
                .replace(f'"{first}": "yes"', f'"{first}": "yes", "{first}": "no"')
                .encode()
            ),
        ),
        "refused-nan.json": (
            "refused",
            "",
            lambda: json.dumps(_doc(_mixed())).replace('"version": 2', '"version": NaN').encode(),
        ),
        "refused-infinity.json": (
            "refused",
            "",
            lambda: (
                json.dumps(_doc(_mixed())).replace('"version": 2', '"version": Infinity').encode()
            ),
        ),
        "refused-deeply-nested.json": (
            "refused",
            "",
            lambda: (
                json.dumps(_doc(_mixed()))[:-1].encode()
                + b', "notes": '
                + b"[" * 100
                + b"]" * 100
                + b"}"
            ),
        ),
        "refused-latin-1.json": (
            "refused",
            "",
            lambda: json.dumps(_doc(_mixed(), project="Café Ops"), ensure_ascii=False).encode(
                "latin-1"
            ),
        ),
        "refused-utf-16.json": ("refused", "", lambda: json.dumps(_doc(_mixed())).encode("utf-16")),
        "refused-binary.json": ("refused", "", lambda: b"\x00\x01\x02" * 50),
        "refused-number-with-far-too-many-digits.json": (
            "refused",
            "",
            lambda: (
                json.dumps(_doc(_mixed()))
                .replace('"version": 2', '"version": ' + "9" * 5000)
                .encode()
            ),
        ),
    }


PLAN_REFUSED = {"ok-plan-unusable-status-kept-aside.json": "plan.real-traffic-sample"}
"""Documents `pilot2prod plan` refuses though every other surface reads them whole."""


def outcome(content: bytes) -> dict[str, Any]:
    """What pilot2prod makes of one document: verdict and score, or the first fault's field."""
    from pilot2prod.model.documents import parse_json
    from pilot2prod.model.errors import DocumentError

    data = repo_data()
    checklist, rubric = data.scored_checklist, data.rubric
    try:
        text = content.decode("utf-8-sig")
        raw = parse_json(text, "a pilot2prod answers file")
        answers = read_document(raw, checklist)
    except DocumentError as error:
        return {"refused": error.where}
    except UnicodeDecodeError:
        return {"refused": ""}
    assessment = assess(checklist, rubric, answers)
    return {
        "verdict": assessment.band.id if assessment.band else "unscored",
        "score": None if assessment.score is None else round(assessment.score, 6),
        "answered": len(answers.values),
        "kept_aside": sorted(answers.kept_aside),
        "problems": [p.where for p in answers.problems],
    }


def main() -> None:
    """Write every document and expected.json."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for old in FOLDER.glob("*.json"):
        old.unlink()
    expected: dict[str, Any] = {}
    for name, (kind, field, make) in sorted(cases().items()):
        content = make()
        (FOLDER / name).write_bytes(content)
        found = outcome(content)
        got = found["refused"] if "refused" in found else (found["problems"] or [""])[0]
        if got != field or ("refused" in found) != (kind == "refused"):
            print(f"{name}: declared {kind} {field!r}, pilot2prod says {found}")
        entry: dict[str, Any] = {"outcome": kind, "field": field}
        if kind != "refused":
            entry |= {key: found[key] for key in ("verdict", "score", "answered", "kept_aside")}
        if name in PLAN_REFUSED:
            # `pilot2prod plan` reports and gates on the plans: one it cannot use is bad input.
            entry["plan_command_field"] = PLAN_REFUSED[name]
        expected[name] = entry
    (FOLDER / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
