"""What every API function shares: the error for a bad request, and readers of its fields."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


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
