"""The fixture task for Inspect AI: a solver that answers with each case's canned label.

No model is called (mockllm/model would download a tokeniser), so the log records exactly the
answers in cases.json and the includes() scorer grades them against the expected label.
"""

from __future__ import annotations

import json
from pathlib import Path

from inspect_ai import Task, task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.model import ModelOutput
from inspect_ai.scorer import includes
from inspect_ai.solver import Generate, TaskState, solver

CASES = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))["cases"]


@solver
def canned_answer():  # noqa: ANN201 - Inspect's decorator defines the type
    async def solve(state: TaskState, generate: Generate) -> TaskState:
        state.output = ModelOutput.from_content(model="canned", content=state.metadata["answer"])
        state.messages.append(state.output.message)
        return state

    return solve


@task
def support_triage() -> Task:
    samples = [
        Sample(
            id=case["id"],
            input=case["input"],
            target=case["expected"],
            metadata={
                "category": case["category"],
                "source": case["source"],
                "answer": case["answer"],
            },
        )
        for case in CASES
    ]
    return Task(dataset=MemoryDataset(samples), solver=canned_answer(), scorer=includes())
