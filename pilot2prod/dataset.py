"""The one Dataset: the files under `data/`, parsed once, each part validated when first used.

The build makes one from the YAML in `data/` and calls `validate_all` before rendering any
page; the command line makes one from `--data DIR` and runs the same checks; the browser's
worker and an installed wheel use the copy shipped inside the package (`shipped()`), which
the build validated, and pay only for the parts a calculator reads.

Each property carries its own cross-file checks (the rubric scores a checklist whose sections
are the dimensions; the estimator credits dimensions that exist), so a part is never used
unchecked, whoever asks first. Whoever needs data is handed a Dataset: there is no module-level
current data to swap.

It is the composition root: it sits above the domain packages (readiness, calculators, guide)
and puts their parts together, so none of them, nor the model below, imports it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from pilot2prod.model import bundle
from pilot2prod.model.checklists import CHECKLIST_DIR, Checklist, check_sections_are_dimensions
from pilot2prod.model.errors import DataError
from pilot2prod.model.records import COLLECTIONS, Collection

if TYPE_CHECKING:  # the domain packages import the model; the model names them only lazily
    from pilot2prod.calculators.effort.model import EffortModel
    from pilot2prod.calculators.runcost.model import CostModel
    from pilot2prod.evidence.settings import EvidenceSettings
    from pilot2prod.guide.numbers import Numbers
    from pilot2prod.readiness.examples import ExampleAssessments
    from pilot2prod.readiness.rubric import Rubric
    from pilot2prod.repocheck.rules import RuleSet

READINESS_SOURCE = "data/readiness.yml"
EXAMPLES_SOURCE = "data/example-assessments.yml"
EFFORT_SOURCE = "data/effort.yml"
COST_SOURCE = "data/cost.yml"
FIGURES_SOURCE = "data/figures.yml"
REPOSITORY_CHECKS_SOURCE = "data/repository-checks.yml"
EVIDENCE_SOURCE = "data/evidence.yml"
DIMENSIONS = "dimensions"
"""The collection whose records are the readiness dimensions."""


class Dataset:
    """Parsed data files keyed by `data/...yml` path, validated part by part on first use."""

    def __init__(
        self,
        files: Mapping[str, object],
        pages: Mapping[str, set[str]] | None = None,
    ) -> None:
        self.files = files
        self.pages = pages
        """Every page of the site with its anchors, when known (for the link checks)."""
        self._checklists: dict[str, Checklist] = {}
        self._collections: dict[str, Collection] = {}
        self._filled: dict[str, object] = {}

    @classmethod
    def from_directory(cls, folder: Path, label: str = "data") -> Dataset:
        """The YAML files under `folder` (needs PyYAML); `label` names the folder in messages."""
        from pilot2prod.model.files import read_data_dir

        return cls(read_data_dir(folder, label))

    # --- raw files ---------------------------------------------------------------------

    def raw(self, source: str) -> object:
        """The parsed content of one data file, with the numbers it names (`{n:id}`) filled in."""
        if source not in self.files:
            raise DataError(source, "", "file is missing")
        if source == FIGURES_SOURCE:
            return self.files[source]  # where the numbers are defined: nothing to fill
        if source not in self._filled:
            self._filled[source] = self.numbers.fill(self.files[source], source)
        return self._filled[source]

    @cached_property
    def numbers(self) -> Numbers:
        """The numbers the guide quotes, from `data/figures.yml` (none when the file is absent)."""
        from pilot2prod.guide.figures import load_figure_words, load_numbers
        from pilot2prod.guide.numbers import Numbers

        if FIGURES_SOURCE not in self.files:
            return Numbers((), FIGURES_SOURCE)
        return load_numbers(load_figure_words(self.files[FIGURES_SOURCE]))

    # --- content -------------------------------------------------------------------------

    def collection(self, name: str) -> Collection:
        """One list of records (reasons, changes, practices, examples, faq, dimensions)."""
        if name not in self._collections:
            if name not in COLLECTIONS:
                known = ", ".join(COLLECTIONS)
                raise KeyError(f"unknown collection {name!r} (known: {known})")
            from pilot2prod.model.records import load_collection

            source, record_type = COLLECTIONS[name]
            self._collections[name] = load_collection(name, self.raw(source), source, record_type)
        return self._collections[name]

    @property
    def collections(self) -> dict[str, Collection]:
        """Every list of records, by name, validated."""
        return {name: self.collection(name) for name in COLLECTIONS}

    def dimension_ids(self) -> list[str] | None:
        """The readiness dimensions, in order; None in a partial data set without them (the
        build's `validate_all` requires every collection, so real data always has them)."""
        if COLLECTIONS[DIMENSIONS][0] not in self.files:
            return None
        return [record.id for record in self.collection(DIMENSIONS).records]

    # --- checklists ----------------------------------------------------------------------

    def checklist_ids(self) -> list[str]:
        """Every checklist the data holds, by id (file name), sorted."""
        return sorted(
            source.removeprefix(CHECKLIST_DIR).removesuffix(".yml")
            for source in self.files
            if source.startswith(CHECKLIST_DIR)
        )

    def checklist(self, checklist_id: str) -> Checklist:
        """One checklist, validated; a KeyError naming the known ones when there is none."""
        if checklist_id not in self._checklists:
            source = f"{CHECKLIST_DIR}{checklist_id}.yml"
            if source not in self.files:
                known = ", ".join(self.checklist_ids()) or "none"
                raise KeyError(f"there is no checklist {checklist_id[:60]!r} (known: {known})")
            from pilot2prod.model.checklists import load_checklist

            self._checklists[checklist_id] = load_checklist(self.raw(source), source)
        return self._checklists[checklist_id]

    @property
    def checklists(self) -> dict[str, Checklist]:
        """Every checklist, by id, validated."""
        return {checklist_id: self.checklist(checklist_id) for checklist_id in self.checklist_ids()}

    # --- models --------------------------------------------------------------------------

    @cached_property
    def rubric(self) -> Rubric:
        """The verdict bands, with the checklist they score (on the readiness scale, one
        section per dimension)."""
        from pilot2prod.readiness.rubric import load_rubric

        rubric = load_rubric(self.raw(READINESS_SOURCE), READINESS_SOURCE)
        try:
            checklist = self.checklist(rubric.checklist)
        except KeyError:
            raise DataError(
                READINESS_SOURCE,
                "checklist",
                f"no checklist {rubric.checklist!r} under {CHECKLIST_DIR}",
            ) from None
        if checklist.scale != "readiness":
            raise DataError(
                READINESS_SOURCE,
                "checklist",
                f"{rubric.checklist!r} is not on the readiness scale (yes/partial/no/na)",
            )
        dimensions = self.dimension_ids()
        if dimensions is not None:
            check_sections_are_dimensions(checklist, dimensions, COLLECTIONS[DIMENSIONS][0])
        return rubric

    @property
    def scored_checklist(self) -> Checklist:
        """The checklist the rubric scores (the readiness assessment)."""
        return self.checklist(self.rubric.checklist)

    @cached_property
    def example_assessments(self) -> ExampleAssessments:
        """The worked examples' answers, each for a known example, every question answered."""
        from pilot2prod.readiness.examples import load_example_answers

        examples = [record.id for record in self.collection("examples").records]
        return load_example_answers(
            self.raw(EXAMPLES_SOURCE), self.checklists, examples, EXAMPLES_SOURCE
        )

    @cached_property
    def effort(self) -> EffortModel:
        """The estimator's parameters; the dimensions it credits must be the assessment's."""
        from pilot2prod.calculators.effort.loader import load_effort_model

        model = load_effort_model(self.raw(EFFORT_SOURCE), EFFORT_SOURCE)
        known = self.dimension_ids()
        for index, dimension in enumerate(model.readiness.dimensions):
            if known is not None and dimension not in known:
                raise DataError(
                    EFFORT_SOURCE,
                    f"readiness.dimensions[{index}]",
                    f"{dimension!r} is not a dimension in {COLLECTIONS[DIMENSIONS][0]}",
                )
        return model

    @cached_property
    def cost(self) -> CostModel:
        """The run-cost calculator's parameters."""
        from pilot2prod.calculators.runcost.model import load_cost_model

        return load_cost_model(self.raw(COST_SOURCE), COST_SOURCE)

    @cached_property
    def repository_checks(self) -> RuleSet:
        """The rules `pilot2prod check` applies; each informs questions of the scored checklist."""
        from pilot2prod.repocheck.rules import load_rule_set

        questions = {item.id for item in self.scored_checklist.items}
        return load_rule_set(self.raw(REPOSITORY_CHECKS_SOURCE), questions)

    @cached_property
    def evidence(self) -> EvidenceSettings:
        """The evidence settings; every rule must inform a question of the scored checklist."""
        from pilot2prod.evidence.settings import load_evidence_settings

        settings = load_evidence_settings(self.raw(EVIDENCE_SOURCE), EVIDENCE_SOURCE)
        questions = {item.id for item in self.scored_checklist.items}
        for index, rule in enumerate(settings.rules):
            if rule.question not in questions:
                raise DataError(
                    EVIDENCE_SOURCE,
                    f"rules[{index}].question",
                    f"{rule.question!r} is not a question of '{self.scored_checklist.id}'",
                )
        return settings

    # --- everything ----------------------------------------------------------------------

    def validate_all(self, pages: Mapping[str, set[str]] | None = None) -> None:
        """Every check the build makes: each file, each cross-file rule, and, when the pages'
        anchors are known (given, or shipped with the data), every link in the data.

        The models are checked for the files present, so a partial data set can be tested.
        """
        from pilot2prod.model.links import check_links

        collections = self.collections
        checklists = self.checklists
        dimensions = [record.id for record in collections[DIMENSIONS].records]
        for checklist in checklists.values():
            if checklist.scale == "readiness":
                check_sections_are_dimensions(checklist, dimensions, COLLECTIONS[DIMENSIONS][0])
        if READINESS_SOURCE in self.files:
            _ = self.rubric
        if EXAMPLES_SOURCE in self.files:
            _ = self.example_assessments
        if EFFORT_SOURCE in self.files:
            _ = self.effort
        if COST_SOURCE in self.files:
            _ = self.cost
        if REPOSITORY_CHECKS_SOURCE in self.files:
            _ = self.repository_checks
        if EVIDENCE_SOURCE in self.files:
            _ = self.evidence
        if FIGURES_SOURCE in self.files:
            _ = self.numbers  # reads and checks the whole file, the figures' words included
        for source in self.files:
            self.raw(source)  # every `{n:id}` in every file names a number that exists
        known_pages = pages if pages is not None else self.pages
        if known_pages is not None:
            check_links(collections, checklists, known_pages)


@cache
def shipped() -> Dataset:
    """The data shipped in this package (`pilot2prod/_data.json`), read once per process."""
    import pilot2prod

    found = bundle.package_file(pilot2prod, bundle.RESOURCE)
    if found is None:
        raise DataError(
            f"pilot2prod/{bundle.RESOURCE}",
            "",
            "is missing: only the wheel built with the site carries the data",
        )
    files, pages = bundle.decode(found.decode("utf-8"))
    return Dataset(files, pages)
