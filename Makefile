# The two commands: `make demo` and `make test`. Both set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint i18n schemas bench clean

# pip's warnings are left out (-qq): a package index that lists a folder it does not have makes
# one warning line per package; its errors still show.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --quiet -e '.[dev]'
	touch $(STAMP)

# The example collective was written as of this day; checking it later would count the months
# after it as months without contributions.
EXAMPLE_AS_OF := 2026-11-26

demo: $(STAMP)
	$(BIN)/collectif check --repo data/example --as-of $(EXAMPLE_AS_OF); status=$$?; [ $$status -le 1 ]

lint: $(STAMP)
	$(BIN)/ruff check collectif tests bench
	$(BIN)/ruff format --check collectif tests bench
	$(BIN)/mypy collectif

# With the coverage of collectif and its floor: 95.9 % measured on 2026-12 (rounded down to a
# multiple of 5). Hypothesis runs its thorough profile when CI is set (tests/conftest.py).
# The HTML report is opened in a real browser: Debian's chromium, installed here when apt-get
# can; without one, those tests are skipped and say why (-rs).
test: $(STAMP) lint
	command -v chromium >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 \
		|| (apt-get update -q && apt-get install -y -q chromium) \
		|| echo "chromium could not be installed: the browser tests will be skipped"
	$(BIN)/pytest -q -rs -n auto --cov=collectif --cov-report=term-missing:skip-covered --cov-fail-under=95

i18n: $(STAMP)
	$(BIN)/python -m collectif.i18n.catalog

schemas: $(STAMP)
	$(BIN)/collectif schema --out schemas

# The example, the small set and the CAE-scale set (a few minutes); BENCH="--runs 5" etc. adds options.
# BENCH=--staged-only: only the pre-commit hook's `check --staged` on the example, next to a bare
# `python -c pass` (seconds).
bench: $(STAMP)
	$(BIN)/python bench/bench.py --example --large $(BENCH)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .coverage
