# Two entry points for a fresh machine (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test golden lint browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/minutes-checker check corpus/rendered/aarhus-2023-byraad-fuldt-moede.pdf --no-fail

browser:
	@scripts/ensure-chromium

test: $(STAMP) browser
	$(BIN)/ruff check minutes_checker tests benchmarks corpus
	$(BIN)/python -m pytest -n auto --dist loadfile

golden: $(STAMP)
	GOLDEN=all $(BIN)/python -m pytest -n auto --dist loadfile tests/test_golden.py

lint: $(STAMP)
	$(BIN)/ruff check minutes_checker tests benchmarks corpus

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
