# The developer loop of the SOP handbook. `make serve` and `make test` do all
# set-up on a fresh machine: virtualenv with pinned packages, pinned Mermaid
# from npm, Debian's chromium, nginx and apache2 for the browser tests.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Built into the package's theme (macros/sop_handbook/theme/), which every handbook's build copies.
THEME := macros/sop_handbook/theme
MERMAID_DIR := $(THEME)/assets/javascripts/mermaid
MERMAID_JS := $(MERMAID_DIR)/mermaid.js
IFRAME_WORKER := $(THEME)/assets/javascripts/iframe-worker.js
CHROMIUM ?= /usr/bin/chromium
# The web servers the tests publish the handbook on (tests/servers.py), as Debian ships them.
SERVERS := /usr/sbin/nginx /usr/sbin/apache2
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get
OFFLINE := offline/buku-pedoman-sop
ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
# KERTAS=F4: the forms print on F4 (folio) instead of A4 (the sop-handbook plugin's kertas option).
ifdef KERTAS
export SOP_KERTAS := $(KERTAS)
endif
# SITE_URL=http://intranet/sop/: the address the handbook is published at
# (mkdocs.yml's site_url), for its 404 page and the editions' "same page" switch.
ifdef SITE_URL
export SOP_SITE_URL := $(SITE_URL)
endif

.PHONY: setup serve build pdf offline test test-fast lint check sop-diff new-sop import publish preview-editions bench-search bench bench-import wheel wheelhouse clean

setup: $(STAMP) $(MERMAID_JS) $(IFRAME_WORKER)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/python -c 'import sysconfig, pathlib; (pathlib.Path(sysconfig.get_paths()["purelib"]) / "sop_handbook.pth").unlink(missing_ok=True)'
	# The generator itself, editable: its MkDocs plugin and console script, the code from macros/.
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --editable .
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# The handbook's Mermaid: one classic script with the diagram kinds the handbook
# draws (tools/build-mermaid.mjs, pinned esbuild over the pinned mermaid).
$(MERMAID_JS): node_modules/.package-lock.json tools/build-mermaid.mjs
	rm -rf $(MERMAID_DIR) docs/assets/javascripts/mermaid docs/assets/javascripts/mermaid.min.js  # and the Mermaid files of older checkouts
	node tools/build-mermaid.mjs $@

# The offline edition's search worker runs in an iframe (file:// has no workers):
# Material's offline plugin loads this shim, the site's own copy of the pinned one.
$(IFRAME_WORKER): node_modules/.package-lock.json
	cp node_modules/iframe-worker/shim/index.js $@

$(CHROMIUM):
	@echo "Installing Debian's chromium for the browser tests"
	$(APT_GET) update -qq
	$(APT_GET) install -y -qq chromium

# Only installed: the tests start their own servers on 127.0.0.1 with copies
# of the stock configuration; where the packages started theirs, they are stopped.
$(SERVERS) &:
	@echo "Installing Debian's nginx and apache2 for the publishing tests"
	$(APT_GET) update -qq
	$(APT_GET) install -y -qq nginx apache2
	-$(SUDO) systemctl disable --now nginx apache2 2>/dev/null

# FORMAT=github adds GitHub Actions annotations on the YAML lines.
check: $(STAMP)
	$(BIN)/python -m sop_handbook $(if $(FORMAT),--format $(FORMAT)) .

# What the working tree changes in the SOPs, in words (Markdown), against BASE
# (default: where this branch left main).
sop-diff: $(STAMP)
	@base="$(BASE)"; [ -n "$$base" ] || base=$$(git merge-base HEAD origin/main 2>/dev/null || git merge-base HEAD main); \
	$(BIN)/python -m sop_handbook diff "$$base" .

# A new SOP source to fill in: make new-sop ID=penyusunan-x JUDUL="Penyusunan X"
# (INSTANSI defaults to the first agency of organisasi.yaml, UNIT to its first unit with
# pelaksana columns; the approver is that agency's first official).
new-sop: $(STAMP)
	@test -n "$(ID)" -a -n "$(JUDUL)" || { echo 'Tulis: make new-sop ID=penyusunan-x JUDUL="Penyusunan X" [INSTANSI=.. UNIT=..]'; exit 2; }
	$(BIN)/python -m sop_handbook new-sop '$(ID)' '$(JUDUL)' '$(INSTANSI)' '$(UNIT)'

# Existing SOP documents as sources: make import FILE="sop1.docx buku-sop.xlsx salinan.txt" OUT=impor
# (one source per SOP in OUT, with proposals for organisasi.yaml and peraturan.yaml and laporan-impor.md;
# INSTANSI=.. UNIT=.. when the kop does not name them as organisasi.yaml does).
import: $(STAMP)
	@test -n "$(FILE)" -a -n "$(OUT)" || { echo 'Tulis: make import FILE="berkas.docx ..." OUT=impor [INSTANSI=.. UNIT=..]'; exit 2; }
	$(BIN)/python -m sop_handbook import $(FILE) --out '$(OUT)' $(if $(INSTANSI),--instansi '$(INSTANSI)') $(if $(UNIT),--unit '$(UNIT)')

serve: setup
	$(BIN)/mkdocs serve --strict -a $(ADDR) --watch macros  # the generator's code too, here

# Built into a fresh folder and swapped in only when the strict build succeeds:
# a failed build never leaves a half-written site in place of the last good one.
build: setup
	rm -rf site.new
	$(BIN)/mkdocs build --strict --site-dir site.new
	rm -rf site.old
	if [ -d site ]; then mv site site.old; fi
	mv site.new site
	rm -rf site.old

# The offline edition: the handbook to open from a folder without a web server
# (file://: a shared drive, a USB stick), as a folder and a zip of it. Pages
# are named by file (x.html) and search runs without a server (Material's
# offline plugin); there is no 404 page, which only a server can show.
offline: setup
	rm -rf $(OFFLINE).new
	SOP_OFFLINE=true $(BIN)/mkdocs build --strict --site-dir $(abspath $(OFFLINE).new)
	rm -rf $(OFFLINE) $(OFFLINE).zip
	mv $(OFFLINE).new $(OFFLINE)
	cd $(dir $(OFFLINE)) && $(abspath $(BIN))/python -m zipfile -c $(notdir $(OFFLINE)).zip $(notdir $(OFFLINE))
	@echo "Edisi luring: $(OFFLINE)/index.html dan $(OFFLINE).zip"

# The site with a PDF of each SOP and of the book (buku/), which its pages link to
# ("Unduh PDF"): headless Chromium prints the built pages (macros/sop_handbook/pdf.py).
# KERTAS=F4 prints on F4 (folio) instead of A4.
pdf: setup $(CHROMIUM)
	SOP_PDF=1 CHROMIUM=$(CHROMIUM) $(MAKE) --no-print-directory build

lint: setup
	$(BIN)/ruff check macros tests bench
	$(BIN)/ruff format --check macros tests bench
	$(BIN)/mypy
	$(BIN)/mypy bench

test: setup $(CHROMIUM) $(SERVERS) lint
	CHROMIUM=$(CHROMIUM) $(BIN)/pytest

# The inner loop (under a minute here): every test but those that build a site, drive a
# browser or check a large corpus (markers build, browser, slow); make test runs them all.
test-fast: setup
	$(BIN)/pytest -q -m "not browser and not build and not slow"

# mike builds with mkdocs.yml (strict) and commits to the local gh-pages branch
# only when the build succeeds. It calls `mkdocs`, so the venv goes first on PATH.
MIKE := PATH="$(abspath $(BIN)):$$PATH" $(BIN)/mike
export GIT_COMMITTER_NAME ?= Buku Pedoman SOP
export GIT_COMMITTER_EMAIL ?= sop-handbook@localhost

# Every edition carries the PDFs (as make pdf).
publish: setup $(CHROMIUM)
	@test -n "$(VERSION)" || { echo "Tulis edisinya: make publish VERSION=2024"; exit 2; }
	SOP_PDF=1 CHROMIUM=$(CHROMIUM) $(MIKE) deploy --update-aliases $(VERSION) latest
	$(MIKE) set-default latest

preview-editions: setup
	$(MIKE) serve -a $(ADDR)

# Time to the first search result and search's download size, for this
# handbook and a synthetic one of 1000 SOPs; writes bench/SEARCH-RESULTS.md.
bench-search: setup $(CHROMIUM)
	CHROMIUM=$(CHROMIUM) $(BIN)/python bench/search.py --sops 1000

# Build time, peak memory and size at 100 and 1000 SOPs, against a floor (the
# same pages as plain Markdown without our macros and mermaid2), diagrams in
# Chromium and mkdocs serve's edit-to-page time; writes bench/RESULTS.md.
bench: setup $(CHROMIUM)
	CHROMIUM=$(CHROMIUM) $(BIN)/python bench/scale.py --repeat 3

# Importing a book of 100 SOPs from each kind of file; writes bench/IMPORT-RESULTS.md.
bench-import: setup $(CHROMIUM)
	CHROMIUM=$(CHROMIUM) $(BIN)/python bench/impor.py --sops 100 --runs 3

# The package as other agencies install it (README: "A handbook for another agency"):
# the wheel, which carries the built Mermaid (no Node where it is installed), and
# a wheelhouse of it and every pinned dependency, for a machine without internet
# (pip install --no-index --find-links wheelhouse sop-handbook). The wheels of
# compiled dependencies are this machine's platform and Python, or, with
# PLATFORM=win_amd64 PYTHON_VERSION=3.12, those of the offices' Windows machines.
DIST ?= dist
WHEELHOUSE ?= wheelhouse
PYTHON_VERSION ?= 3.11.9
wheel: $(STAMP) $(MERMAID_JS) $(IFRAME_WORKER)
	rm -rf $(DIST) build
	$(BIN)/pip wheel --quiet --no-deps --wheel-dir $(DIST) .
	rm -rf build

wheelhouse: wheel
ifdef PLATFORM
	$(BIN)/pip download --quiet --dest $(WHEELHOUSE) --only-binary=:all: \
	    --platform $(PLATFORM) --python-version $(PYTHON_VERSION) -r requirements.txt
else
	$(BIN)/pip wheel --quiet --wheel-dir $(WHEELHOUSE) -r requirements.txt
endif
	cp $(DIST)/*.whl $(WHEELHOUSE)/

clean:
	rm -rf site site.new site.old offline $(VENV) node_modules $(MERMAID_DIR) $(IFRAME_WORKER) build $(DIST) $(WHEELHOUSE)
