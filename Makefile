# Every target bootstraps .venv from requirements.lock, so a fresh clone needs only Python 3.11+.
# The lock carries the sha256 hashes of every package; pip installs nothing whose hash differs.
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

# Wheels only: building a source package would run its code and fetch build tools that no hash covers.
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all:
# The extras that go into the one lock file (pyproject.toml names their packages).
LOCK_EXTRAS := --extra test --extra lint --extra lock --extra properdocs

.PHONY: serve build check test lint bench lock clean new-project new-beitrag schemas quellen-pruefen properdocs-vergleich

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.lock
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

## test: lint, then all tests, browser tests included (needs Debian's chromium at /usr/bin/chromium)
test: lint
	$(PY) -m pytest

## lint: zizmor on the GitHub workflows (offline), ruff on the Python code
lint: $(STAMP)
	$(VENV)/bin/zizmor --offline --quiet .github/
	$(VENV)/bin/ruff check hooks/ bench/ tests/

## quellen-pruefen: every external link in content/ and docs/ answers? (needs internet; never fails the build)
quellen-pruefen: $(STAMP)
	$(PY) -m ogi quellen-pruefen

## properdocs-vergleich: build with MkDocs and with ProperDocs, then compare both sites file by file
properdocs-vergleich: $(STAMP)
	rm -rf .site-mkdocs .site-properdocs
	$(VENV)/bin/mkdocs build --strict --quiet --site-dir .site-mkdocs
	$(VENV)/bin/properdocs build --strict --quiet --config-file mkdocs.yml --site-dir .site-properdocs
	$(PY) -m ogi seiten-vergleichen .site-mkdocs .site-properdocs

## bench: benchmark table into bench/results.md
bench: $(STAMP)
	$(PY) -m bench

## lock: re-pin requirements.lock with hashes after editing pyproject.toml (UPGRADE=1: newest versions of all)
# pip-compile keeps the pins already in the lock unless pyproject.toml or UPGRADE=1 asks for others.
lock: $(STAMP)
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links $(LOCK_EXTRAS) $(if $(UPGRADE),--upgrade) \
		--output-file requirements.lock pyproject.toml

clean:
	rm -rf site .site-new .site-old .site-mkdocs .site-properdocs .pytest_cache
