PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# A plain path entry for the working tree (setuptools' compat mode): the default editable install adds an
	# import hook whose own imports cost every kg command about 10 ms at start-up, which an installed package
	# does not pay. setuptools calls the mode transitional: where it is gone, the default one.
	$(BIN)/python -m pip install --quiet --config-settings editable_mode=compat -e '.[dev]' \
		|| $(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds --out exports
	$(BIN)/kg query who-met-whom --graph exports/diplomacy.ttl

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check kg tests benchmarks

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks

# Everything kg build, kg export and kg view write into exports/ (and a build's leftover staging folders).
clean:
	rm -rf $(VENV) test-artifacts .exports.dipkg-build-*
	find exports -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
