# DanVan — two commands: `make run` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
TEST_DATABASE_URL_PG ?= postgres://postgres@127.0.0.1:5432/postgres
PYTEST_ARGS ?=
SCALE ?= demo
DB ?= sqlite
SCENARIO ?= end_of_period

.PHONY: run setup test lint typecheck migrations-check test-sqlite test-pg fuzz bench loadtest clean

$(VENV)/.base: requirements/base.lock
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements/base.lock
	@touch $@

$(VENV)/.dev: requirements/dev.lock $(VENV)/.base
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements/dev.lock
	@touch $@

## make run: environment, database, real territory, demo data, web server and task worker.
setup: $(VENV)/.base
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_territory
	$(PY) manage.py load_demo
	$(PY) manage.py collectstatic --no-input -v 0

run: setup
	PORT=$(PORT) scripts/run-site $(PY)

## make test: lint, types, migrations, the suite on SQLite and (when reachable) PostgreSQL.
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.dev
	$(VENV)/bin/mypy config danvan

migrations-check: $(VENV)/.dev
	DATABASE_URL=sqlite:///:memory: $(PY) manage.py makemigrations --check --dry-run

test-sqlite: $(VENV)/.dev
	DATABASE_URL=sqlite:///var/test.sqlite3 $(PY) -m pytest $(PYTEST_ARGS)

test-pg: $(VENV)/.dev
	@if $(PY) scripts/pg-reachable "$(TEST_DATABASE_URL_PG)"; then \
	  echo "PostgreSQL reachable: running the suite on it"; \
	  DATABASE_URL="$(TEST_DATABASE_URL_PG)" $(PY) -m pytest $(PYTEST_ARGS); \
	else echo "PostgreSQL not reachable at $(TEST_DATABASE_URL_PG): skipped"; fi

test: lint typecheck migrations-check test-sqlite test-pg

## make fuzz: the API property run with many examples per operation (make test runs 3)
fuzz: $(VENV)/.dev
	DATABASE_URL=sqlite:///var/test-fuzz.sqlite3 DANVAN_FUZZ_EXAMPLES=$${EXAMPLES:-100} $(PY) -m pytest danvan/core/tests/test_api_fuzz.py -p no:randomly -q

$(VENV)/.bench: requirements/bench.lock $(VENV)/.dev
	$(PY) -m pip install -q --disable-pip-version-check --require-hashes --no-deps -r requirements/bench.lock
	@touch $@

## make bench SCALE=demo|province|national DB=sqlite|pg: benchmarks against their baselines (bench/results/)
bench: $(VENV)/.dev
	$(PY) -m bench.run --scale $(SCALE) --db $(DB)

## make loadtest SCALE=… SCENARIO=end_of_period|dashboards: locust against gunicorn + db_worker
## on PostgreSQL, 127.0.0.1 only (USERS, DURATION, WORKERS…: see bench/loadtest.sh)
loadtest: $(VENV)/.bench
	SCALE=$(SCALE) SCENARIO=$(SCENARIO) PY=$(PY) bench/loadtest.sh

clean:
	rm -rf $(VENV) var/*.sqlite3* staticfiles
