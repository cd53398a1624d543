# Two commands on a fresh machine: `make run` and `make test`. Each sets itself up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup run test eval bench bench-validation bench-fuzz bench-scale bench-cluster clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/newsfacts run seeds/

# The data-quality report of a scratch warehouse built from seeds/ goes into the log (and
# data/reports/); the test suite runs last so that its summary closes the log.
test: setup
	rm -f data/ci-warehouse.duckdb
	$(BIN)/newsfacts run seeds/ --db data/ci-warehouse.duckdb
	$(BIN)/newsfacts dq --db data/ci-warehouse.duckdb --out data/reports
	$(BIN)/pytest

clean:
	rm -rf data/ .pytest_cache

eval: setup
	$(BIN)/python -m evaluation.evaluate

bench: setup
	$(BIN)/python -m evaluation.bench

# What the Great Expectations gate adds to whole runs: on seeds/, or with DOCS=2000 on a corpus that size.
bench-validation: setup
	$(BIN)/python -m evaluation.bench validation $(DOCS)

# How runs scale: documents, words/s against bare spaCy, peak memory, per corpus size (a table and a
# chart in data/bench/); SIZES=1000,2000,5000 picks the sizes, CORPUS=pages (or clean) one corpus.
# Installs its chart library first.
bench-scale: setup
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[bench]"
	$(BIN)/python -m evaluation.bench_scale $(SIZES) $(if $(CORPUS),--corpus $(CORPUS))

bench-cluster: setup
	$(BIN)/python -m evaluation.bench_scale --cluster $(SIZE)

# The fuzz suite at five times the inputs and four times the sizes, then peak memory on huge inputs.
bench-fuzz: setup
	NEWSFACTS_FUZZ_INPUTS=$${NEWSFACTS_FUZZ_INPUTS:-5000} NEWSFACTS_FUZZ_SCALE=$${NEWSFACTS_FUZZ_SCALE:-4} \
		$(BIN)/pytest -q tests/test_fuzz.py
	$(BIN)/python -m evaluation.bench memory
