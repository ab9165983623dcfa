# Every target creates .venv itself, so each works on a fresh clone with only Python >= 3.11.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
DEMO_DB ?= $(CURDIR)/demo.db

.PHONY: run test lint demo screenshots bench reliability clean

# One line per step; the installer's own output goes to $(VENV)/install.log and is shown
# only if it fails.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || { echo "creating $(VENV)…"; $(PYTHON) -m venv $(VENV); }
	@echo "installing pursuit and its dependencies (about 30 s the first time)…"
	@{ $(BIN)/python -m pip install --quiet --upgrade pip \
	  && $(BIN)/python -m pip install --quiet -e '.[test,dev]'; } > $(VENV)/install.log 2>&1 \
	  || { cat $(VENV)/install.log; echo "the install failed; its log is $(VENV)/install.log"; exit 1; }
	@rm -f $(VENV)/.installed-*
	@touch $@
	@echo "installed"

install: $(STAMP)

run: $(STAMP)
	$(BIN)/pursuit

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/pursuit --db $(DEMO_DB) demo
	$(BIN)/pursuit --db $(DEMO_DB)

screenshots: $(STAMP)
	$(BIN)/python scripts/screenshots.py

bench: $(STAMP)
	$(BIN)/python bench/run.py

reliability: $(STAMP)
	$(BIN)/python scripts/reliability.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
