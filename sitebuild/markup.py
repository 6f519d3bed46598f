"""The last invalid markup Material's templates write, fixed in every page of the built site.

Material's base.html gives its two hidden toggle checkboxes (`__drawer`, `__search`)
`autocomplete="off"`, which HTML allows only on text-like inputs, so the Nu HTML
checker (run in `make test`) reports two errors on every page. The tags are not in a
partial that could be overridden, and overriding all of base.html would copy 260 lines
of the theme for two attributes. Material added them so Firefox would not restore an
open drawer from its form cache; its own script closes the drawer on navigation anyway.
"""

from __future__ import annotations

import re
from pathlib import Path

_TOGGLE = re.compile(
    r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
    r'id="__(?:drawer|search)") autocomplete="off">'
)


def fix_material_markup(site_dir: Path) -> list[Path]:
    """Drop `autocomplete` from Material's toggle checkboxes in every page (404.html included);
    return the pages changed."""
    changed = []
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        fixed = _TOGGLE.sub(r"\1>", text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
            changed.append(page)
    return changed
