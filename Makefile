# The two set-up commands of the README. Each creates .venv and installs what it needs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast bench corpus model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,parquet]"
	touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/cluster-ner extract examples/sample.txt

test: $(STAMP)
	$(PY) -m pytest -q

test-fast: $(STAMP)
	$(PY) -m pytest -q -m "not slow"

corpus: $(STAMP)
	$(PY) scripts/build_corpus.py

# Retrain the shipped model (packaged config, seed 0: the same weights every time).
model: $(STAMP)
	rm -rf src/cluster_ner/models/pipeline
	$(VENV)/bin/cluster-ner train corpus/train.jsonl --dev corpus/dev.jsonl -o src/cluster_ner/models/pipeline

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
