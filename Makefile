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
# The local backend of the editing page (decap-server): reads and writes this working copy, on 127.0.0.1 only.
FORMULARE_PORT ?= 8081
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)

# The editing page's local backend from npm, exactly as package-lock.json pins it (integrity hashes); no install
# scripts run. Only `make serve` and the browser tests need it; `make build` does not.
NODE_STAMP := node_modules/.installed-$(shell sha1sum package-lock.json | cut -c1-12)

# Wheels only: building a source package would run its code and fetch build tools that no hash covers.
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary :all:
# The extras that go into the one lock file (pyproject.toml names their packages).
LOCK_EXTRAS := --extra test --extra lint --extra lock --extra properdocs

# `make` alone lists the commands (from the `## target: text` lines below).
.DEFAULT_GOAL := help
.PHONY: help serve build check test test-fast coverage lint bench lock clean new-project new-veranstaltung new-beitrag schemas quellen-pruefen properdocs-vergleich vergleich

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) -r requirements.lock
	rm -f $(VENV)/.installed-*; touch $@

$(NODE_STAMP): package-lock.json
	@command -v npm >/dev/null || { echo "npm fehlt: Node.js 20 mit npm installieren (für die Formulare unter /redaktion/bearbeiten/)"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	rm -f node_modules/.installed-*; touch $@

## help: zeigt diese Liste der Befehle
help:
	@sed -n 's/^## \([a-z-]*\): /\1\t/p' $(firstword $(MAKEFILE_LIST)) | awk -F'\t' '{printf "  make %-21s %s\n", $$1, $$2}'

## serve: baut die Website und zeigt sie unter http://127.0.0.1:8000 (PORT=8001: anderer Port), die Formulare unter /redaktion/bearbeiten/; lädt bei jeder Änderung neu
# decap-server runs beside the preview and ends with it; the forms save into this working copy (no commit).
# Without Node.js the preview runs all the same, only without the forms' local backend.
serve: $(STAMP)
	@$(PY) -m ogi port-pruefen $(PORT)
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory $(NODE_STAMP); \
	else echo "Ohne Node.js (npm) zeigt die Vorschau alles außer den Formularen unter /redaktion/bearbeiten/."; fi
	if [ -f $(NODE_STAMP) ]; then PORT=$(FORMULARE_PORT) BIND_HOST=127.0.0.1 MODE=fs GIT_REPO_DIRECTORY="$(CURDIR)" \
		LOG_LEVEL=warn node node_modules/decap-server/dist/index.js & trap 'kill $$!' EXIT; fi; \
	FORMULARE_PORT=$(FORMULARE_PORT) SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)/} \
		$(VENV)/bin/mkdocs serve --livereload --dev-addr 127.0.0.1:$(PORT)

## build: baut die Website streng nach site/; bei einem Fehler bleibt das bisherige site/ unverändert
build: $(STAMP)
	rm -rf .site-new
	$(VENV)/bin/mkdocs build --strict --site-dir .site-new
	rm -rf .site-old; if [ -d site ]; then mv site .site-old; fi; mv .site-new site; rm -rf .site-old

## check: prüft alle Inhaltsdateien (schnell; jeder Fehler mit Datei, Zeile und Feld)
check: $(STAMP)
	$(PY) -m ogi check

## new-project: neue Maßnahme aus einer Vorlage, z. B. make new-project TITEL="Neuer Park" KOMMUNE="Herne"
new-project: $(STAMP)
	$(PY) -m ogi new-project --titel "$$TITEL" --kommune "$$KOMMUNE" --slug "$$SLUG"

## new-veranstaltung: neue Veranstaltung content/<name>/tagung.yml, z. B. make new-veranstaltung TITEL="Netzwerktag 2022" DATUM=2022-09-15
new-veranstaltung: $(STAMP)
	$(PY) -m ogi new-veranstaltung --titel "$$TITEL" --tag "$$DATUM" --slug "$$SLUG"

## new-beitrag: neuer Beitrag einer Veranstaltung, z. B. make new-beitrag VERANSTALTUNG=tagung-2020 TITEL="Impuls: Stadtbäume" SESSION=fachtagung
new-beitrag: $(STAMP)
	$(PY) -m ogi new-beitrag --veranstaltung "$$VERANSTALTUNG" --titel "$$TITEL" --art "$${ART:-Vortrag}" --tag "$$TAG" --session "$$SESSION" --slug "$$SLUG"

## schemas: erzeugt schemas/*.schema.json neu aus den Modellen (danach einchecken)
schemas: $(STAMP)
	$(PY) -m ogi schemas

## test: prüft den Code (make lint), dann alle Tests, auch die Browser-Tests (braucht Debians chromium und npm)
# Two workers, each taking whole test files (the built sites are session fixtures, built once per worker);
# the tests on one of the other shared sites go together, so one worker builds each (tests/conftest.py).
test: lint $(NODE_STAMP)
	$(PY) -m pytest -n 2 --dist loadfile

## coverage: alle Tests wie make test, gemessen mit coverage (auch die Prozesse, die sie starten); zeigt, welcher Anteil von hooks/ und bench/ lief
# pyproject.toml [tool.coverage.*] holds the settings: patch = subprocess measures `python -m ogi` and `mkdocs build`,
# the paths map the tests' copies of the project back to hooks/ and bench/. The last run adds every module of
# hooks/ and bench/ (--source), so that one no process loads counts with 0 %. Failing tests still give a figure.
coverage: $(STAMP) $(NODE_STAMP)
	rm -f .coverage .coverage.*
	$(VENV)/bin/coverage run -m pytest -n 2 --dist loadfile; status=$$?; \
	$(VENV)/bin/coverage run --source=hooks,bench -m ogi --help >/dev/null && \
	$(VENV)/bin/coverage combine --quiet && $(VENV)/bin/coverage report && \
	echo "Abdeckung von hooks/ und bench/: $$($(VENV)/bin/coverage report --format=total) % der Anweisungen" && exit $$status

## test-fast: die schnellen Tests, ohne Browser und ohne mehrfache Builds
test-fast: $(STAMP)
	$(PY) -m pytest -m "not browser and not slow" -n 2

## lint: prüft die GitHub-Workflows (zizmor, offline) und den Python-Code (ruff, mypy)
lint: $(STAMP)
	$(VENV)/bin/zizmor --offline --quiet .github/
	$(VENV)/bin/ruff check hooks/ bench/ tests/
	$(VENV)/bin/ruff format --check hooks/ bench/ tests/
	$(VENV)/bin/mypy

## quellen-pruefen: prüft, ob jeder Link in content/ und docs/ antwortet (braucht Internet; bricht nie den Bau ab)
quellen-pruefen: $(STAMP)
	$(PY) -m ogi quellen-pruefen

## properdocs-vergleich: baut mit MkDocs und mit ProperDocs und vergleicht beide Websites Datei für Datei
properdocs-vergleich: $(STAMP)
	rm -rf .site-mkdocs .site-properdocs
	$(VENV)/bin/mkdocs build --strict --quiet --site-dir .site-mkdocs
	$(VENV)/bin/properdocs build --strict --quiet --config-file mkdocs.yml --site-dir .site-properdocs
	$(PY) -m ogi seiten-vergleichen .site-mkdocs .site-properdocs

## vergleich: baut die Website von ALT=<commit> und von HEAD mit denselben Inhalten und prüft, ob sie bytegleich sind
# Twice: on the shipped content (as of HEAD) and on the tests' fixture content.
vergleich: $(STAMP)
	@test -n "$(ALT)" || { echo "ALT=<commit> fehlt, z. B. make vergleich ALT=main"; exit 1; }
	$(PY) -m ogi commits-vergleichen $(ALT) HEAD --inhalt content
	$(PY) -m ogi commits-vergleichen $(ALT) HEAD --inhalt tests/fixtures/site/content

## bench: Messungen zu Bauzeit, Größe und Speicher nach bench/results.md (5–10 Minuten)
bench: $(STAMP)
	$(PY) -m bench

## lock: erneuert requirements.lock mit Prüfsummen nach einer Änderung in pyproject.toml (UPGRADE=1: neueste Versionen)
# pip-compile keeps the pins already in the lock unless pyproject.toml or UPGRADE=1 asks for others.
lock: $(STAMP)
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links $(LOCK_EXTRAS) $(if $(UPGRADE),--upgrade) \
		--output-file requirements.lock pyproject.toml

## clean: löscht die gebaute Website und Zwischendateien
clean:
	rm -rf site .site-new .site-old .site-mkdocs .site-properdocs .pytest_cache .coverage .coverage.*
