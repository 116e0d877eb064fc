# One task runner for people and CI: every target sets up what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve lint check clean lock golden vendor bench

# The virtual environment, installed from the hash-pinned lock; redone when either changes.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# Test tools from npm (the Nu HTML Checker); its install script, which fetches a Java runtime,
# is not run: the machine's Java runs vnu.jar.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

site: $(STAMP)
	$(BIN)/parallax build
	$(BIN)/mkdocs build --strict

serve: $(STAMP)
	$(BIN)/parallax build
	$(BIN)/mkdocs serve

check: $(STAMP)
	$(BIN)/parallax check --strict

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy

test: $(STAMP) $(NODE_STAMP) lint
	$(BIN)/parallax check
	$(BIN)/pytest

# Benchmarks (not part of `make test`): name extraction and linking throughput, reuse detection at
# n and 4n articles, then every stage and `mkdocs build` cold, warm and incremental, and growth at
# 4x the corpus (bench/results/).
bench: $(STAMP)
	$(BIN)/python -m bench.extraction $(CORPUS)
	$(BIN)/python -m bench.reuse $(CORPUS)
	$(BIN)/python -m bench.site $(CORPUS) --growth

# Regenerate tests/golden/ from the sample corpus; review the diff before committing it.
golden: $(STAMP)
	PARALLAX_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_golden.py

# Copy browser assets from npm into the site (committed, so the site builds without npm).
vendor: $(NODE_STAMP)
	cp node_modules/tablesort/dist/tablesort.min.js node_modules/tablesort/dist/sorts/tablesort.number.min.js \
		node_modules/tablesort/LICENCE docs/javascripts/vendor/

clean:
	test ! -x $(BIN)/parallax || $(BIN)/parallax clean
	rm -rf site

# Re-pin every dependency (needs network access to PyPI); commit requirements.lock afterwards.
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 \
		--no-header -o requirements.lock
