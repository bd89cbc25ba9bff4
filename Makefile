# Run `make` (or `make help`) to list the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV ?= .venv
PYTHON := $(VENV)/bin/python
RUFF := $(VENV)/bin/ruff
# Extra pytest arguments: make test ARGS="-k search -x"
ARGS ?=

export VENV

.PHONY: help run test load bench lint format services-start services-stop services-status opensearch-cluster messages clean

help: ## List the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  %-20s %s\n", $$1, $$2}'

run: ## Set up .venv, migrate, load demo content, serve on http://127.0.0.1:8000/ (PORT=...)
	scripts/run.sh

test: ## Lint, Django checks and pytest against private PostgreSQL + S3 + OpenSearch (ARGS="..." for pytest)
	scripts/test.sh $(ARGS)

load: ## Load scenario: 1,000 comments from 50 Locust users against the Procfile's web on PostgreSQL + S3 (ARGS="--users 10 --comments 100")
	scripts/load.sh $(ARGS)

bench: ## Page benchmark: uncached, cached in the app, through Varnish, nginx ceiling -> docs/benchmarks/pages.md (ARGS="--duration 10 --page home")
	scripts/bench.sh $(ARGS)

lint: | $(RUFF) ## ruff check + ruff format --check + djhtml --check (template indentation)
	$(RUFF) check .
	$(RUFF) format --check .
	$(VENV)/bin/djhtml --check templates

format: | $(RUFF) ## ruff format + ruff check --fix + djhtml (re-indents templates)
	$(RUFF) format .
	$(RUFF) check --fix .
	$(VENV)/bin/djhtml templates

services-start: | $(RUFF) ## Start the test PostgreSQL (127.0.0.1:54329), moto S3 (:59000) and OpenSearch (:59200, needs a JDK + Maven)
	scripts/services.sh start

services-stop: ## Stop the test services
	scripts/services.sh stop

services-status: ## Show whether the test services run
	scripts/services.sh status

opensearch-cluster: ## Demo: 3-node OpenSearch cluster on 127.0.0.1:59210-59212, index + search through each node, stop
	scripts/opensearch-cluster.sh

messages: | $(PYTHON) ## Extract UI strings (needs gettext), regenerate sr_Latn from sr_Cyrl, compile .mo
	$(PYTHON) manage.py makemessages -l sr_Cyrl -l en --ignore=.venv --ignore=.services --ignore=static --ignore=tests
	$(PYTHON) manage.py build_catalogues

clean: ## Stop the services, delete .services/ (test database, media) and caches
	scripts/services.sh destroy
	rm -rf .services .pytest_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

# Bootstrap the virtualenv when a target needs it and it is missing
# (scripts/run.sh and scripts/test.sh keep it up to date with the requirements).
$(PYTHON):
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -r requirements.txt

# ruff stands in for everything in requirements-dev.txt (moto_server, pytest, ...).
$(RUFF): | $(PYTHON)
	$(PYTHON) -m pip install -r requirements-dev.txt
