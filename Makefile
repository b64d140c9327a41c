# Set-up and checks for the Customs Refund Workbench. Everything installs into .venv from
# pyproject.toml, so a fresh clone needs only Python 3.11 and make.

VENV := .venv
BIN := $(VENV)/bin
AS_OF := 2026-12-04
DEMO := reports/demo

.PHONY: venv demo test browser notebooks clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (workbench)" >/dev/null
	touch $@

venv: $(VENV)/.installed

SAMPLE_TRIAGE := data_samples/es003_importer1.csv data_samples/es003_importer2.csv \
	data_samples/es003_importer3.csv --as-of $(AS_OF) --filer-code K9D \
	--protests data_samples/protests.csv --drawback data_samples/drawback_designations.csv \
	--rules data_samples/analyst_rules.yaml

# The main job on the sample data: the triage notebook writes the CAPE files, exceptions,
# summary and an HTML report; the refund value notebook reads that triage.
demo: venv
	$(BIN)/workbench run notebooks/01_cape_triage.ipynb --out $(DEMO)/triage -p as_of $(AS_OF)
	$(BIN)/workbench run notebooks/02_refund_value.ipynb --out $(DEMO)/estimate \
		-p triage_dir $(CURDIR)/$(DEMO)/triage
	@echo
	@echo "Demo outputs:"
	@echo "  triage, declarations, exceptions, summary: $(DEMO)/triage/"
	@echo "  HTML reports: $(DEMO)/triage/01_cape_triage.html, $(DEMO)/estimate/02_refund_value.html"

# The sample triage that the later notebooks read, made the same way as in the demo.
$(DEMO)/triage/summary.json: venv $(wildcard data_samples/*.csv data_samples/*.yaml)
	$(BIN)/workbench triage $(SAMPLE_TRIAGE) --out $(DEMO)/triage >/dev/null

# Debian's Chromium for the browser test of the marimo app (needs root; skipped otherwise).
browser:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium not installed: the browser test will be skipped"

test: venv browser $(DEMO)/triage/summary.json
	$(BIN)/pytest --nbval --nbval-sanitize-with notebooks/sanitize.cfg tests workbench notebooks

# Re-execute the stored notebooks on the sample data (their outputs are what nbval compares).
notebooks: venv $(DEMO)/triage/summary.json
	$(BIN)/python notebooks/refresh.py

clean:
	rm -rf $(VENV) reports/demo .pytest_cache
