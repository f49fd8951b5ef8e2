# jichitai-ai — two set-up commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench format services clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dense,solver,documents]"
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(PY) -m pip install -q -e ".[dense,ner,solver,documents,voice,dev]"
	touch $(DEV_STAMP)

## The configuration `make run` uses: $JICHITAI_CONFIG, else ./jichitai.toml, else the demo's
## (deploy/demo.toml: the built-in echo model for the AI gateway, retention periods)
RUN_CONFIG := $(or $(JICHITAI_CONFIG),$(wildcard jichitai.toml),deploy/demo.toml)

## Serve the product on its embedded default (SQLite) with demo data at http://127.0.0.1:8000
run: $(STAMP)
	JICHITAI_CONFIG=$(RUN_CONFIG) $(BIN)/jichitai-ai init --demo
	JICHITAI_CONFIG=$(RUN_CONFIG) $(BIN)/jichitai-ai serve

## Run the whole test suite on SQLite and PostgreSQL, browser tests in headless Chromium
## (two processes: each has its own PostgreSQL database and temporary files)
test: $(DEV_STAMP) services
	$(PY) -m pytest -q -n 2

## What the tests need from the machine: PostgreSQL running, Debian's Chromium installed
services:
	bash scripts/ensure-services.sh

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

format: $(DEV_STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

## Speed and memory figures (printed, not asserted)
bench: $(DEV_STAMP)
	$(PY) -m benchmarks.run

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
