"""What every API function shares: the error for a bad request, readers of its fields, and the
worked examples its declared example requests are made of."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pilot2prod.dataset import Dataset


class InputError(ValueError):
    """The request itself is wrong; the message is shown to the reader as is."""


def text_field(payload: Mapping[str, Any], key: str, default: str, limit: int = 200) -> str:
    """A text field of the request, at most `limit` characters."""
    value = payload.get(key, default)
    if not isinstance(value, str) or len(value) > limit:
        raise InputError(f"'{key}' must be text of at most {limit} characters")
    return value


def link_settings(payload: Mapping[str, Any]) -> tuple[str, bool]:
    """`site_root` and `directory_urls`: what the views need to write links the page can follow."""
    site_root = text_field(payload, "site_root", "")
    directory_urls = payload.get("directory_urls", True)
    if not isinstance(directory_urls, bool):
        raise InputError("'directory_urls' must be true or false")
    return site_root, directory_urls


# --- example requests (for the declarations: the build's probe and the tests run them) ---

EXAMPLE_LINKS = {"site_root": "https://example.org/", "directory_urls": True}
"""Link settings of an example request: absolute, so the reports write their links too."""


def worked_documents(data: Dataset) -> list[dict[str, Any]]:
    """The worked examples' answers, each as the page exports it."""
    checklist = data.scored_checklist
    return [example.document(checklist) for example in data.example_assessments.examples]


def named_documents(data: Dataset) -> list[dict[str, Any]]:
    """The worked examples' answers as `{name, document}` entries, as pages send several files."""
    return [
        {"name": f"example {index}.json", "document": document}
        for index, document in enumerate(worked_documents(data), 1)
    ]
