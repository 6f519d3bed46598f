"""`python -m sitebuild SITE_DIR`: run the build's steps over a folder a generator wrote."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from sitebuild.build import Build
from sitebuild.errors import BuildError
from sitebuild.settings import read
from sitebuild.steps import STEPS, run


def main(argv: Sequence[str] | None = None) -> int:
    """Run the steps; exit 0 when all succeeded, 1 with one line on stderr when one failed."""
    parser = argparse.ArgumentParser(prog="python -m sitebuild", description=__doc__)
    parser.add_argument("site_dir", metavar="SITE_DIR", type=Path, help="the generated site")
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site's configuration; its folder is the project (default: ./mkdocs.yml)",
    )
    parser.add_argument(
        "--step",
        action="append",
        choices=list(STEPS),
        help="run only this step (repeatable); all steps in order by default",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    if not args.site_dir.is_dir():
        print(f"sitebuild: {args.site_dir}: is not a folder", file=sys.stderr)
        return 1
    try:
        settings = read(args.config)
        run(Build(args.site_dir, args.config.resolve().parent, settings), args.step)
    except BuildError as error:
        print(f"sitebuild: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
