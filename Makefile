# One task runner for people and CI: every target sets up what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test serve lint check clean lock golden vendor bench

# The virtual environment, installed exactly from hash-pinned locks (requirements/install says
# how: no dependency is resolved at install time). `make site` needs only the site's packages;
# the test tools come on top of them. Each is redone when its lock changes.
SITE_STAMP := $(VENV)/.installed-site
TEST_STAMP := $(VENV)/.installed-test
INSTALL := sh requirements/install $(BIN)/python --editable .

$(SITE_STAMP): pyproject.toml requirements/site.lock requirements/install
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(INSTALL) requirements/site.lock
	touch $@

$(TEST_STAMP): $(SITE_STAMP) requirements/test.lock
	$(INSTALL) requirements/test.lock
	touch $@

# Test tools from npm (the Nu HTML Checker); its install script, which fetches a Java runtime,
# is not run: the machine's Java runs vnu.jar.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

site: $(SITE_STAMP)
	$(BIN)/parallax build
	$(BIN)/mkdocs build --strict

# --dirty: after an edit MkDocs rebuilds only the pages whose Markdown changed; the plugin keeps
# search, removed pages and navigation right (generator/serving.py).
serve: $(SITE_STAMP)
	$(BIN)/parallax build
	$(BIN)/mkdocs serve --dirty

check: $(SITE_STAMP)
	$(BIN)/parallax check --strict

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy

test: $(TEST_STAMP) $(NODE_STAMP) lint
	$(BIN)/parallax check
	$(BIN)/pytest

# Benchmarks (not part of `make test`): name extraction and linking throughput, reuse detection at
# n and 4n articles, then every stage and `mkdocs build` cold, warm and incremental, and growth at
# 4x the corpus (bench/results/).
bench: $(SITE_STAMP)
	$(BIN)/python -m bench.extraction $(CORPUS)
	$(BIN)/python -m bench.reuse $(CORPUS)
	$(BIN)/python -m bench.site $(CORPUS) --growth

# Regenerate tests/golden/ from the sample corpus; review the diff before committing it.
golden: $(TEST_STAMP)
	PARALLAX_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/test_golden.py

# Copy browser assets from npm into the site, and Natural Earth's country shapes (world-atlas) into
# the package for the map drawn at build time (committed, so the site builds without npm).
vendor: $(NODE_STAMP)
	cp node_modules/tablesort/dist/tablesort.min.js node_modules/tablesort/dist/sorts/tablesort.number.min.js \
		docs/javascripts/vendor/
	cp node_modules/tablesort/LICENCE docs/javascripts/vendor/tablesort.LICENCE
	cp node_modules/cytoscape/dist/cytoscape.min.js docs/javascripts/vendor/
	cp node_modules/cytoscape/LICENSE docs/javascripts/vendor/cytoscape.LICENSE
	mkdir -p generator/render/data/world-atlas
	cp node_modules/world-atlas/countries-50m.json node_modules/world-atlas/countries-110m.json \
		node_modules/world-atlas/LICENSE node_modules/world-atlas/package.json generator/render/data/world-atlas/

clean:
	test ! -x $(BIN)/parallax || $(BIN)/parallax clean
	rm -rf site

# Re-pin every dependency (needs PyPI): both locks at once, for every Python from 3.11 and every
# platform (--universal), the test lock constrained to the site lock's versions so the two agree.
# uv, the locking tool, is itself pinned in the test lock. Current pins are kept where the ranges
# allow; `make lock LOCK_FLAGS=--upgrade` takes the newest releases. Commit requirements/ afterwards.
LOCK_FLAGS ?=
LOCK := $(BIN)/uv pip compile pyproject.toml --universal --python-version 3.11 --generate-hashes \
	--no-header $(LOCK_FLAGS)
lock: $(TEST_STAMP)
	$(LOCK) --output-file requirements/site.lock
	$(LOCK) --extra test --constraint requirements/site.lock --output-file requirements/test.lock
