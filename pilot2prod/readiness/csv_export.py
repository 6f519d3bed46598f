"""The readiness assessment as one CSV table: the result's rows first, then every answer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pilot2prod.text import csv_cell, csv_text

View = Mapping[str, Any]


CSV_COLUMNS = (
    "kind",
    "dimension",
    "question_id",
    "question",
    "answer",
    "weight",
    "critical",
    "risk",
    "owner",
    "note",
    "step",
    "value",
)
"""The columns of the readiness CSV: one table, the result's rows first, then each answer."""


def assessment_csv(view: View) -> str:
    """The assessment as CSV (RFC 4180, every field quoted, CRLF, UTF-8 with a BOM): identity,
    verdict, score, dimension scores, blockers and the path, then every question's answer."""
    rows: list[list[str]] = [[csv_cell(c) for c in CSV_COLUMNS]]

    def add(kind: str, value: object = "", user_text: bool = False, **cells: object) -> None:
        row = {"kind": kind, "value": value, **cells}
        rows.append(
            [csv_cell(row.get(c, ""), user_text or c in ("owner", "note")) for c in CSV_COLUMNS]
        )

    identity = view.get("identity") or {}
    for key in ("project", "assessor", "assessed"):
        add(key, identity.get(key, ""), user_text=True)
    add("verdict", view["verdict"]["label"])
    add("score", view["score_text"])
    for dim in view["dimensions"]:
        add(
            "dimension",
            dim["score_text"] if dim["score"] is not None else "",
            dimension=dim["title"],
        )
    for item in view["capping"]:
        add("blocker", "critical No", question_id=item["id"], question=item["text"])
    for number, step in enumerate(view.get("path") or [], start=1):
        for item in step["items"]:
            add(
                "path",
                step["target"]["label"],
                step=number,
                question_id=item["id"],
                question=item["text"],
                risk=item.get("risk") or "",
                owner=item.get("owner", ""),
            )
    for item in view.get("items", []):
        add(
            "question",
            item.get("answer") or "",
            dimension=item["dimension_title"],
            question_id=item["id"],
            question=item["text"],
            answer=item["answer_label"],
            weight=item.get("weight_word", ""),
            critical="yes" if item["critical"] else "no",
            risk=item.get("risk") or "",
            owner=item.get("owner", ""),
            note=item.get("note", ""),
        )
    return csv_text(rows)
