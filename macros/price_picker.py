"""The run-cost page's model picker: its markup.

The picker is a labelled text input with a list of buttons under it: the models that Python's
`cost.models` finds for what the reader typed, best first (a `<datalist>` would let the
browser filter and order them by its own rule). `docs/assets/js/components/price-picker.js`
reads each model's form values from `assets/data/model-prices.json` (written after the build
by `sitebuild.prices`): the committed genai-prices table turned into the form's fields by
`pilot2prod.calculators.runcost.prices.site_table`, so the page does no price arithmetic of
its own. It sits inside the calculator's form as the field `model`, so the choice is saved and
shared with the other inputs as a note; the prices themselves are filled in by the calculator,
through Python, which names every figure they change and offers one Undo.
"""

from __future__ import annotations

import hashlib

from mkdocs.exceptions import PluginError

from macros.html import esc as _e
from pilot2prod.urls import site_root_for
from sitebuild.errors import BuildError
from sitebuild.prices import SITE_PATH, price_table, site_json


def picker_html(page_src: str, directory_urls: bool, total_label: str) -> str:
    """The picker's field, hidden until its script runs (filling fields needs it).

    `total_label` names the monthly figure the picker repeats beside itself once a model is
    chosen, so the reader sees what the choice costs without scrolling to the results.
    """
    try:
        digest = hashlib.sha256(site_json().encode("utf-8")).hexdigest()[:12]
        table = price_table()
    except BuildError as error:
        raise PluginError(str(error)) from error
    url = f"{site_root_for(page_src, directory_urls)}{SITE_PATH}?v={digest}"
    return (
        '<div class="p2p-calc__field p2p-calc__field--wide p2p-prices" data-field="model" '
        f'data-p2p-component="price-picker" data-prices-url="{_e(url)}" hidden>'
        '<label for="cost-model">Fill the prices from a published price list</label>'
        '<div class="p2p-prices__row"><span class="p2p-calc__control p2p-prices__control">'
        '<input id="cost-model" name="model" type="text" '
        'autocomplete="off" spellcheck="false" placeholder="a model, e.g. gpt-4o" '
        'aria-describedby="cost-model-help cost-model-matches cost-model-source cost-model-stale">'
        "</span>"
        '<p class="p2p-prices__total" data-role="price-total" aria-live="polite" hidden>'
        f'<span>{_e(total_label)}</span> <strong data-role="price-total-value"></strong></p>'
        "</div>"
        '<p class="p2p-prices__summary" id="cost-model-matches" data-role="price-summary" '
        'aria-live="polite"></p>'
        '<ul class="p2p-prices__matches" data-role="price-matches" '
        'aria-label="Models matching what you typed"></ul>'
        '<p class="p2p-calc__help" id="cost-model-help">'
        "Type a model's name (provider optional; letter case, spaces and dashes do not matter) "
        "and press Enter, or choose one of the matches: that model's "
        "prices fill the price fields, a notice names each figure they replace, with an Undo, "
        "and any you change afterwards are marked as your own. "
        f"The list has {len(table.models)} models from {_e(table.source)}, "
        f"as of {_e(table.as_of.isoformat())}.</p>"
        '<p class="p2p-prices__source" id="cost-model-source" data-role="price-source" '
        'aria-live="polite"></p>'
        '<p class="p2p-prices__stale" id="cost-model-stale" data-role="price-stale" hidden></p>'
        "</div>"
    )
