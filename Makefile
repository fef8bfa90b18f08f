# The verbs people type. `make run` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install run test test-fast test-sqlite test-postgres test-browser browser-deps lint typecheck fmt messages openapi bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/simadu serve --port $(PORT)

# Debian's Chromium for the Playwright tests (never a downloaded browser build).
browser-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

# The whole suite: lint, types, then every test (browser journey included) on SQLite and on PostgreSQL.
test: install browser-deps lint typecheck test-sqlite test-postgres

# The edit loop: SQLite, no browser.
test-fast: install
	$(BIN)/pytest -q -m "not browser and not postgres" -n 2

test-sqlite: install browser-deps
	$(BIN)/pytest -q -m "not postgres" -n 2

test-postgres: install browser-deps
	DATABASE_URL=$${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/simadu} $(BIN)/pytest -q -n 2

test-browser: install browser-deps
	$(BIN)/pytest -q -m browser

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python tools/lint_rules.py
	$(BIN)/bandit -q -r src -c pyproject.toml

typecheck: install
	$(BIN)/mypy src config

fmt: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install
	cd src/simadu && ../../$(BIN)/django-admin makemessages -l en --no-obsolete --settings=config.settings --pythonpath=../.. && ../../$(BIN)/django-admin compilemessages --settings=config.settings --pythonpath=../..

bench: install
	$(BIN)/python tools/bench_triage.py --write docs/benchmarks.md

openapi: install
	$(BIN)/simadu export_openapi > docs/openapi.json

clean:
	rm -rf $(VENV) var/*.sqlite3* .mypy_cache .ruff_cache
