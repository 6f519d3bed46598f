"""What the build steps need to know of the site's configuration, read from `mkdocs.yml`.

MkDocs hands its parsed configuration to the hooks; `python -m sitebuild` reads the same file
itself (Zensical reads `mkdocs.yml` too), leaving its YAML tags (`!ENV`, `!!python/name`)
unresolved: none of the settings read here uses one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitebuild.errors import BuildError


@dataclass(frozen=True)
class Settings:
    """The site's settings the steps read."""

    docs_dir: Path
    """Where the pages' sources are (the stylesheets and the headings' anchors are read there)."""
    directory_urls: bool = True
    """MkDocs' `use_directory_urls`: `page/` rather than `page.html`."""
    pyodide_base_url: str | None = None
    """`extra.pyodide_base_url`: Pyodide from another address instead of the site's own copy."""
    extra_css: tuple[str, ...] = ()
    """The site's stylesheets in order, before the build joins its own into one file."""
    redirect_maps: Mapping[str, str] = field(default_factory=dict)
    """`old.md: new.md` entries of the redirects plugin."""


def _redirect_maps(plugins: object) -> dict[str, str]:
    """The redirects plugin's map, from MkDocs' loaded plugins or from the file's list."""
    if isinstance(plugins, Mapping):  # MkDocs' PluginCollection: name to plugin object
        plugin = plugins.get("redirects")
        config = getattr(plugin, "config", None) or {}
        return dict(config.get("redirect_maps") or {})
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, Mapping) and isinstance(entry.get("redirects"), Mapping):
            return dict(entry["redirects"].get("redirect_maps") or {})
    return {}


def from_config(config: Mapping[str, Any], project: Path) -> Settings:
    """The settings in a configuration as MkDocs parses it (or as `read` loads the file)."""
    extra = config.get("extra") or {}
    base_url = extra.get("pyodide_base_url") if isinstance(extra, Mapping) else None
    if base_url is not None and (not isinstance(base_url, str) or not base_url.strip()):
        raise BuildError("mkdocs.yml: extra.pyodide_base_url must be a URL or left out")
    return Settings(
        docs_dir=project / str(config.get("docs_dir") or "docs"),
        directory_urls=bool(config.get("use_directory_urls", True)),
        pyodide_base_url=base_url or None,
        extra_css=tuple(entry for entry in config.get("extra_css") or () if isinstance(entry, str)),
        redirect_maps=_redirect_maps(config.get("plugins")),
    )


def read(path: Path) -> Settings:
    """The settings in a `mkdocs.yml`; its folder is the project."""
    import yaml  # the site's toolchain has it; the package's command line need not

    class Loader(yaml.SafeLoader):
        """Reads mkdocs.yml with its tags left unresolved."""

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, yaml.YAMLError) as error:
        raise BuildError(f"{path}: cannot be read ({error})") from None
    if not isinstance(config, Mapping):
        raise BuildError(f"{path}: is not a MkDocs configuration")
    return from_config(config, path.resolve().parent)
