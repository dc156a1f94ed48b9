# Two commands that work on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test test-all wheel-smoke bench lint clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[app,distributed,dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/kondusif run scenarios/kutim_2024.toml --seed 1 --out out/demo

# -n auto: one test process per core (pytest-xdist); every test has its own folders and ports
test: $(STAMP)
	$(PY) -m pytest -q -n auto

test-all: $(STAMP)
	$(PY) -m pytest -q -n auto --runslow

# build the wheel, install it into a fresh venv, run the main commands from an empty folder
wheel-smoke: $(STAMP)
	bash .ci/wheel-smoke

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

lint: $(STAMP)
	$(VENV)/bin/ruff check sim tests benchmarks

clean:
	rm -rf out .pytest_cache .hypothesis
