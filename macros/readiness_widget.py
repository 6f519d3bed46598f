"""Render the readiness result as HTML: live on the assessment page, static on the method page.

The markup is produced from the view that `pilot2prod.api` returns, by
calling that very function at build time, so a reader without JavaScript sees
the result the browser would compute. `docs/assets/js/components/readiness.js`
rebuilds the same parts from the same view when answers change; keep the two
in step (class names and `data-role` values are the contract).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mkdocs.exceptions import PluginError

from macros.html import esc as _e
from macros.prerender import prerender
from macros.render_calculators import estimate_link_html
from pilot2prod import sharelink
from pilot2prod.calculators.documents import worked_key
from pilot2prod.charts import to_svg
from pilot2prod.dataset import Dataset
from pilot2prod.model.checklists import Checklist
from pilot2prod.readiness.answers import blank_document, read_answers
from pilot2prod.readiness.examples import ExampleAnswers
from pilot2prod.readiness.presentation.views import rule_text
from pilot2prod.readiness.rubric import Band, Rubric
from pilot2prod.readiness.scoring import assess
from pilot2prod.text import format_number
from pilot2prod.urls import doc_url, site_root_for
from sitebuild.runtime import PYTHON_HEAD_KEY, PythonRuntime

FULL_LOAD = 'target="_self"'
"""On share links: Material's instant navigation leaves links with a target alone, so the
assessment loads in full and reads its `#p2p=` fragment (instant navigation drops it)."""


def _chart(view: Mapping[str, Any], key: str) -> str:
    # The chart's geometry comes from the view (readiness.presentation.chart), so the page and
    # the browser's redraw (lib/chart.js) cannot disagree.
    return (
        '<figure class="p2p-readiness__chart" data-role="chart">'
        # Two layouts of one chart; the stylesheet shows the narrow one on a phone.
        + to_svg(view["chart"], css_class="p2p-readiness__svg p2p-chart-wide")
        + to_svg(view["chart_narrow"], css_class="p2p-readiness__svg p2p-chart-narrow")
        + f'<figcaption id="{key}-chart-text" data-role="chart-text">'
        f"{_e(view['chart_summary'])}</figcaption></figure>"
    )


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


def _step_items(step: Mapping[str, Any], first: bool) -> str:
    """A step's questions: the next step's in view, later ones folded so the path stays short."""
    if not step["items"]:
        return ""
    items = f"<ol>{''.join(_item_line(i) for i in step['items'])}</ol>"
    if first:
        return items
    return f"<details><summary>{_e(step['items_label'])}</summary>{items}</details>"


def _path_block(view: Mapping[str, Any], level: int) -> str:
    """Every step to the top band, each with the questions whose Yes would take it."""
    steps = "".join(
        f'<li><p class="p2p-readiness__step"><strong>{_e(step["title"])}.</strong> '
        f"{_e(step['summary'])}</p>{_step_items(step, first=index == 0)}</li>"
        for index, step in enumerate(view.get("path", []))
    )
    return (
        f'<div class="p2p-readiness__block" data-role="path">'
        f'<h{level} data-role="path-title">{_e(view["path_title"])}</h{level}>'
        f'<p data-role="path-intro">{_e(view["path_intro"])}</p>'
        f'<ol class="p2p-readiness__path" data-role="path-list">{steps}</ol></div>'
    )


def _action_line(entry: Mapping[str, Any]) -> str:
    # The action links to its question, so no word of the page's own is needed for the link.
    return (
        f'<li><a href="{_e(entry["question_href"])}">{_e(entry["action"])}</a> '
        f'<span class="p2p-readiness__answer">({_e(entry["details"])})</span></li>'
    )


def _actions_block(view: Mapping[str, Any], level: int) -> str:
    """The plan's first actions not done, with owner, due date and status."""
    actions = view.get("next_actions") or {"title": "Next actions", "items": [], "empty": ""}
    return (
        '<div class="p2p-readiness__block" data-role="actions">'
        f'<h{level} data-role="actions-title">{_e(actions["title"])}</h{level}>'
        f'<p data-role="actions-empty"{"" if actions["empty"] else " hidden"}>'
        f"{_e(actions['empty'])}</p>"
        f'<ol data-role="actions-list">{"".join(_action_line(a) for a in actions["items"])}</ol>'
        "</div>"
    )


def _takes_block(view: Mapping[str, Any], estimate_link: str) -> str:
    """What the work will take (from the calculators' kept results) and the way to estimate it:
    the next step, beside the verdict."""
    takes = view.get("takes") or {
        "title": "What it will take",
        "lines": [],
        "as_of": "",
        "note": "",
    }
    lines = "".join(
        f"<div><dt>{_e(line['label'])}</dt><dd>{_e(line['text'])}</dd></div>"
        for line in takes["lines"]
    )
    return (
        '<div class="p2p-readiness__takes" data-role="takes" aria-live="polite">'
        f'<p class="p2p-readiness__takes-title"><strong>{_e(takes["title"])}</strong></p>'
        f'<dl class="p2p-readiness__figures p2p-readiness__takes-figures" data-role="takes-list"'
        f"{'' if lines else ' hidden'}>{lines}</dl>"
        f'<p data-role="takes-as-of"{"" if takes["as_of"] else " hidden"}>{_e(takes["as_of"])}</p>'
        f'<p data-role="takes-note"{"" if takes["note"] else " hidden"}>{_e(takes["note"])}</p>'
        f"{estimate_link}</div>"
    )


def render_result(
    view: Mapping[str, Any],
    rubric: Rubric,
    *,
    key: str,
    live: bool,
    level: int = 3,
    estimate_link: str = "",
) -> str:
    """The result as one HTML block (no blank lines, so Markdown leaves it alone); live, with
    what the work will take and the way into the estimator (`estimate_link`) beside the verdict,
    and the plan's next actions."""
    verdict = view["verdict"]
    figures = [
        ("verdict", "Verdict", view.get("verdict_text", verdict["label"])),
        ("score", "Score", view.get("score_explained", view["score_text"])),
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
    provisional_hidden = "" if view.get("provisional_text") else " hidden"
    cap_hidden = "" if view["cap_text"] else " hidden"
    problems = view["problems"]
    next_step = _takes_block(view, estimate_link) if live else ""
    parts = [
        summary_open,
        f'<dl class="p2p-readiness__figures" data-band="{_e(verdict["id"])}">{cells}</dl>',
        f'<p class="p2p-readiness__meaning" data-role="meaning">{_e(verdict["meaning"])}</p>',
        f'<p class="p2p-readiness__answered" data-role="answered">{_e(view["answered_text"])}</p>',
        f'<p class="p2p-readiness__cap" data-role="cap"{cap_hidden}>{_e(view["cap_text"])}</p>',
        f'<p class="p2p-readiness__provisional" data-role="provisional"{provisional_hidden}>'
        f"{_e(view.get('provisional_text', ''))}</p>",
        "</div>",
        next_step,
        _chart(view, key),
        _list_block(
            "capping",
            "Critical questions answered No",
            f"While any of these stays No, the verdict cannot reach {rubric.bands[-1].label}.",
            view["capping"],
            level,
            ordered=False,
        ),
        _path_block(view, level),
        _actions_block(view, level) if live else "",
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
        "data-p2p-component": "readiness",
        "data-checklist": checklist.id,
        # Where the calculators keep their last results: the verdict says what the work takes.
        "data-worked-effort": worked_key("effort"),
        "data-worked-cost": worked_key("cost"),
        "data-site-root": site_root_for(page_src, directory_urls),
        "data-directory-urls": "true" if directory_urls else "false",
        **runtime_attributes,
    }
    attr_text = " ".join(
        f'{name}="{_e(value)}"' if value else name for name, value in attrs.items()
    )
    return (
        # A Markdown heading, so the verdict has its entry in the page's table of contents (the
        # live summary above the questions links to it); the section is labelled by it.
        "## Your readiness verdict {#readiness-result-title}\n\n"
        f'<section class="p2p-readiness" {attr_text} aria-labelledby="readiness-result-title">'
        '<p class="p2p-readiness__status" data-role="status" role="status">'
        "This is the result for no answers yet. With JavaScript on, the score follows your "
        "answers as you give them, computed in your browser.</p>"
        + render_result(
            view,
            rubric,
            key="readiness-live",
            live=True,
            estimate_link=estimate_link_html(page_src, directory_urls),
        )
        + "</section>"
    )


def example_link(
    entry: ExampleAnswers, checklist: Checklist, page_src: str, directory_urls: bool
) -> str:
    """The assessment page's URL, from `page_src`, pre-filled with an example's answers."""
    base = doc_url(checklist.page, site_root_for(page_src, directory_urls), directory_urls)
    return f"{base}#{sharelink.FRAGMENT_KEY}{sharelink.encode(entry.document(checklist))}"


def _arithmetic(data: Dataset, entry: ExampleAnswers) -> str:
    """Each dimension's weighted mean written out from the scorer's own terms."""
    checklist = data.scored_checklist
    found = assess(checklist, data.rubric, read_answers(dict(entry.answers), checklist))
    rows = []
    for dim in found.dimensions:
        if not dim.terms or dim.score is None:
            rows.append(f"<li>{_e(dim.title)}: nothing counted</li>")
            continue
        terms = " + ".join(f"{t.weight:g} &times; {t.value:g}" for t in dim.terms)
        total, weight = format_number(dim.weighted_sum, 3), format_number(dim.weight_total, 3)
        rows.append(
            f"<li>{_e(dim.title)}: ({terms}) ÷ {weight} = {total} ÷ {weight} = {dim.score:.3f}</li>"
        )
    return f'<ul class="p2p-readiness__sums">{"".join(rows)}</ul>'


def readiness_examples_html(
    data: Dataset, page_src: str, directory_urls: bool, level: int = 3
) -> str:
    """Each worked example's answers scored at build time, with its sums and an 'open' link."""
    rubric = data.rubric
    checklist = data.scored_checklist
    examples = data.collection("examples")
    root = site_root_for(page_src, directory_urls)
    blocks = []
    for entry in data.example_assessments.examples:
        payload = {"document": entry.document(checklist), "site_root": root}
        view = prerender(data, "readiness.score", payload | {"directory_urls": directory_urls})
        open_href = example_link(entry, checklist, page_src, directory_urls)
        example_href = doc_url(f"{examples.page}#{entry.example}", root, directory_urls)
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
            + _arithmetic(data, entry)
            + "</details>"
            + f'<p><a class="md-button" href="{_e(open_href)}" {FULL_LOAD}>'
            "Open this example in the assessment</a></p></section>"
        )
    return "\n\n".join(blocks)


def example_links_html(data: Dataset, page_src: str, directory_urls: bool) -> str:
    """A list linking each worked example to the assessment, pre-filled with its answers."""
    checklist = data.scored_checklist
    items = []
    for entry in data.example_assessments.examples:
        view = prerender(data, "readiness.score", {"document": entry.document(checklist)})
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


def define(env: Any, data: Dataset, runtime: PythonRuntime, page: Callable[[], str]) -> None:
    """Register the readiness macros: the live widget, the bands, the scored examples."""
    directory_urls = bool(env.conf["use_directory_urls"])

    @env.macro
    def readiness_widget() -> str:
        """The live readiness verdict for the checklist on the same page (pre-rendered empty)."""
        src = page()
        root = site_root_for(src, directory_urls)
        payload = {
            "document": blank_document(data.scored_checklist),
            "site_root": root,
            "directory_urls": directory_urls,
        }
        view = prerender(data, "readiness.view", payload)
        env.page.meta[PYTHON_HEAD_KEY] = runtime.head_html(src)
        return readiness_widget_html(
            view, data.rubric, data.scored_checklist, runtime.attributes(src), src, directory_urls
        )

    @env.macro
    def readiness_rule() -> str:
        """The rule that holds a verdict below its score, worded from data/readiness.yml."""
        return rule_text(data.rubric)

    @env.macro
    def readiness_bands() -> str:
        """The verdict bands from data/readiness.yml as a table."""
        return bands_table(data.rubric)

    @env.macro
    def band(position: int) -> Band:
        """The verdict band at `position` (0 the lowest, -1 the top), so prose and examples name
        bands from the data: `{{ band(-2).id }}`, `{{ band(-2).label }}`."""
        try:
            return data.rubric.bands[position]
        except IndexError:
            raise PluginError(
                f"band({position}): there are {len(data.rubric.bands)} bands"
            ) from None

    @env.macro
    def band_ids() -> str:
        """Every band's id in code marks, lowest first, joined as prose."""
        ids = [f"`{b.id}`" for b in data.rubric.bands]
        return f"{', '.join(ids[:-1])} and {ids[-1]}"

    @env.macro
    def readiness_examples(level: int = 3) -> str:
        """Each worked example's readiness answers, scored at build time, with an 'open' link."""
        return readiness_examples_html(data, page(), directory_urls, level)

    @env.macro
    def example_assessment_links() -> str:
        """Links that open the assessment pre-filled with each worked example's answers."""
        return example_links_html(data, page(), directory_urls)
