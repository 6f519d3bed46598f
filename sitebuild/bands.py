"""The verdict bands' colours as CSS, written from `data/readiness.yml` into the site's stylesheet.

Each band sets `--p2p-band` on whatever carries its id in `data-band` (the verdict's figures,
the summary bar, a team's result), once for the light scheme and once for the dark one;
`docs/assets/css/readiness.css` colours those elements from it. A band's colour, like its id
and its label, is data: renaming or adding a band changes `data/` and nothing else.
"""

from __future__ import annotations

from pilot2prod.readiness.rubric import Rubric

DARK = '[data-md-color-scheme="slate"] '
"""Material's dark scheme, set on the page's body."""


def band_rules(rubric: Rubric) -> str:
    """One rule per band and scheme; a band without a colour is left unmarked."""
    coloured = [(band.id, band.colour) for band in rubric.bands if band.colour is not None]
    lines = ["/* The verdict bands' colours, from data/readiness.yml (sitebuild/bands.py). */"]
    # Ids and colours are checked when the rubric is read (an id, #rrggbb): safe in a selector.
    lines += [f'[data-band="{i}"] {{ --p2p-band: {c.light}; }}' for i, c in coloured]
    lines += [f'{DARK}[data-band="{i}"] {{ --p2p-band: {c.dark}; }}' for i, c in coloured]
    # The readiness chart's zones (readiness/presentation/chart.py) carry the band in a class,
    # since a chart's shapes may set no data attribute.
    lines += [f".p2p-chart__zone--{i} {{ --p2p-band: {c.light}; }}" for i, c in coloured]
    lines += [f"{DARK}.p2p-chart__zone--{i} {{ --p2p-band: {c.dark}; }}" for i, c in coloured]
    return "\n".join(lines) + "\n"
