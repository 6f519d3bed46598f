"""`python -m pilot2prod.cli`, for when the console script is not on PATH."""

from __future__ import annotations

import sys

from pilot2prod.cli import main

sys.exit(main())
