"""MkDocs hook (mkdocs.yml `hooks:`): the last invalid markup Material's templates write, fixed.

Material's base.html gives its two hidden toggle checkboxes (`__drawer`, `__search`)
`autocomplete="off"`, which HTML allows only on text-like inputs, so the Nu HTML
checker (run in `make test`) reports two errors on every page. The tags are not in a
partial that could be overridden, and overriding all of base.html would copy 260 lines
of the theme for two attributes. Material added them so Firefox would not restore an
open drawer from its form cache; its own script closes the drawer on navigation anyway.
"""

from __future__ import annotations

import re
from typing import Any

_TOGGLE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
    r'id="__(?:drawer|search)") autocomplete="off">'
)


def on_post_page(output: str, **_: Any) -> str:
    """Drop `autocomplete` from Material's toggle checkboxes."""
    return _TOGGLE.sub(r"\1>", output)


def on_post_template(output_content: str, **_: Any) -> str:
    """The same for static templates: 404.html is rendered without a page."""
    return _TOGGLE.sub(r"\1>", output_content)
