"""Which JSON Schema each data file is checked against, written from the types it is parsed into.

Above the domain, beside the Dataset: it names every part's type, so it sits where the parts
are put together; `model.jsonschema` turns any one dataclass into a schema.
"""

from __future__ import annotations

from typing import Any

from pilot2prod.calculators.effort.model import EffortModel
from pilot2prod.calculators.runcost.model import CostModel
from pilot2prod.evidence.settings import EvidenceSettings
from pilot2prod.guide.figures import FigureWords
from pilot2prod.model.checklists import Checklist
from pilot2prod.model.jsonschema import collection_schema, dataclass_schema
from pilot2prod.model.records import COLLECTIONS
from pilot2prod.readiness.examples import ExampleAssessmentsFile
from pilot2prod.readiness.rubric import Rubric
from pilot2prod.repocheck.rules import RuleSet, TeamRules


def file_schemas() -> dict[str, tuple[dict[str, Any], tuple[str, ...]]]:
    """Each schema file's name, its schema, and the data files (patterns) that use it."""
    by_type: dict[type, list[tuple[str, str]]] = {}
    for collection, (source, record_type) in COLLECTIONS.items():
        by_type.setdefault(record_type, []).append((collection, source))
    found: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {}
    for record_type, uses in by_type.items():
        # Named for its one collection (faq), or for the kind several share (topics).
        name = uses[0][0] if len(uses) == 1 else f"{record_type.__name__.lower()}s"
        found[name] = (collection_schema(record_type), tuple(source for _, source in uses))
    found["checklist"] = (dataclass_schema(Checklist), ("data/checklists/*.yml",))
    found["readiness"] = (dataclass_schema(Rubric), ("data/readiness.yml",))
    found["example-assessments"] = (
        dataclass_schema(ExampleAssessmentsFile),
        ("data/example-assessments.yml",),
    )
    found["effort"] = (dataclass_schema(EffortModel), ("data/effort.yml",))
    found["cost"] = (dataclass_schema(CostModel), ("data/cost.yml",))
    found["figures"] = (dataclass_schema(FigureWords), ("data/figures.yml",))
    found["repository-checks"] = (dataclass_schema(RuleSet), ("data/repository-checks.yml",))
    # A team's own rules file (`pilot2prod check --rules`) lives in its repository, not here.
    found["repository-rules"] = (dataclass_schema(TeamRules), ())
    found["evidence"] = (dataclass_schema(EvidenceSettings), ("data/evidence.yml",))
    return found
