"""Render the readiness result as HTML: live on the assessment page, static on the method page.

The markup is produced from the view that `pilot2prod.browser_api` returns, by
calling that very function at build time, so a reader without JavaScript sees
the result the browser would compute. `docs/assets/js/readiness-widget.js`
rebuilds the same parts from the same view when answers change; keep the two
in step (class names and `data-role` values are the contract).
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from typing import Any

from pilot2prod import browser_api, bundle, sharelink
from pilot2prod.checklists import Checklist
from pilot2prod.example_answers import ExampleAnswers
from pilot2prod.loader import SiteData
from pilot2prod.scoring import ANSWER_SCORES, Rubric
from pilot2prod.urls import doc_url, site_root_for

CHART_ROW = 46
"""Height in SVG units of one dimension's row: its name above, its bar below."""

CHART_BAR = 400
"""Width in SVG units of a full (100%) bar."""

CHART_WIDTH = 460


FULL_LOAD = 'target="_self"'
"""On share links: Material's instant navigation leaves links with a target alone, so the
assessment loads in full and reads its `#p2p=` fragment (instant navigation drops it)."""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def score_view(
    files: Mapping[str, object],
    payload: Mapping[str, Any],
) -> dict[str, Any]:
    """Call `readiness.score` through the browser's own entry point, with the build's data."""
    bundle.use(files)
    try:
        out = json.loads(browser_api.call("readiness.score", json.dumps(payload)))
    finally:
        bundle.use(None)
    if "error" in out:
        raise ValueError(f"readiness.score failed at build time: {out['error']}")
    return dict(out)


def _chart(view: Mapping[str, Any], rubric: Rubric, key: str) -> str:
    dims: Sequence[Mapping[str, Any]] = view["dimensions"]
    height = CHART_ROW * len(dims) + 16
    caption_id = f"{key}-chart-text"
    parts = [
        '<figure class="p2p-readiness__chart" data-role="chart">',
        f'<svg viewBox="0 0 {CHART_WIDTH} {height}" role="img" aria-labelledby="{caption_id}" '
        'focusable="false">',
    ]
    for index, dim in enumerate(dims):
        y = index * CHART_ROW
        pct = dim["percent"]
        width = 0.0 if pct is None else CHART_BAR * pct / 100
        value = dim["score_text"] if pct is not None else "no score"
        weakest = view["weakest"] is not None and view["weakest"]["id"] == dim["id"]
        css = "p2p-chart__bar p2p-chart__bar--weakest" if weakest else "p2p-chart__bar"
        parts.append(
            f'<text class="p2p-chart__label" x="0" y="{y + 14}">{_e(dim["title"])}</text>'
            f'<rect class="p2p-chart__track" x="0" y="{y + 20}" width="{CHART_BAR}" '
            f'height="18" rx="3"></rect>'
            f'<rect class="{css}" x="0" y="{y + 20}" width="{width:.1f}" '
            f'height="18" rx="3"></rect>'
            f'<text class="p2p-chart__value" x="{CHART_BAR + 8}" y="{y + 34}">'
            f"{_e(value)}</text>"
        )
    for band in rubric.bands[1:]:
        x = band.min_score * CHART_BAR
        parts.append(
            f'<line class="p2p-chart__threshold" x1="{x:.1f}" x2="{x:.1f}" y1="18" '
            f'y2="{height - 14}"></line>'
            f'<text class="p2p-chart__tick" x="{x:.1f}" y="{height - 2}" text-anchor="middle">'
            f"{_e(band.label)}</text>"
        )
    parts.append("</svg>")
    parts.append(
        f'<figcaption id="{caption_id}" data-role="chart-text">{_e(view["chart_summary"])}'
        "</figcaption></figure>"
    )
    return "".join(parts)


def _item_line(item: Mapping[str, Any], show_answer: bool = True) -> str:
    where = f"{_e(item['dimension_title'])}; now {_e(item['answer_label'])}"
    answer = f' <span class="p2p-readiness__answer">({where})</span>' if show_answer else ""
    return (
        f'<li><a href="{_e(item["question_href"])}">{_e(item["text"])}</a>{answer} '
        f'<a class="p2p-readiness__guidance" href="{_e(item["guidance_href"])}">Guidance</a></li>'
    )


def _list_block(
    role: str, title: str, intro: str, items: Sequence[Mapping[str, Any]], level: int, ordered: bool
) -> str:
    tag = "ol" if ordered else "ul"
    hidden = "" if items else " hidden"
    return (
        f'<div class="p2p-readiness__block" data-role="{role}"{hidden}>'
        f"<h{level}>{_e(title)}</h{level}>"
        f'<p data-role="{role}-intro">{_e(intro)}</p>'
        f'<{tag} data-role="{role}-list">{"".join(_item_line(i) for i in items)}</{tag}></div>'
    )


def render_result(
    view: Mapping[str, Any], rubric: Rubric, *, key: str, live: bool, level: int = 3
) -> str:
    """The result as one HTML block (no blank lines, so Markdown leaves it alone)."""
    verdict = view["verdict"]
    figures = [
        ("verdict", "Verdict", verdict["label"]),
        ("score", "Score", view["score_text"]),
        ("weakest", "Weakest dimension", view["weakest_text"]),
    ]
    if live:
        cells = "".join(
            f'<div><dt>{_e(label)}</dt><dd><output name="{name}">{_e(value)}</output></dd></div>'
            for name, label, value in figures
        )
        summary_open = '<div class="p2p-readiness__summary" data-role="summary" aria-live="polite">'
    else:
        cells = "".join(
            f'<div><dt>{_e(label)}</dt><dd data-field="{name}">{_e(value)}</dd></div>'
            for name, label, value in figures
        )
        summary_open = '<div class="p2p-readiness__summary" data-role="summary">'
    what_if = view["what_if"]
    cap_hidden = "" if view["cap_text"] else " hidden"
    problems = view["problems"]
    parts = [
        summary_open,
        f'<dl class="p2p-readiness__figures" data-band="{_e(verdict["id"])}">{cells}</dl>',
        f'<p class="p2p-readiness__meaning" data-role="meaning">{_e(verdict["meaning"])}</p>',
        f'<p class="p2p-readiness__answered" data-role="answered">{_e(view["answered_text"])}</p>',
        f'<p class="p2p-readiness__cap" data-role="cap"{cap_hidden}>{_e(view["cap_text"])}</p>',
        "</div>",
        _chart(view, rubric, key),
        _list_block(
            "capping",
            "Critical questions answered No",
            f"While any of these stays No, the verdict cannot reach {rubric.bands[-1].label}.",
            view["capping"],
            level,
            ordered=False,
        ),
        _list_block(
            "what-if",
            "What would lift the verdict",
            what_if["summary"] if what_if else "",
            what_if["items"] if what_if else [],
            level,
            ordered=True,
        ),
        f'<div class="p2p-readiness__block" data-role="problems"{"" if problems else " hidden"}>'
        f"<h{level}>Answers that could not be used</h{level}>"
        f'<ul data-role="problems-list">{"".join(f"<li>{_e(p)}</li>" for p in problems)}</ul>'
        "</div>",
    ]
    return "".join(parts)


def readiness_widget_html(
    view: Mapping[str, Any],
    rubric: Rubric,
    checklist: Checklist,
    runtime_attributes: Mapping[str, str],
    page_src: str,
    directory_urls: bool,
) -> str:
    """The live widget: pre-rendered result plus what the script needs, as data-* attributes."""
    attrs = {
        "data-p2p-readiness": "",
        "data-checklist": checklist.id,
        "data-site-root": site_root_for(page_src, directory_urls),
        "data-directory-urls": "true" if directory_urls else "false",
        **runtime_attributes,
    }
    attr_text = " ".join(
        f'{name}="{_e(value)}"' if value else name for name, value in attrs.items()
    )
    scripts = f"{site_root_for(page_src, directory_urls)}assets/js/"
    return (
        f'<section class="p2p-readiness" {attr_text} aria-labelledby="readiness-result-title">'
        # Fetched while the page parses, so booting Python can start the moment the widget runs.
        # Inside the section: Markdown wraps a block that starts with <link> in a <p>, and the
        # section inside that <p> is invalid HTML.
        f'<link rel="modulepreload" href="{_e(scripts)}pyodide-client.js">'
        '<h2 id="readiness-result-title">Your readiness verdict</h2>'
        '<p class="p2p-readiness__status" data-role="status" role="status">'
        "This is the result for no answers yet. With JavaScript on, the score follows your "
        "answers as you give them, computed in your browser.</p>"
        + render_result(view, rubric, key="readiness-live", live=True)
        + "</section>"
        # An async module runs as soon as it arrives, before Material's bundle: see python-boot.js.
        + f'<script type="module" async src="{_e(scripts)}python-boot.js"></script>'
    )


def example_link(
    entry: ExampleAnswers, checklist: Checklist, page_src: str, directory_urls: bool
) -> str:
    """The assessment page's URL, from `page_src`, pre-filled with an example's answers."""
    base = doc_url(checklist.page, site_root_for(page_src, directory_urls), directory_urls)
    return f"{base}#{sharelink.FRAGMENT_KEY}{sharelink.encode(entry.document(checklist))}"


def _arithmetic(entry: ExampleAnswers, checklist: Checklist) -> str:
    """Each dimension's weighted mean written out, so a reader can redo the sum."""
    rows = []
    for section in checklist.sections:
        terms = []
        weights = []
        for item in section.items:
            answer = entry.answers.get(item.id)
            if answer not in ANSWER_SCORES:
                continue
            terms.append(f"{item.weight:g} &times; {ANSWER_SCORES[answer]:g}")
            weights.append(item.weight)
        total = sum(
            item.weight * ANSWER_SCORES[entry.answers[item.id]]
            for item in section.items
            if entry.answers.get(item.id) in ANSWER_SCORES
        )
        if not weights:
            rows.append(f"<li>{_e(section.title)}: nothing counted</li>")
            continue
        rows.append(
            f"<li>{_e(section.title)}: ({' + '.join(terms)}) ÷ {sum(weights):g} = "
            f"{total:g} ÷ {sum(weights):g} = {total / sum(weights):.3f}</li>"
        )
    return f'<ul class="p2p-readiness__sums">{"".join(rows)}</ul>'


def readiness_examples_html(
    data: SiteData,
    files: Mapping[str, object],
    page_src: str,
    directory_urls: bool,
    level: int = 3,
) -> str:
    """Each worked example's answers scored at build time, with its sums and an 'open' link."""
    examples = data.extra["example_assessments"]
    rubric: Rubric = data.extra["readiness"]
    checklist = data.checklists[examples.checklist]
    root = site_root_for(page_src, directory_urls)
    blocks = []
    for entry in examples.examples:
        view = score_view(
            files,
            {"answers": dict(entry.answers), "site_root": root, "directory_urls": directory_urls},
        )
        record = data.collections["examples"].get(entry.example)
        open_href = example_link(entry, checklist, page_src, directory_urls)
        example_href = doc_url(
            f"{data.collections['examples'].page}#{record.id}", root, directory_urls
        )
        blocks.append(
            f'<section class="p2p-readiness p2p-readiness--example" '
            f'aria-labelledby="scored-{_e(entry.example)}">'
            f'<h{level} id="scored-{_e(entry.example)}">{_e(entry.title)}</h{level}>'
            f"<p>{_e(entry.summary)} "
            f'<a href="{_e(example_href)}">Read the example</a>.</p>'
            + render_result(
                view, rubric, key=f"scored-{entry.example}", live=False, level=level + 1
            )
            + "<details><summary>The sums behind these numbers</summary>"
            + _arithmetic(entry, checklist)
            + "</details>"
            + f'<p><a class="md-button" href="{_e(open_href)}" {FULL_LOAD}>'
            "Open this example in the assessment</a></p></section>"
        )
    return "\n\n".join(blocks)


def example_links_html(
    data: SiteData, files: Mapping[str, object], page_src: str, directory_urls: bool
) -> str:
    """A list linking each worked example to the assessment, pre-filled with its answers."""
    examples = data.extra["example_assessments"]
    checklist = data.checklists[examples.checklist]
    items = []
    for entry in examples.examples:
        view = score_view(files, {"answers": dict(entry.answers)})
        items.append(
            f'<li><a href="{_e(example_link(entry, checklist, page_src, directory_urls))}" '
            f"{FULL_LOAD}>"
            f"{_e(entry.title)}</a>: {_e(view['verdict']['label'])}, "
            f"{_e(view['score_text'])}</li>"
        )
    return f'<ul class="p2p-example-links">{"".join(items)}</ul>'


def bands_table(rubric: Rubric) -> str:
    """The verdict bands as a Markdown table: from which score, and what each means."""
    rows = []
    bands = rubric.bands
    for index, band in enumerate(bands):
        upper = f"below {bands[index + 1].min_score:.0%}" if index + 1 < len(bands) else "and above"
        rows.append(
            f"| {_e(band.label)} | {band.min_score:.0%} {upper} | "
            f"{_e(band.meaning).replace('|', '&#124;')} |"
        )
    return "\n".join(["| Verdict | Score | What it means |", "| --- | --- | --- |", *rows]) + "\n"
