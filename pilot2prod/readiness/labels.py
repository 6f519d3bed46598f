"""How an answer, a risk level and a score read in words, wherever the assessment shows them.

The domain's own summaries (a plan item, a comparison, a portfolio's shares) and its
presentation use the same words, so they live here, below both.
"""

from __future__ import annotations

from pilot2prod import text
from pilot2prod.model.checklists import ANSWER_LABELS

RISK_LABELS = {"high": "High risk", "medium": "Medium risk", "low": "Low risk"}
"""How each risk level reads beside a question."""


def percent(value: float | None) -> str:
    """A score in 0..1 as a whole percentage ("63%"), or words when there is none."""
    return text.percent(value, none="no score yet")


def answer_label(answer: str | None) -> str:
    """An answer as the page shows it; "Not answered" for none."""
    return ANSWER_LABELS.get(answer, "Not answered") if answer else "Not answered"
