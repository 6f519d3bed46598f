"""Render guidance records as Markdown, so headings join the page's table of contents."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from macros.html import esc
from macros.html import words as _text
from pilot2prod.model.records import (
    Collection,
    Dimension,
    Example,
    FaqEntry,
    Link,
    Record,
    Source,
    Topic,
    sign_anchor,
)
from pilot2prod.text import markdown_table
from pilot2prod.urls import markdown_link


def _heading(level: int, title: str, anchor: str) -> str:
    return f"{'#' * level} {_text(title)} {{#{anchor}}}"


def _see_also(links: Sequence[Link], page: str) -> list[str]:
    if not links:
        return []
    items = ", ".join(f"[{_text(link.text)}]({markdown_link(page, link.to)})" for link in links)
    return [f"**See also:** {items}", ""]


def _bullets(title: str, points: Sequence[str]) -> list[str]:
    if not points:
        return []
    return [f"**{title}**", "", *(f"- {point}" for point in points), ""]


def _signs(record: Topic) -> list[str]:
    """Warning signs as a list whose every bullet has its own anchor, for proposals to cite."""
    if not record.signs:
        return []
    items = []
    for sign in record.signs:
        anchor = esc(sign_anchor(record, sign))
        items.append(
            f'<li id="{anchor}">{_text(sign.text)} '
            f'<a class="headerlink p2p-sign-link" href="#{anchor}" '
            'title="Link to this sign" aria-label="Link to this sign">&para;</a></li>'
        )
    return ["**Signs to look for**", "", f'<ul class="p2p-signs">{"".join(items)}</ul>', ""]


def render_topic(record: Topic, page: str, level: int) -> list[str]:
    """A reason, change or practice: heading, summary, body, signs, links."""
    return [
        _heading(level, record.title, record.id),
        "",
        f'<p class="p2p-summary">{_text(record.summary)}</p>',
        "",
        record.body,
        "",
        *_signs(record),
        *_see_also(record.see_also, page),
    ]


def render_example(record: Example, page: str, level: int) -> list[str]:
    """A worked example: pilot and production side by side in a table."""
    rows = [[c.aspect, c.pilot, c.production] for c in record.contrasts]
    return [
        _heading(level, record.title, record.id),
        "",
        f'<p class="p2p-summary">{_text(record.summary)}</p>',
        "",
        *markdown_table(["Aspect", "In the pilot", "In production"], rows),
        "",
        f"**What it teaches:** {record.lesson}",
        "",
        *_see_also(record.see_also, page),
    ]


def render_faq(record: FaqEntry, page: str, level: int) -> list[str]:
    """A question as a heading (so it can be linked) and its answer."""
    return [
        _heading(level, record.question, record.id),
        "",
        record.answer,
        "",
        *_see_also(record.see_also, page),
    ]


def render_dimension(record: Dimension, page: str, level: int) -> list[str]:
    """A readiness dimension: the question, why it matters, what to probe."""
    return [
        _heading(level, record.title, record.id),
        "",
        f'<p class="p2p-question">{_text(record.question)}</p>',
        "",
        record.body,
        "",
        *_bullets("What to probe", record.probes),
        *_see_also(record.see_also, page),
    ]


def render_source(record: Source, page: str, level: int) -> list[str]:
    """A cited work as one entry of a reading list, with its own anchor; the link leaves the
    site only when the reader follows it."""
    return [
        f'<p class="p2p-source" id="{esc(record.id)}"><a href="{esc(record.url)}">'
        f"{esc(record.title)}</a>, {esc(record.by)} ({record.year}). {esc(record.why)}</p>",
        "",
    ]


_RENDERERS: dict[type, Callable[..., list[str]]] = {
    Topic: render_topic,
    Example: render_example,
    FaqEntry: render_faq,
    Dimension: render_dimension,
    Source: render_source,
}


def render_record(record: Record, page: str, level: int = 2) -> str:
    """One record as Markdown."""
    return "\n".join(_RENDERERS[type(record)](record, page, level)).strip() + "\n"


def render_collection(collection: Collection, page: str, level: int = 2) -> str:
    """A whole collection as Markdown, in the order the data file lists it."""
    if page != collection.page:
        raise ValueError(
            f"{collection.source}: page: records of '{collection.name}' belong on "
            f"{collection.page}, but {page} asked for them"
        )
    return "\n".join(render_record(record, page, level) for record in collection.records)


def render_index(collection: Collection, page: str) -> str:
    """A bullet list linking to every record of a collection, with its summary."""
    lines = []
    for record in collection.records:
        title = getattr(record, "title", None) or getattr(record, "question", record.id)
        target = markdown_link(page, f"{collection.page}#{record.id}")
        lines.append(f"- [{_text(title)}]({target})")
    return "\n".join(lines) + "\n"
