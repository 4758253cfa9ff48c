# Dargah — make targets. `make serve` and `make test` are the Quick start.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve test test-fast lint bench prompts models clean

install: $(STAMP)

$(STAMP): pyproject.toml deploy/debian-packages.txt
	@bash deploy/install-debian-packages.sh
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	@if [ -f tests/channels/sms/smsc/package.json ] && command -v npm >/dev/null; then \
		cd tests/channels/sms/smsc && npm install --no-audit --no-fund --silent; fi
	@touch $(STAMP)

serve: install
	$(BIN)/dargah db upgrade
	$(BIN)/dargah serve

lint: install
	$(BIN)/lint-imports

test: install lint
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow"

bench: install
	$(BIN)/python bench/intake_http.py
	$(BIN)/python bench/dedup_lookup.py

clean:
	rm -rf $(VENV) var .pytest_cache
