# En väg in – the two set-up commands are `make run` and `make test`; the rest is listed by `make help`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
# The Nu Html Checker and IBM Equal Access for the browser tests, from the npm registry (tools/checkers.py).
CHECKERS := .cache/checkers/.fetched
HOST ?= 127.0.0.1
PORT ?= 8000
OPENSEARCH_PORT ?= 9200
export OPENSEARCH_PORT

.PHONY: install help run run-search stack stack-manage mail test lint check search-node search-node-stop bench bench-pages bench-index messages clean

help:
	@echo "make run          – install, migrate, load the demo county; serve on http://$(HOST):$(PORT) with SQLite,"
	@echo "                    the local OpenSearch node (when Java is there), the task worker and the scheduler"
	@echo "make stack        – the production topology on this machine: PostgreSQL, Redis, OpenSearch, gunicorn,"
	@echo "                    task workers, scheduler and an SMTP server that keeps every message (make mail)"
	@echo "make mail         – list the messages the stack's SMTP server received"
	@echo "make stack-manage ARGS=…  – manage.py against the running stack (e.g. ARGS=createsuperuser)"
	@echo "make test         – the whole test suite (starts a local OpenSearch node when OPENSEARCH_URL is unset)"
	@echo "make search-node / search-node-stop – start or stop the local OpenSearch node"
	@echo "make bench        – search benchmark (with a local node), then page speed under gunicorn"
	@echo "make bench-pages  – page speed only: every page type, uncached and cached, 1 and 10 clients"
	@echo "make bench-index  – suggestions per keystroke and search_rebuild of a 50,000-page county, with a local node"
	@echo "make lint         – ruff"
	@echo "make messages     – add new UI strings to the .po files (translations kept) and compile them"

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[test]"
	touch $(STAMP)

$(CHECKERS): tools/checkers.py
	$(PY) tools/checkers.py fetch $(if $(filter 1,$(REQUIRE_SEARCH_ENGINE)),,--optional)
	@test ! -f .cache/checkers/vnu.jar || touch $(CHECKERS)

install: $(STAMP) $(CHECKERS)

run: $(STAMP)
	HOST=$(HOST) PORT=$(PORT) $(PY) tools/run.py dev

# The old name of `make run` (which now starts the node itself).
run-search: run

stack: $(STAMP)
	PORT=$(PORT) $(PY) tools/run.py stack

stack-manage: $(STAMP)
	$(PY) tools/run.py stack-manage $(ARGS)

mail: $(STAMP)
	$(PY) tools/mailcatcher.py list

test: $(STAMP) $(CHECKERS)
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
	$(PY) tools/search_node run-tests -- $(PY) benchmarks/query_cost.py --synthetic 50000 $(BENCH_COST_ARGS)
	$(PY) benchmarks/pages.py $(PAGE_BENCH_ARGS)
	$(PY) benchmarks/pages.py --large-county $(PAGE_BENCH_ARGS)

bench-pages: $(STAMP)
	$(PY) benchmarks/pages.py $(PAGE_BENCH_ARGS)

bench-index: $(STAMP)
	$(PY) tools/search_node run-tests -- $(PY) benchmarks/index.py $(BENCH_ARGS)

messages: $(STAMP)
	$(MANAGE) makemessages -l sv -l en -l ar --no-wrap --no-location --ignore=.venv --ignore=.cache --ignore=tests --ignore=tools
	$(MANAGE) compilemessages --ignore=.venv --ignore=.cache

clean:
	rm -rf $(VENV) .cache/test-media
