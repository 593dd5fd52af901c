# En väg in – the two set-up commands are `make run` and `make test`; the rest is listed by `make help`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
OPENSEARCH_PORT ?= 9200
export OPENSEARCH_PORT

.PHONY: install help run run-search test lint check search-node search-node-stop bench messages clean

help:
	@echo "make run          – install, migrate, load the demo county and serve on http://$(HOST):$(PORT) (SQLite)"
	@echo "make test         – the whole test suite (starts a local OpenSearch node when OPENSEARCH_URL is unset)"
	@echo "make run-search   – as make run, with a local OpenSearch node"
	@echo "make search-node / search-node-stop – start or stop the local OpenSearch node"
	@echo "make lint         – ruff"
	@echo "make messages     – add new UI strings to the .po files (translations kept) and compile them"

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[test]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --if-empty
	$(MANAGE) setup_editors
	$(MANAGE) ensure_superuser
	$(MANAGE) runserver $(HOST):$(PORT)

run-search: $(STAMP) search-node
	OPENSEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT) $(MANAGE) migrate --noinput
	OPENSEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT) $(MANAGE) load_demo --if-empty
	OPENSEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT) $(MANAGE) setup_editors
	OPENSEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT) $(MANAGE) search_rebuild
	OPENSEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT) $(MANAGE) ensure_superuser
	OPENSEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT) $(MANAGE) runserver $(HOST):$(PORT)

test: $(STAMP)
	$(PY) tools/search_node run-tests -- $(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

check: $(STAMP)
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

search-node: $(STAMP)
	$(PY) tools/search_node start

search-node-stop:
	$(PY) tools/search_node stop

bench: $(STAMP)
	$(PY) tools/search_node run-tests -- $(PY) benchmarks/run.py $(BENCH_ARGS)

messages: $(STAMP)
	$(MANAGE) makemessages -l sv -l en -l ar --no-wrap --no-location --ignore=.venv --ignore=.cache --ignore=tests --ignore=tools
	$(MANAGE) compilemessages --ignore=.venv --ignore=.cache

clean:
	rm -rf $(VENV) .cache/test-media
