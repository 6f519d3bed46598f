"""Render a checklist from `data/checklists/` as a form of real, labelled controls.

The output is Markdown holding one `<form markdown="block">` (md_in_html), so the
checklist's title and section headings join the page's table of contents while
every item stays plain HTML. Without JavaScript it reads and prints as a list;
`docs/assets/js/components/checklist.js` finds the form by its data attributes and adds
saving, progress, notes, exports and share links.

Markup contract (other widgets and tests rely on it):

- root: `<form class="p2p-checklist" id="<checklist>" data-p2p-component="checklist"
  data-checklist="<checklist>" data-version="<version>" data-scale="done|readiness"
  data-labels="<JSON of ANSWER_LABELS>" data-note-max data-owner-max data-name-max>`;
- item: `id="<checklist>-<item>"`, `data-item`, `data-weight`, `data-critical`;
- controls: `name="<checklist>-<item>"`; radio values `no`, `partial`, `yes`, `na`;
  checkbox value `done`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from macros.html import esc as _attr
from macros.html import words as _text
from pilot2prod.dataset import Dataset
from pilot2prod.model.checklists import (
    ANSWER_LABELS,
    NOTE_MAX,
    OWNER_MAX,
    Checklist,
    ChecklistItem,
    ChecklistSection,
)
from pilot2prod.readiness.answers import ACTION_MAX, IDENTITY_MAX, PLAN_STATUSES
from pilot2prod.readiness.plan import STATUS_LABELS
from pilot2prod.urls import doc_url, site_root_for

_STATUS = '<span class="p2p-item__status" data-p2p-status aria-hidden="true"></span>'
"""The answer in words, filled by the script; shown only in print, before the item's text."""


def guidance_title(site: Dataset, target: str) -> str:
    """The title of the record a guidance link points at, or a neutral phrase."""
    page, _, anchor = target.partition("#")
    for collection in site.collections.values():
        if collection.page != page:
            continue
        for record in collection.records:
            if record.id == anchor:
                return str(getattr(record, "title", None) or getattr(record, "question", ""))
    return "the related guidance"


_PLAN_WORDS = {"status_labels": STATUS_LABELS}
"""The plan statuses' words; the statuses themselves and every limit come from rules.js."""


class _Renderer:
    """Builds the lines of one checklist's form."""

    def __init__(
        self,
        checklist: Checklist,
        site: Dataset,
        site_root: str,
        directory_urls: bool,
        python: Mapping[str, str],
    ) -> None:
        self.python = python
        self.checklist = checklist
        self.site = site
        self.site_root = site_root
        self.directory_urls = directory_urls

    def _id(self, *parts: str) -> str:
        return "-".join((self.checklist.id, *parts))

    def _guidance(self, item: ChecklistItem) -> str:
        href = doc_url(item.guidance, self.site_root, self.directory_urls)
        title = guidance_title(self.site, item.guidance)
        # The second link is the item's own address, for citing one question in a proposal.
        return (
            f'<p class="p2p-item__guidance"><a class="p2p-item__guide-link" href="{_attr(href)}">'
            f"Guidance: {_text(title)}</a> · "
            f'<a class="p2p-item__permalink" href="#{self._id(item.id)}">Link to this question</a>'
            "</p>"
        )

    def _extra(self, item: ChecklistItem) -> list[str]:
        """Evidence note and owner: hidden until the script can save them."""
        base = self._id(item.id)
        return [
            '<details class="p2p-item__more" hidden data-p2p-only="js">'
            '<summary><span class="p2p-item__more-label">Note and owner</span>'
            '<span class="p2p-item__more-state" data-p2p-more-state></span></summary>',
            '<div class="p2p-item__fields">',
            f'<p class="p2p-field"><label for="{base}--note" data-p2p-note-label>Evidence note'
            f"</label>"
            f'<textarea id="{base}--note" data-field="note" rows="2" maxlength="{NOTE_MAX}" '
            f'spellcheck="true"></textarea></p>',
            f'<p class="p2p-field"><label for="{base}--owner">Owner</label>'
            f'<input type="text" id="{base}--owner" data-field="owner" maxlength="{OWNER_MAX}" '
            f'autocomplete="off"></p>',
            "</div>",
            "</details>",
            *(self._plan(item) if self.checklist.scale == "readiness" else []),
            f'<p class="p2p-item__warning" id="{base}--warning" data-p2p-warning hidden></p>',
            '<p class="p2p-item__print" data-p2p-print aria-hidden="true"></p>',
        ]

    def _plan(self, item: ChecklistItem) -> list[str]:
        """The improvement plan of an open question: action (prefilled with the suggested one,
        which the textarea keeps as its default value for "Reset to suggestion"), owner, due
        date and status; hidden until the script can save them, and for questions answered Yes."""
        base = self._id(item.id)
        options = "".join(
            f'<option value="{_attr(status)}">{_text(STATUS_LABELS[status])}</option>'
            for status in PLAN_STATUSES
        )
        return [
            '<details class="p2p-item__plan" hidden data-p2p-only="js" '
            "data-p2p-plan>"
            '<summary><span class="p2p-item__plan-label">Plan</span>'
            '<span class="p2p-item__plan-state" data-p2p-plan-state></span></summary>',
            '<div class="p2p-plan-fields">',
            f'<p class="p2p-field p2p-plan-fields__action"><label for="{base}--plan-action">'
            f"Action</label>"
            f'<textarea id="{base}--plan-action" data-plan-field="action" rows="2" '
            f'maxlength="{ACTION_MAX}" spellcheck="true">{_text(item.action)}</textarea>'
            f'<button type="button" class="p2p-button p2p-button--small" '
            f'data-action="plan-reset" disabled>'
            "Reset to suggestion</button></p>",
            f'<p class="p2p-field"><label for="{base}--plan-owner">Action owner</label>'
            f'<input type="text" id="{base}--plan-owner" data-plan-field="owner" '
            f'maxlength="{OWNER_MAX}" autocomplete="off"></p>',
            f'<p class="p2p-field"><label for="{base}--plan-due">Due date</label>'
            f'<input type="date" id="{base}--plan-due" data-plan-field="due"></p>',
            f'<p class="p2p-field"><label for="{base}--plan-status">Status</label>'
            f'<select id="{base}--plan-status" data-plan-field="status">{options}</select></p>',
            "</div>",
            "</details>",
        ]

    def _radio_item(self, item: ChecklistItem) -> list[str]:
        base = self._id(item.id)
        critical = (
            ' <span class="p2p-item__critical" title="A No here caps the verdict">critical</span>'
            if item.critical
            else ""
        )
        choices = []
        for value in self.checklist.answer_values:
            control = f"{base}--{value}"
            choices.append(
                f'<span class="p2p-choice p2p-choice--{value}">'
                f'<input type="radio" id="{control}" name="{base}" value="{value}">'
                f'<label for="{control}">{_text(ANSWER_LABELS[value])}</label></span>'
            )
        return [
            f'<fieldset class="p2p-item__body" aria-describedby="{base}--why">',
            f'<legend class="p2p-item__text">{_STATUS}'
            f'<span class="p2p-item__label">{_text(item.text)}</span>{critical}</legend>',
            # The answer right under the question, the reason after it: on a phone the first
            # answer is in reach without scrolling past every explanation.
            f'<div class="p2p-choices">{"".join(choices)}</div>',
            f'<p class="p2p-item__why" id="{base}--why">{_text(item.why)}</p>',
            self._guidance(item),
            *self._extra(item),
            "</fieldset>",
        ]

    def _checkbox_item(self, item: ChecklistItem) -> list[str]:
        base = self._id(item.id)
        return [
            '<div class="p2p-item__body">',
            '<p class="p2p-item__row">'
            f'<input type="checkbox" id="{base}--done" name="{base}" value="done" '
            f'aria-describedby="{base}--why">'
            f'<label class="p2p-item__text" for="{base}--done">'
            f'{_STATUS}<span class="p2p-item__label">{_text(item.text)}</span></label></p>',
            f'<p class="p2p-item__why" id="{base}--why">{_text(item.why)}</p>',
            self._guidance(item),
            *self._extra(item),
            "</div>",
        ]

    def item(self, item: ChecklistItem) -> list[str]:
        """One item: `<li>` with its anchor, weight and critical flag."""
        weight = f"{item.weight:g}"
        body = (
            self._radio_item(item)
            if self.checklist.scale == "readiness"
            else self._checkbox_item(item)
        )
        return [
            f'<li class="p2p-item" id="{self._id(item.id)}" data-item="{_attr(item.id)}" '
            f'data-weight="{weight}" data-critical="{str(item.critical).lower()}">',
            *body,
            "</li>",
        ]

    def section(self, section: ChecklistSection, level: int) -> list[str]:
        """A section heading (in the table of contents) and its items."""
        lines = [
            "",
            f"{'#' * level} {_text(section.title)} {{#{self._id(section.id)}}}",
            "",
            f'<div class="p2p-section" data-section="{_attr(section.id)}" '
            f'data-title="{_attr(section.title)}">',
        ]
        if section.intro:
            lines.append(f'<p class="p2p-section__intro">{_text(section.intro)}</p>')
        lines.append('<ol class="p2p-items">')
        for item in section.items:
            lines.extend(self.item(item))
        lines += ["</ol>", "</div>"]
        return lines

    def identity(self) -> list[str]:
        """Project, assessor and date of a scored assessment: saved, shared and exported with
        the answers, and named in the verdict (hidden until the script can save them)."""
        base = self._id("")  # "<checklist>-": the double dash keeps these apart from item ids
        fields = [
            ("project", "Project name", "text"),
            ("assessor", "Assessor", "text"),
            ("assessed", "Assessment date", "date"),
        ]
        limit = f' maxlength="{IDENTITY_MAX}" autocomplete="off"'
        inputs = "".join(
            f'<p class="p2p-field"><label for="{base}-{key}">{_text(label)}</label>'
            f'<input type="{kind}" id="{base}-{key}" data-identity="{key}"'
            f"{limit if kind == 'text' else ''}></p>"
            for key, label, kind in fields
        )
        return [
            '<fieldset class="p2p-identity" hidden data-p2p-only="js">'
            "<legend>About this assessment</legend>"
            f'<div class="p2p-identity__fields">{inputs}</div></fieldset>'
        ]

    def form(self, level: int) -> list[str]:
        """The whole checklist: root form, title, intro, sections."""
        checklist = self.checklist
        lines = [
            f'<form class="p2p-checklist" id="{_attr(checklist.id)}" '
            # No restored old states: whatever a control shows before the script runs is the
            # reader's own doing, and the script keeps it (earlyEdits in checklist.js).
            'autocomplete="off" '
            'data-p2p-component="checklist" '
            f'data-checklist="{_attr(checklist.id)}" data-version="{_attr(checklist.version)}" '
            f'data-scale="{_attr(checklist.scale)}" data-title="{_attr(checklist.title)}" '
            # The script reads its answer labels here; its limits come from rules.js.
            f'data-labels="{_attr(json.dumps(ANSWER_LABELS, sort_keys=True))}" '
            + (
                f'data-plan="{_attr(json.dumps(_PLAN_WORDS))}" '
                if checklist.scale == "readiness"
                else ""
            )
            # Where Python is, for reading an imported file or a share link and for exports.
            + "".join(f'{name}="{_attr(value)}" ' for name, value in self.python.items())
            + f'aria-labelledby="{self._id("title")}" markdown="block">',
            "",
            f"{'#' * level} {_text(checklist.title)} {{#{self._id('title')}}}",
            "",
            f'<p class="p2p-checklist__intro">{_text(checklist.intro)}</p>',
            '<p class="p2p-checklist__nojs" data-p2p-only="nojs">Your answers here are not saved: '
            "this page needs JavaScript to keep them. You can still print the list and fill "
            "it in by hand.</p>",
        ]
        for section in checklist.sections:
            lines.extend(self.section(section, min(level + 1, 6)))
        # Who and when, and the version, after the questions: the reader answers first, and
        # the version matters to the report (which prints it), not to someone answering.
        if checklist.scale == "readiness":
            lines.extend(["", *self.identity()])
        lines += [
            f'<p class="p2p-checklist__meta">Checklist version <code>{_text(checklist.version)}'
            f"</code> · {len(checklist.items)} items</p>",
            "",
            "</form>",
            "",
        ]
        return lines


def render_checklist(
    checklist: Checklist,
    site: Dataset,
    page: str,
    use_directory_urls: bool = True,
    *,
    level: int = 2,
    python: Mapping[str, str] | None = None,
) -> str:
    """The checklist as Markdown with HTML, for the page `page` (a docs-relative path);
    `python` is the runtime's data-* attributes (sitebuild/runtime.py), which the form carries."""
    if page != checklist.page:
        raise ValueError(
            f"data/checklists/{checklist.id}.yml: page: the checklist belongs on "
            f"{checklist.page}, but {page} asked for it"
        )
    if not 1 <= level <= 5:
        raise ValueError(f"checklist heading level must be 1 to 5, not {level}")
    renderer = _Renderer(
        checklist, site, site_root_for(page, use_directory_urls), use_directory_urls, python or {}
    )
    return "\n".join(renderer.form(level))
