"""Render the readiness views as Markdown or plain text: for a proposal, a pull request, a terminal.

The input is the JSON-ready view that `readiness.presentation.views.assessment_view` (one
person) or `merge.team_view` (a team) returns, the very data the page shows,
so every verdict, score and sentence reads the same here as in the browser.
Text from answers files (names, notes, owners) is escaped for Markdown, and
control characters are dropped from plain text, so a hostile file cannot
inject links, markup or terminal escapes.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pilot2prod.text import clean, md, table_lines

View = Mapping[str, Any]

TOP_GAPS = 5
"""How many of the largest gaps a text report lists."""


def _link(label: str, href: str, links: bool) -> str:
    # Only absolute http(s) addresses make sense outside the site; anything else stays text.
    # `|` would end a table cell and brackets the link itself, so such addresses stay text.
    if links and re.match(r"^https?://[^\s<>()\[\]|]+$", href):
        return f"[{label}]({href})"
    return label


def _md_item(item: View, links: bool, show_answer: bool = True) -> str:
    answer = f"**{md(item['answer_label'])}**: " if show_answer else ""
    critical = " *(critical)*" if item.get("critical") else ""
    text = _link(md(item["text"]), item.get("question_href", ""), links)
    guidance = _link("guidance", item.get("guidance_href", ""), links)
    tail = f" ({guidance})" if guidance != "guidance" else ""
    extras = [md(item["dimension_title"])]
    if item.get("risk_label"):
        extras.append(md(item["risk_label"].lower()))
    extras += _owner(item, md)
    return f"- {answer}{text}{critical} — {' · '.join(extras)}{tail}"


def _owner(item: View, escape: Callable[[object], str]) -> list[str]:
    """Who owns an item, in the view's one phrase (the answer's owner, the plan's action owner,
    or both named as such); nothing when neither is named."""
    words = item.get("owner_text") or (f"owner: {item['owner']}" if item.get("owner") else "")
    return [escape(words)] if words and words != "no owner named" else []


def _identity_lines(view: View) -> list[str]:
    identity = view.get("identity") or {}
    named = [("Project", "project"), ("Assessor", "assessor"), ("Assessed on", "assessed")]
    return [f"- **{label}:** {md(identity[key])}" for label, key in named if identity.get(key)]


def _risk_summary(view: View) -> str:
    counts = view.get("risk_counts") or {}
    parts = [f"{counts[level]} {level}" for level in ("high", "medium", "low") if counts.get(level)]
    return ", ".join(parts) if parts else "none open"


def _answers_lines(view: View, links: bool) -> list[str]:
    """Every question with its answer, weight, note and owner: the appendix of a report."""
    lines = ["### Answers", ""]
    section = None
    for item in view.get("items", []):
        if item["dimension_title"] != section:
            section = item["dimension_title"]
            lines += [f"#### {md(section)}", ""]
        answer = md(item["answer_label"])
        if item.get("reason_missing"):
            answer += " (no reason given)"
        critical = ", critical" if item["critical"] else ""
        text = _link(md(item["text"]), item.get("question_href", ""), links)
        lines.append(f"- **{answer}**: {text} *({md(item['weight_word'])}{critical})*")
        if item.get("evidence_text"):
            lines.append(f"    - Evidence: {md(item['evidence_text'])}")
        owner = _owner(item, md)
        if owner:
            lines.append(f"    - {owner[0][0].upper()}{owner[0][1:]}")
        if item.get("note"):
            label = "Why it does not apply" if item["answer"] == "na" else "Note"
            lines.append(f"    - {label}: {md(item['note'])}")
    lines.append("")
    return lines


def assessment_markdown(
    view: View,
    title: str = "Readiness verdict",
    links: bool = False,
    gate: str = "",
) -> str:
    """One assessment as Markdown: who and when, verdict and scores, blockers, risks, the
    path to the top band, then every answer with its note and owner.

    It names no file: the page exports this very text, which must equal what the command line
    prints for the page's JSON export, and the project, assessor and date say whose it is."""
    verdict = view["verdict"]
    lines = [f"## {md(title)}: {md(verdict['label'])}", ""]
    lines += [
        *_identity_lines(view),
        f"- **Score:** {md(view['score_text'])} (the weakest dimension sets it)",
        f"- **Weakest dimension:** {md(view['weakest_text'])}",
        f"- **Answered:** {md(view['answered_text'])}",
        f"- **Blockers:** {md(view.get('blockers_text', 'none'))}",
        f"- **Open questions by risk:** {md(_risk_summary(view))}",
        f"- **Checklist version:** `{clean(view['checklist_version'])}`",
        *([f"- **Release gate:** {md(gate)}"] if gate else []),
        "",
        md(verdict["meaning"]),
        "",
    ]
    if view.get("cap_text"):
        lines += [f"> {md(view['cap_text'])}", ""]
    if view.get("rule_text"):
        lines += [f"*{md(view['rule_text'])}*", ""]
    rows = [
        [md(d["title"]), md(d["score_text"] if d["score"] is not None else "—"), md(d["status"])]
        for d in view["dimensions"]
    ]
    lines += ["### Scores by dimension", "", *table_lines(["Dimension", "Score", "Counted"], rows)]
    lines.append("")
    if view["capping"]:
        lines += ["### Critical questions answered No", ""]
        lines += [_md_item(item, links, show_answer=False) for item in view["capping"]]
        lines.append("")
    path = view.get("path") or []
    if path:
        lines += [f"### The path to {md(path[-1]['target']['label'])}", ""]
        for number, step in enumerate(path, start=1):
            lines += [f"#### Step {number}: {md(step['target']['label'])}", "", md(step["summary"])]
            lines += ["", *(_md_item(item, links) for item in step["items"])]
            if step["items"]:
                lines.append("")
    risks = [item for item in view.get("risks", []) if item.get("risk") in ("high", "medium")]
    if risks:
        lines += ["### Open questions at high and medium risk", ""]
        lines += [_md_item(item, links) for item in risks]
        lines.append("")
    if view.get("unreasoned"):
        lines += ["### Not applicable, with no reason given (counted as open)", ""]
        lines += [_md_item(item, links, show_answer=False) for item in view["unreasoned"]]
        lines.append("")
    if view["unanswered"]:
        lines += ["### Still open", ""]
        lines += [_md_item(item, links, show_answer=False) for item in view["unanswered"]]
        lines.append("")
    if view.get("items"):
        lines += _answers_lines(view, links)
    if view.get("kept_aside"):
        lines += _kept_aside_lines(view["kept_aside"])
    return "\n".join(lines)


def _kept_aside_lines(kept: list[View]) -> list[str]:
    # The page keeps answers to questions the checklist no longer asks; without this section
    # a reader would find them only by opening the JSON export.
    lines = ["### Answers kept aside (questions no longer in this checklist)", ""]
    for entry in kept:
        lines.append(f"- {md(entry['id'])}: {md(entry['answer_label'])}")
        if entry.get("owner"):
            lines.append(f"    - Owner: {md(entry['owner'])}")
        if entry.get("note"):
            lines.append(f"    - Note: {md(entry['note'])}")
    lines.append("")
    return lines


def _wrap(text: str, indent: str = "  ", width: int = 88) -> list[str]:
    return textwrap.wrap(clean(text), width=width, initial_indent=indent, subsequent_indent=indent)


def _text_item(item: View, show_answer: bool = True) -> list[str]:
    answer = f"[{clean(item['answer_label'])}] " if show_answer else ""
    critical = " (critical)" if item.get("critical") else ""
    extras = [clean(item["dimension_title"])]
    if item.get("risk"):
        extras.append(f"{clean(item['risk'])} risk")
    extras += _owner(item, clean)
    first = f"- {answer}{clean(item['text'])}{critical} — {', '.join(extras)}"
    return textwrap.wrap(first, width=88, initial_indent="  ", subsequent_indent="    ")


def assessment_text(
    view: View, title: str = "Readiness verdict", source: str = "", gate: str = ""
) -> str:
    """One assessment as plain text for a terminal."""
    verdict = view["verdict"]
    lines = [f"{title}: {clean(verdict['label'])} ({clean(view['score_text'])})"]
    if source:
        lines.append(f"  answers from {clean(source)}")
    identity = view.get("identity") or {}
    for label, key in (("project", "project"), ("assessor", "assessor"), ("on", "assessed")):
        if identity.get(key):
            lines.append(f"  {label}: {clean(identity[key])}")
    lines += _wrap(verdict["meaning"])
    if view.get("cap_text"):
        lines += _wrap(view["cap_text"])
    lines += [
        "",
        f"Weakest dimension: {clean(view['weakest_text'])}",
        f"Answered: {clean(view['answered_text'])}",
        f"Blockers: {clean(view.get('blockers_text', 'none'))}",
        f"Open questions by risk: {clean(_risk_summary(view))}",
        f"Checklist version: {clean(view['checklist_version'])}",
        *([f"Release gate: {clean(gate)}"] if gate else []),
        "",
        "Scores by dimension:",
    ]
    width = max((len(clean(d["title"])) for d in view["dimensions"]), default=0)
    for dim in view["dimensions"]:
        score = dim["score_text"] if dim["score"] is not None else "—"
        lines.append(f"  {clean(dim['title']).ljust(width)}  {score:>4}  {clean(dim['status'])}")
    if view["capping"]:
        lines += ["", "Critical questions answered No:"]
        for item in view["capping"]:
            lines += _text_item(item, show_answer=False)
    for number, step in enumerate(view.get("path") or [], start=1):
        lines += ["", f"Step {number} to {clean(step['target']['label'])}:"]
        lines += _wrap(step["summary"])
        for item in step["items"]:
            lines += _text_item(item)
    if view["gaps"]:
        lines += ["", "Largest gaps:"]
        for item in view["gaps"][:TOP_GAPS]:
            lines += _text_item(item)
    if view["unanswered"]:
        lines += ["", "Still open:"]
        for item in view["unanswered"]:
            lines += _text_item(item, show_answer=False)
    return "\n".join(lines) + "\n"


def _flag(item: View) -> str:
    return item["disagreement_text"] if item["disagreement"] else ""


def team_markdown(view: View, links: bool = False, gate: str = "") -> str:
    """A team's answers side by side, flagged disagreements and the team verdict, as Markdown."""
    team = view["team"]
    people: Sequence[View] = view["people"]
    lines = [
        f"## Team readiness: {md(team['verdict']['label'])}",
        "",
        f"- **Team score:** {md(team['score_text'])} (from the most cautious answer to each "
        "question)",
        f"- **Weakest dimension:** {md(team['weakest_text'])}",
        f"- **People:** {len(people)}",
        f"- **Disagreements:** {md(view['disagreement_summary'])}",
        f"- **Checklist version:** `{clean(view['checklist_version'])}`",
        *([f"- **Release gate:** {md(gate)}"] if gate else []),
        "",
        md(team["verdict"]["meaning"]),
        "",
    ]
    if team.get("cap_text"):
        lines += [f"> {md(team['cap_text'])}", ""]
    own = [
        [md(p["name"]), md(p["verdict"]["label"]), md(p["score_text"]), md(p["answered_text"])]
        for p in people
    ]
    lines += [
        "### Each person's own verdict",
        "",
        *table_lines(["Person", "Verdict", "Score", "Answered"], own),
        "",
        "### Answers side by side",
        "",
    ]
    header = ["Question", *(md(p["name"]) for p in people), "Team", "Disagreement"]
    side_by_side: list[list[str]] = []
    for item in view["items"]:
        question = _link(md(item["text"]), item["question_href"], links)
        if item["critical"]:
            question += " *(critical)*"
        flag = _flag(item)
        cells = [
            question,
            *(md(label) for label in item["answer_labels"]),
            f"**{md(item['team_label'])}**",
            f"**{md(flag)}**" if flag else "",
        ]
        side_by_side.append(cells)
    lines += [*table_lines(header, side_by_side), ""]
    noted = [item for item in view["items"] if any(item["notes"]) or any(item["owners"])]
    if noted:
        lines += ["### Notes and owners", ""]
        for item in noted:
            lines.append(f"- {md(item['text'])}")
            for name, note, owner in zip(
                (p["name"] for p in people), item["notes"], item["owners"], strict=True
            ):
                parts = [f"owner {md(owner)}" if owner else "", md(note) if note else ""]
                said = "; ".join(p for p in parts if p)
                if said:
                    lines.append(f"    - {md(name)}: {said}")
        lines.append("")
    body = assessment_markdown(team, title="Team verdict", links=links)
    # The team verdict's own sections follow, one heading level down from the title.
    lines += body.split("\n")[body.split("\n").index("### Scores by dimension") :]
    return "\n".join(lines).rstrip("\n") + "\n"


def team_text(view: View, gate: str = "") -> str:
    """A team's answers side by side and the team verdict, as plain text for a terminal."""
    team = view["team"]
    people: Sequence[View] = view["people"]
    lines = [
        f"Team verdict: {clean(team['verdict']['label'])} ({clean(team['score_text'])}), "
        "from the most cautious answer to each question",
        *_wrap(team["verdict"]["meaning"]),
    ]
    if team.get("cap_text"):
        lines += _wrap(team["cap_text"])
    if gate:
        lines.append(f"Release gate: {clean(gate)}")
    lines += ["", "Each person's own verdict:"]
    width = max(len(clean(p["name"])) for p in people)
    for person in people:
        lines.append(
            f"  {clean(person['name']).ljust(width)}  {clean(person['verdict']['label'])} "
            f"({clean(person['score_text'])}), {clean(person['answered_text'])}"
        )
    lines += ["", clean(view["disagreement_summary"])]
    flagged = [item for item in view["items"] if item["disagreement"]]
    for item in flagged:
        lines.append("")
        lines += _text_item({**item, "answer_label": item["disagreement_text"]})
        for person, label in zip(people, item["answer_labels"], strict=True):
            lines.append(f"      {clean(person['name']).ljust(width)}  {label}")
        lines.append(f"      {'team'.ljust(width)}  {item['team_label']}")
    body = assessment_text(team, title="Team verdict")
    rest = body.split("\n")
    lines += ["", *rest[rest.index("Scores by dimension:") :]]
    return "\n".join(lines).rstrip("\n") + "\n"
