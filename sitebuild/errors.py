"""The one error a build step raises: the site cannot be built as asked."""

from __future__ import annotations


class BuildError(Exception):
    """A build step cannot do its job; the message names the file or setting and the fix.

    The MkDocs hooks (macros/) turn it into MkDocs' PluginError, which prints one clean line;
    `python -m sitebuild` prints it and exits 1.
    """
