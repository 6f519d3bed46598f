"""`pilot2prod check`: readiness facts read from a repository, by rules kept in `data/`.

`rules` holds the rule set and its checks, `globs` how a rule names files, `tree` the safe
walk over a repository, `history` what git says about when files changed, `values` values
read from JSON, YAML and TOML, `owners` CODEOWNERS, `models` model ids against the price
list, `evaluate` one outcome per rule, `report` the words for a terminal or a pull request,
and `record` the evidence record `pilot2prod assess --evidence` reads.
"""
