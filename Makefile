# Set-up and checks for the Customs Refund Workbench. Everything installs into .venv from
# pyproject.toml, so a fresh clone needs only Python 3.11 and make.

VENV := .venv
BIN := $(VENV)/bin
AS_OF := 2026-12-04
DEMO := reports/demo

.PHONY: venv demo test browser clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (workbench)" >/dev/null
	touch $@

venv: $(VENV)/.installed

# The main job on the sample data: triage notebook (CAPE files, exceptions, summary, HTML report).
demo: venv
	$(BIN)/workbench run notebooks/01_cape_triage.ipynb --out $(DEMO)/triage -p as_of $(AS_OF)
	@echo
	@echo "Demo outputs:"
	@echo "  triage, declarations, exceptions, summary: $(DEMO)/triage/"
	@echo "  HTML report: $(DEMO)/triage/01_cape_triage.html"

# Debian's Chromium for the browser test of the marimo app (needs root; skipped otherwise).
browser:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } || echo "chromium not installed: the browser test will be skipped"

test: venv browser
	$(BIN)/pytest --nbval --nbval-sanitize-with notebooks/sanitize.cfg tests workbench notebooks

clean:
	rm -rf $(VENV) reports/demo .pytest_cache
