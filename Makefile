# One task runner. `make serve` and `make test` each install what they need from this repository's files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED := ../shared
HOST ?= 127.0.0.1
PORT ?= 8000

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: help deps chromium build links serve test lint fix bench schemas clean

help:
	@echo "make serve  - install, build and serve the site on http://$(HOST):$(PORT)"
	@echo "make test   - install, lint, build strictly and run every test layer"
	@echo "make build  - build the static site into site/"
	@echo "make links  - rewrite published-links.txt after removing an address on purpose"
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

build: deps
	$(BIN)/mkdocs build --strict

# Rewrite published-links.txt from a fresh build, on purpose; review the diff before committing.
links: deps
	P2P_WRITE_LINKS=1 $(BIN)/mkdocs build --strict

serve: deps
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

lint: deps
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

fix: deps
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: deps chromium lint build
	$(BIN)/python -m pytest
	@if [ -f $(SHARED)/tools/copycheck.py ]; then \
		$(BIN)/python $(SHARED)/tools/copycheck.py docs data macros README.md; \
	else echo "copycheck skipped: $(SHARED) is not here"; fi

schemas: deps
	$(BIN)/python scripts/write_schemas.py

bench: deps chromium build
	$(BIN)/python bench/run.py

clean:
	rm -rf site .pytest_cache .ruff_cache
