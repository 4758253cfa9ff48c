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
	@bash deploy/install-debian-packages.sh deploy/debian-packages-bench.txt
	$(BIN)/python bench/intake_http.py
	$(BIN)/python bench/dedup_lookup.py
	$(BIN)/python bench/dedup_quality.py
	$(BIN)/python bench/letters_accuracy.py --count 40 --seed 1000
	$(BIN)/python bench/letters_accuracy.py --blind
	$(BIN)/python bench/voice_digits.py
	$(BIN)/python bench/voice_calls.py
	$(BIN)/python bench/sms_throughput.py

# Persian IVR prompts (espeak-ng + sox, 8 kHz) + manifest, for Asterisk's sounds/fa; studio files are kept.
prompts: install
	$(BIN)/dargah voice prompts var/sounds/fa --only-missing

# The Persian Vosk model for `dargah voice` (DARGAH_VOSK_MODEL=var/models/vosk-model-small-fa-0.42); needs internet.
VOSK_FA := vosk-model-small-fa-0.42
models:
	@mkdir -p var/models
	@test -d var/models/$(VOSK_FA) || ( curl -fL -o var/models/$(VOSK_FA).zip https://alphacephei.com/vosk/models/$(VOSK_FA).zip \
		&& $(PYTHON) -m zipfile -e var/models/$(VOSK_FA).zip var/models/ && rm var/models/$(VOSK_FA).zip )
	@echo "DARGAH_VOSK_MODEL=$(CURDIR)/var/models/$(VOSK_FA)"

clean:
	rm -rf $(VENV) var .pytest_cache
