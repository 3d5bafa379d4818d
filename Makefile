# hrapp developer commands. On a fresh Debian 12 (as root, with python3, pip and venv):
#   make run    install everything, migrate, load demo data once, serve http://127.0.0.1:5000
#   make test   the suite on SQLite, on a throw-away PostgreSQL, and in headless Chromium
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
STAMP := $(VENV)/.requirements-installed
TRANSLATIONS := hrapp/translations
# Front-end packages the app serves itself (ECharts), from package-lock.json.
NODE_STAMP := node_modules/.installed
# Needed to run the app (Chinese PDF font) and by the tests that check PDFs and signatures.
SYSTEM_PACKAGES := fonts-wqy-zenhei poppler-utils qpdf libnss3-tools
# Needed by the tests only.
TEST_PACKAGES := postgresql chromium redis-server

.PHONY: help install install-test-deps system-deps translations run test bench lint

help:
	@echo "make run     install, migrate, seed demo data if the database is empty, demo signing keys, serve on http://127.0.0.1:5000 (and flask tick every minute)"
	@echo "make test    install, then pytest on SQLite, on a throw-away PostgreSQL, and browser tests in Chromium"
	@echo "make bench   install, then run the benchmarks"
	@echo "make lint    ruff check hrapp tests"
	@echo "make install / make install-test-deps   only the installation steps (idempotent)"

install: system-deps $(STAMP) translations $(NODE_STAMP)

system-deps:
	@scripts/ensure_packages.sh $(SYSTEM_PACKAGES)

# All system packages in one go, so `apt-get update` runs at most once for `make test`.
install-test-deps:
	@scripts/ensure_packages.sh $(SYSTEM_PACKAGES) $(TEST_PACKAGES)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	@echo "Installing Python packages into $(VENV) (requirements-dev.txt)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

$(NODE_STAMP): package.json package-lock.json
	@echo "Installing front-end packages into node_modules (package-lock.json)"
	@command -v npm >/dev/null || scripts/ensure_packages.sh nodejs npm
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Compile each catalogue (.po) whose .mo is missing or older; nothing to do while there are none.
# A message pybabel rejects is reported but does not stop the app from running (the .mo is still
# written; the suite's translation tests are where a broken catalogue fails).
translations: $(STAMP)
	@for po in $$(find $(TRANSLATIONS) -name '*.po' 2>/dev/null); do \
		mo="$${po%.po}.mo"; \
		if [ ! -f "$$mo" ] || [ "$$po" -nt "$$mo" ]; then \
			$(BIN)/pybabel compile -i "$$po" -o "$$mo" \
				|| echo "WARNING: $$po has errors (above); it is compiled again once it changes" >&2; \
		fi; \
	done

run: install
	$(FLASK) db upgrade
	$(BIN)/python scripts/seed_if_empty.py
	$(FLASK) pki init-demo
	scripts/serve_with_tick.sh --host 127.0.0.1 --port 5000

# Extra pytest arguments: make test PYTEST_ARGS="-x -k login"
test: install-test-deps install
	@scripts/run_tests.sh $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check hrapp tests
