SHELL := /bin/bash
# The two commands a newcomer needs: `make build` and `make test`.
# Both set up everything first: a virtual environment in .venv with the pinned
# packages, and (for the tests) Chromium and axe-core.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE := site
AXE := node_modules/axe-core/axe.min.js
# Lighthouse, for the benchmarks only: its own package-lock.json, never installed by `make test`.
LIGHTHOUSE := benchmarks/lighthouse/node_modules/lighthouse/cli/index.js
export NO_MKDOCS_2_WARNING := 1
# Which builder `make build` runs: mkdocs (the release builder, pinned in requirements.txt)
# or properdocs (the maintained fork of MkDocs 1.x, requirements-properdocs.txt; README, "Builders").
BUILDER ?= mkdocs
ifeq ($(BUILDER),mkdocs)
BUILDER_DEPS :=
else ifeq ($(BUILDER),properdocs)
BUILDER_DEPS := $(VENV)/.properdocs-deps
else
$(error BUILDER=$(BUILDER) is not a builder the kit supports: use BUILDER=mkdocs (the default) or BUILDER=properdocs)
endif

.PHONY: build check release test test-fork fuzz lint serve bench bench-web zensical-trial compare-builders word-lists spanish-words lock clean

# Build the site and PDF into a fresh folder and swap it in only when the
# strict build succeeded, so a failed build never leaves a half-made site/
# (and leaves no temporary folder behind either, also when Ctrl-C interrupts it).
build: $(VENV)/.build-deps $(BUILDER_DEPS)
	rm -rf .site-new
	trap 'rm -rf .site-new; exit 130' INT TERM HUP; \
	  PYTHONPATH="$(CURDIR)" $(BIN)/$(BUILDER) build --strict --site-dir .site-new || { rm -rf .site-new; exit 1; }
	rm -rf $(SITE) && mv .site-new $(SITE)
	@echo "Built $(SITE)/: open $(SITE)/index.html through a local server, or run 'make serve'."

# The same site from ProperDocs: build it and compare every file but the PDFs with site/
# from `make build` (the PDFs are made from the print page, which is compared; WeasyPrint's
# output is not byte-reproducible anyway); only the generator tag may differ. .ci/run runs it.
compare-builders: $(VENV)/.build-deps $(VENV)/.properdocs-deps
	@test -d $(SITE) || { echo "Run 'make build' first: this compares its $(SITE)/ with ProperDocs' build."; exit 1; }
	rm -rf .site-properdocs
	PYTHONPATH="$(CURDIR)" $(BIN)/properdocs build --strict --quiet --site-dir .site-properdocs || { rm -rf .site-properdocs; exit 1; }
	$(BIN)/python scripts/compare_builders.py $(SITE) .site-properdocs; status=$$?; rm -rf .site-properdocs; exit $$status

# Every source check (wording, review dates, reading grades, descriptions, settings)
# on docs/ without building: the same messages as the build, for commits and CI.
check: $(VENV)/.build-deps
	$(BIN)/python -m kit check

# Record the next version of the health content (EDITING.md, "Release a new version"):
# `make release NOTE="Sun advice rewritten"` builds the site strictly as that version, keeps
# its PDFs byte for byte in archive/v<N>/ and adds the version to archive/releases.yml.
# The note is read from the environment, never expanded by make. Then commit archive/.
release: $(VENV)/.build-deps
	@test -n "$$NOTE" || { echo 'Say what changed: make release NOTE="Sun advice rewritten"'; exit 1; }
	PYTHONPATH="$(CURDIR)" $(BIN)/python -m kit.release --note "$$NOTE"

# The test files run in parallel, one worker per core, a whole file per worker at a time (pytest-xdist):
# a file's module fixtures and browser tabs stay in one process. Plain `.venv/bin/pytest` runs in one.
test: lint $(AXE)
	scripts/ensure-chromium.sh
	$(BIN)/python -m pytest --numprocesses=auto --dist=loadfile

# The fork matrix (tests/forkmatrix.py): fresh copies of the project made into three other clinics' sites
# (a British clinic in live mode; one that renames, removes and moves pages; one that adds pages and a nav
# section), each built strictly and passing the site tests (`pytest -m site`). CI runs it after `make test`.
test-fork: $(VENV)/.test-deps $(AXE)
	scripts/ensure-chromium.sh
	$(BIN)/python tests/forkmatrix.py

# Random exploration of the property-based tests (the suite itself always draws the same examples:
# tests/conftest.py): rounds of fresh random examples, as long as asked, stopping at the first failure.
# Add the falsifying example it prints to its test as an `@example(...)`. `make fuzz FUZZ_SECONDS=600`;
# one file only: `make fuzz FUZZ_ARGS=tests/test_termcheck.py` (the hostile-strings tests build a site per example).
FUZZ_SECONDS ?= 120
FUZZ_ARGS ?=
fuzz: $(VENV)/.test-deps
	@end=$$(( SECONDS + $(FUZZ_SECONDS) )); round=0; \
	while (( SECONDS < end )); do \
	  round=$$(( round + 1 )); echo "fuzz round $$round ($$(( end - SECONDS )) s left)"; \
	  $(BIN)/python -m pytest -q -m hypothesis --hypothesis-profile=fuzz --hypothesis-show-statistics -p no:cacheprovider $(FUZZ_ARGS) || exit 1; \
	done

# Lint, format and type checks on the kit's own code (pyproject.toml configures them).
lint: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Live preview for editors at http://127.0.0.1:8000/microneedling/. Not strict, so a
# typo is reported in the terminal without stopping the preview.
serve: $(VENV)/.build-deps
	$(BIN)/mkdocs serve --livereload --no-strict

# Every benchmark (long: the web one alone takes about 6 minutes). One by name:
# `make bench-web`, or `.venv/bin/python -m benchmarks web` (also termcheck, pdf).
bench: $(VENV)/.test-deps $(LIGHTHOUSE)
	scripts/ensure-chromium.sh
	$(BIN)/python -m benchmarks

# The kit against bare Material in Lighthouse 12 (benchmarks/web.py, benchmarks/README.md).
bench-web: $(VENV)/.test-deps $(LIGHTHOUSE)
	scripts/ensure-chromium.sh
	$(BIN)/python -m benchmarks web

# Build the kit with Zensical (Material's successor) in its own venv, beside MkDocs,
# and print which features survive (README, "Zensical"). MkDocs stays the release builder.
zensical-trial: $(VENV)/.test-deps
	$(BIN)/python -m benchmarks.zensical_trial

# Remake kit/wording/words/medicines.txt and conditions.txt from the US FDA and CDC lists (public domain),
# downloaded with pip as pinned in scripts/derive_word_lists.py; README "Where the word lists come from".
word-lists: $(VENV)/.build-deps
	$(BIN)/python scripts/derive_word_lists.py

# Remake kit/wording/words/es-words.txt.gz from pyspellchecker's Spanish lists (MIT): the installed
# version's headwords and 0.7.3's forms in use (downloaded with pip); kit/wording/words/README.md.
spanish-words: $(VENV)/.build-deps
	rm -rf .pyspellchecker-0.7.3
	$(BIN)/pip download -q --no-deps pyspellchecker==0.7.3 -d .pyspellchecker-0.7.3
	PYTHONPATH="$(CURDIR)" $(BIN)/python scripts/derive_spanish_words.py .pyspellchecker-0.7.3/pyspellchecker-0.7.3-py3-none-any.whl
	rm -rf .pyspellchecker-0.7.3

# Re-pin every package after changing requirements.in or requirements-test.in.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q -r requirements.in
	{ echo "# Generated by 'make lock' from requirements.in: every package the build installs, pinned."; \
	  .lock-venv/bin/pip freeze --all | grep -v '^pip=='; } > requirements.txt
	.lock-venv/bin/pip install -q -r requirements-test.in
	{ echo "# Generated by 'make lock' from requirements-test.in: what the tests add, pinned."; \
	  echo "-r requirements.txt"; \
	  .lock-venv/bin/pip freeze --all | grep -v '^pip==' | grep -vxFf <(tail -n +2 requirements.txt); } > requirements-test.txt
	rm -rf .lock-venv

clean:
	rm -rf $(SITE) .site-new .site-properdocs $(VENV) .zensical-venv .pytest_cache node_modules benchmarks/lighthouse/node_modules test-results

# axe-core, the accessibility rules the browser tests run inside each page:
# from the npm registry, exactly as package-lock.json pins it (version and hash).
$(AXE): package.json package-lock.json
	scripts/ensure-npm.sh
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

$(LIGHTHOUSE): benchmarks/lighthouse/package.json benchmarks/lighthouse/package-lock.json
	scripts/ensure-npm.sh
	cd benchmarks/lighthouse && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
	  { echo "Python 3.11 or newer is needed; found $$($(PYTHON) --version 2>&1). Set PYTHON=python3.11 (or newer)."; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.build-deps: requirements.txt $(VENV)/.kit-on-path | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

# mkdocs.yml names the kit's Markdown extension (kit.web.markdown_ext), which MkDocs imports
# before it loads hooks.py: a .pth file puts the project on the venv's import path (for
# `.venv/bin/mkdocs` run by hand and `make serve`). It names the folder that holds the venv,
# never the folder make runs in: a copy of the project built with another checkout's venv
# (VENV=...) cannot point that venv at itself. `make build` also sets PYTHONPATH, so each
# project builds with its own kit/ whichever venv it borrows.
$(VENV)/.kit-on-path: | $(BIN)/python
	$(BIN)/python -c 'import site, sys; open(site.getsitepackages()[0] + "/clinic-kit.pth", "w").write(sys.argv[1] + "\n")' "$(abspath $(VENV)/..)"
	touch $@

$(VENV)/.properdocs-deps: requirements-properdocs.txt $(VENV)/.build-deps
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-properdocs.txt
	touch $@

$(VENV)/.test-deps: requirements-test.txt $(VENV)/.build-deps
	$(BIN)/python -m pip install --disable-pip-version-check -q -r requirements-test.txt
	touch $@
