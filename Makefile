PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds --out exports
	$(BIN)/kg query who-met-whom --graph exports/diplomacy.ttl

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check kg tests benchmarks

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks

clean:
	rm -rf $(VENV) exports/*.ttl exports/*.trig exports/*.html test-artifacts
