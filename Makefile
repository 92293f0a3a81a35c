# re@di Portal – the two commands: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: demo test install lint security format e2e clean bench bench-weight bench-pages bench-fanout bench-search bench-submit bench-appointments bench-vereine bench-sensors bench-efiles bench-invoices bench-load

$(VENV)/.installed: pyproject.toml requirements/constraints.txt
	@test -x $(PY) || $$(bin/find-python) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements/constraints.txt -e '.[test,s3]'
	@touch $@

install: $(VENV)/.installed

## Set everything up and run the demo on http://localhost:8000/ (SQLite, no services)
demo: install
	$(VENV)/bin/redi demo --port $(PORT)

## Run the whole test suite (browser tests need Debian's chromium: apt-get install chromium)
test: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(VENV)/bin/pytest $(PYTEST_ARGS)

e2e: install
	DJANGO_SETTINGS_MODULE=portal.settings.test $(VENV)/bin/pytest tests/e2e $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## Static security checks (issue #12): ruff's bandit rules (in `lint`) and our semgrep rules
## (.semgrep/, checked against their own examples first). semgrep lives in a venv of its own.
SEMGREP_VENV ?= .venv-semgrep
$(SEMGREP_VENV)/bin/semgrep:
	@test -x $(SEMGREP_VENV)/bin/python || $$(bin/find-python) -m venv $(SEMGREP_VENV)
	$(SEMGREP_VENV)/bin/pip install --quiet "semgrep>=1.185"

security: install $(SEMGREP_VENV)/bin/semgrep
	$(VENV)/bin/ruff check --select S .
	$(SEMGREP_VENV)/bin/semgrep scan --test --config .semgrep/redi.yml .semgrep/redi.py --metrics=off --disable-version-check
	$(SEMGREP_VENV)/bin/semgrep scan --config .semgrep/redi.yml --metrics=off --disable-version-check --error --exclude .semgrep --exclude tests --exclude bench -q .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf var/

## Every benchmark, one table, on PostgreSQL + Redis + Mosquitto (issue #11): see bench/README.md
## e.g. make bench BENCH_ARGS="--quick"  or  BENCH_ARGS="--only search,invoices --strict"
bench: install
	$(PY) bench/all.py $(BENCH_ARGS)

## Page weight in Chromium + SQL queries per page (issue #3; what `make bench` ran before #11)
bench-weight: install
	$(PY) bench/run.py

## HTTP: nginx static, page-cache hit, Varnish, uncached home, bare Wagtail starter (issue #11)
bench-pages: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/redi} REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/10} $(PY) bench/pages.py $(BENCH_ARGS)

## WebSocket fan-out of the channel layers (issue #11)
bench-fanout: install
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/10} $(PY) bench/fanout.py $(BENCH_ARGS)

## Search benchmark on PostgreSQL (drops and creates the database redi_search_bench)
bench-search: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/redi} $(VENV)/bin/python bench/search.py

## Online applications on PostgreSQL, 8 clients (issue #5): see bench/README.md
bench-submit: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/redi} $(PY) bench/submit.py

## Appointments on PostgreSQL: the race for the last place, free-slot speed (issue #6)
bench-appointments: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/redi} $(PY) bench/appointments.py

## Vereinsportal on PostgreSQL: 640 clubs, 5,000 events in one town (issue #7)
bench-vereine: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/redi_bench_vereine} $(PY) bench/vereine.py

## Sensorik on PostgreSQL + Redis + Mosquitto: HTTP/MQTT ingest, WebSocket fan-out, chart (issue #8)
bench-sensors: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/redi} $(PY) bench/sensors.py $(BENCH_ARGS)

## E-Akte on PostgreSQL: 10,000 files / 100,000 documents, list and search, parallel Aktenzeichen (issue #9)
bench-efiles: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/redi_bench_efiles} $(PY) bench/efiles.py $(BENCH_ARGS)

## Rechnungslauf: read + validate the 86 official XRechnung instances (issue #10), no database
bench-invoices: install
	$(PY) bench/invoices.py $(BENCH_ARGS)

## 50 concurrent mixed users for 60 s against 2 workers behind nginx (issue #12)
bench-load: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/redi} REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/10} $(PY) bench/load.py $(BENCH_ARGS)
