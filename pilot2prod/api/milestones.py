"""API function for the assessment page's milestones file (`pilot2prod.readiness.milestones`)."""

from __future__ import annotations

from typing import Any

from pilot2prod.api.requests import InputError
from pilot2prod.model.dataset import Dataset
from pilot2prod.model.documents import parse_json
from pilot2prod.model.errors import DocumentError
from pilot2prod.readiness import milestones as reading


def import_milestones(data: Dataset, payload: dict) -> dict[str, Any]:
    """Merge `{"text": "...milestones file...", "kept": {...the page's own, same format...}}`
    (or the file already parsed, as `"file"`).

    Returns `{milestones, added, copies, unchanged, summary}`: the kept milestones unchanged
    and in order, then the file's new ones (a taken id comes in as a renamed copy). A file this
    package cannot read is refused whole, with the reason; the kept ones are read the same way,
    so a page never stores what it could not export and import again.
    """
    if "text" in payload:
        # A file's text, read as the command line reads a file (a key written twice refused).
        if not isinstance(payload["text"], str):
            raise InputError("'text' must be the file's text")
        try:
            payload = {**payload, "file": parse_json(payload["text"], "a milestones file")}
        except DocumentError as error:
            raise InputError(str(error)) from None
    if "file" not in payload:
        raise InputError("'file' is missing: send the milestones file's text")
    checklist, rubric = data.scored_checklist, data.rubric
    kept_raw = payload.get("kept")
    try:
        kept = [] if kept_raw is None else reading.read_milestones(kept_raw, checklist, rubric)
    except reading.MilestonesError as error:
        raise InputError(
            f"the milestones saved in this browser could not be read: {error}"
        ) from None
    try:
        incoming = reading.read_milestones(payload["file"], checklist, rubric)
        return reading.merge(kept, incoming)
    except reading.MilestonesError as error:
        raise InputError(str(error)) from None
