"""pilot2prod: the pure domain of the pilot-to-production guide.

Standard library only, so the same code runs under pytest, in the command-line
tool and inside Pyodide in the reader's browser.
"""

from __future__ import annotations

__version__ = "0.1.0"
