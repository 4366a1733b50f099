# Every target bootstraps .venv from requirements.lock, so a fresh clone needs only Python 3.11+.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := hooks
# Reproducible output: every build of a commit carries that commit's date.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH
# Edit links point at the repository: REPO_URL from the environment, else the GitHub remote of this clone.
REPO_URL ?= $(shell git remote get-url origin 2>/dev/null | sed -E -e 's,^git@github\.com:,https://github.com/,' -e 's,\.git$$,,' | grep '^https://github\.com/')
export REPO_URL

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)

.PHONY: serve build check test bench lock clean new-project new-beitrag schemas

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	rm -f $(VENV)/.installed-*; touch $@

## serve: build and serve on http://127.0.0.1:8000 (PORT=8001 for another port) with live reload; content errors show on the page
serve: $(STAMP)
	@$(PY) -m ogi port-pruefen $(PORT)
	SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)/} $(VENV)/bin/mkdocs serve --livereload --dev-addr 127.0.0.1:$(PORT)

## build: strict build into site/; on any error the previous site/ stays as it was
build: $(STAMP)
	rm -rf .site-new
	$(VENV)/bin/mkdocs build --strict --site-dir .site-new
	rm -rf .site-old; if [ -d site ]; then mv site .site-old; fi; mv .site-new site; rm -rf .site-old

## check: validate all content files (fast; for editors and pre-commit)
check: $(STAMP)
	$(PY) -m ogi check

## new-project: a new measure from a template, e.g. make new-project TITEL="Neuer Park" KOMMUNE="Herne"
new-project: $(STAMP)
	$(PY) -m ogi new-project --titel "$$TITEL" --kommune "$$KOMMUNE" --slug "$$SLUG"

## new-beitrag: a new presentation, e.g. make new-beitrag TITEL="Impuls: Stadtbäume" SESSION=fachtagung ART=Impuls
new-beitrag: $(STAMP)
	$(PY) -m ogi new-beitrag --titel "$$TITEL" --art "$${ART:-Vortrag}" --tag "$$TAG" --session "$$SESSION" --slug "$$SLUG"

## schemas: rewrite schemas/*.schema.json from the models (commit the result)
schemas: $(STAMP)
	$(PY) -m ogi schemas

## test: all tests, browser tests included (needs Debian's chromium at /usr/bin/chromium)
test: $(STAMP)
	$(PY) -m pytest

## bench: benchmark table into bench/results.md
bench: $(STAMP)
	$(PY) -m bench

## lock: re-pin requirements.lock after editing pyproject.toml
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check ".[test]"
	.venv-lock/bin/pip freeze --exclude-editable | grep -v '^ogi-website' > requirements.lock
	rm -rf .venv-lock

clean:
	rm -rf site .site-new .site-old .pytest_cache
