# Two commands: `make run` opens the app, `make test` runs every test.
# Both create the virtual environment in .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench demo clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/okrcoach

demo: $(STAMP)
	$(BIN)/okrcoach demo

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy src/okrcoach/coach src/okrcoach/domain src/okrcoach/services src/okrcoach/store
	$(BIN)/python -m pytest -n auto -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy src/okrcoach/coach src/okrcoach/domain src/okrcoach/services src/okrcoach/store

bench: $(STAMP)
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/coach_eval.py
	$(BIN)/python bench/export_csv.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
