# Migrant Desk — `make run` starts the app, `make test` runs the whole suite.
# Both create .venv, install the package with its test extras and build the dataset when it is missing
# or older than the content.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DATASET := dataset/reference.sqlite
CONTENT := $(shell find db/content -name '*.yaml' 2>/dev/null) db/schema.sql
# the dataset and its search index are rebuilt when the code that writes them changes, too
CORE_BUILD := desktop/core/build.py desktop/core/integrity.py $(wildcard desktop/core/content/*.py) desktop/core/model.py \
              $(wildcard desktop/core/search/*.py) desktop/core/textnorm.py
PO_FILES := $(wildcard translations/ru/LC_MESSAGES/messages.po translations/uz/LC_MESSAGES/messages.po \
                       translations/ky/LC_MESSAGES/messages.po)
MO_STAMP := translations/.compiled
QT_TS := translations/qt/qtbase_uz.ts translations/qt/qtbase_ky.ts translations/qt/qtbase_ru.ts
BABEL_KEYWORDS := -k _ -k ngettext:1,2 -k pgettext:1c,2 -k npgettext:1c,2,3 -k N_ -k NP_:1c,2
# Qt's xcb platform needs these (measured here: without libxcb-icccm4 or libxcb-keysyms1 it aborts at start)
QT_DEBS := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 \
           libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 \
           libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
# the screen-reader test (tests/test_accessibility.py) walks the real window over the AT-SPI bus: an X server, a
# session bus, the AT-SPI bus and registry, and the system python3 with its Atspi bindings to read it
TEST_DEBS := poppler-utils zbar-tools gettext desktop-file-utils appstream nsis \
             xvfb xauth dbus at-spi2-core python3-gi gir1.2-atspi-2.0 x11-utils

.PHONY: run test lint validate dataset sysdeps venv bench screenshots translations pot clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || $(MAKE) --no-print-directory _apt PKGS=python3-venv
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# setuptools lists every file under the project, following links; a Wine prefix of `make windows` links its
	@# Z: drive to / , so the Z: links are set aside while pip runs (else it walks the whole file system)
	@for z in build/windows/*/dosdevices/z:; do if [ -L "$$z" ]; then mv "$$z" "$$z.off"; fi; done; \
	$(BIN)/python -m pip install --quiet -e '.[test,package]'; status=$$?; \
	for z in build/windows/*/dosdevices/z:.off; do if [ -L "$$z" ]; then mv "$$z" "$${z%.off}"; fi; done; \
	exit $$status
	@touch $@

# Install missing Debian packages when root; otherwise print the exact command and stop.
_apt:
	@missing=""; \
	if command -v dpkg-query >/dev/null; then \
	  for p in $(PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	  done; \
	fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Migrant Desk needs these system packages. Install them with:"; \
	    echo "  sudo apt-get install$$missing"; \
	    exit 1; \
	  fi; \
	fi

sysdeps:
	@$(MAKE) --no-print-directory _apt PKGS="$(QT_DEBS) $(TEST_DEBS)"

$(DATASET): $(STAMP) $(CONTENT) $(CORE_BUILD)
	$(BIN)/migrant-desk build

dataset: $(DATASET)

# Interface catalogs: uz_Cyrl is derived from uz, then every .po is compiled to .mo; Qt's own strings too
$(MO_STAMP): $(STAMP) $(PO_FILES) $(QT_TS) desktop/core/catalogs.py desktop/core/textnorm.py
	$(BIN)/python -m desktop.core.catalogs build
	@touch $@

translations: $(MO_STAMP)

# Re-extract the English source strings (then: pybabel update -i translations/messages.pot -d translations)
pot: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg $(BABEL_KEYWORDS) --project "Migrant Desk" --sort-by-file \
	  -o translations/messages.pot .

validate: $(STAMP)
	$(BIN)/migrant-desk validate db/content

run: sysdeps $(DATASET) translations
	$(BIN)/migrant-desk

# Lint: ruff (rules in pyproject.toml) over all Python files, then mypy (strict for desktop/core, checked for the
# rest of desktop). Either one failing fails `make lint` and so `make test`. The paths can be narrowed for a check.
RUFF_PATHS ?= .
MYPY_PATHS ?=
lint: $(STAMP)
	$(BIN)/ruff check $(RUFF_PATHS)
	$(BIN)/mypy $(MYPY_PATHS)

test: sysdeps lint $(DATASET) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Benchmarks print numbers (targets live here, not in timed tests); results go to bench/results.json
bench: $(DATASET)
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/question_bench.py
	$(BIN)/python bench/app_bench.py
	$(BIN)/python bench/sheet_bench.py
	$(BIN)/python bench/editor_bench.py

# The real window (xcb) under Xvfb at 1366x768: every tab in en, ru, uz, ky, and at 200 % text; PNGs go to docs/screenshots/
screenshots: sysdeps $(DATASET) translations
	@$(MAKE) --no-print-directory _apt PKGS="xvfb xauth"
	QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" $(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) dataset build dist .pytest_cache

# Installer (packaging/INSTALL.md). `make package`: the PyInstaller one-folder bundle, then
# dist/migrant-desk_<version>_amd64.deb (lintian must find no error) and a portable .tar.gz; prints their
# sizes. `make package-test` (as root): installs the .deb with dpkg -i, self-checks the installed app,
# opens its real window under Xvfb (docs/screenshots/installed-app.png), times its first paint, removes
# it with dpkg -r and checks that nothing is left but the user's data.
PACKAGE_TOOLS := binutils patchelf lintian

.PHONY: package package-test

package: sysdeps $(DATASET) translations
	@$(MAKE) --no-print-directory _apt PKGS="$(PACKAGE_TOOLS) $$($(BIN)/python packaging/build.py depends)"
	@$(BIN)/python -c 'import PyInstaller' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[test,package]'
	$(BIN)/python packaging/build.py

package-test: package
	@$(MAKE) --no-print-directory _apt PKGS="xvfb"
	$(BIN)/python packaging/package_test.py

# Windows (packaging/INSTALL.md, "Windows, built and tested on Debian"): `make windows` builds the one-folder bundle
# with Windows' own CPython 3.11 and PyInstaller running under Wine (the same spec as Linux), then the 64-bit NSIS
# installer dist/migrant-desk-<version>-setup.exe with Debian's makensis; pinned downloads, all work files in
# build/windows/ (a second run reuses the Python, the Wine prefix and the wheels). `make windows-test` installs
# that installer silently into a fresh Wine prefix whose user has a Cyrillic name and tests it as installed.
WINDOWS_DEBS := wine wine64 gcc-mingw-w64-x86-64-win32 nsis xvfb xauth xdotool xclip poppler-utils

.PHONY: windows windows-test

windows: $(DATASET) translations
	@$(MAKE) --no-print-directory _apt PKGS="$(WINDOWS_DEBS) $(QT_DEBS)"
	$(BIN)/python packaging/windows/build_windows.py

windows-test:
	@$(MAKE) --no-print-directory _apt PKGS="$(WINDOWS_DEBS) $(QT_DEBS)"
	$(BIN)/python packaging/windows/windows_test.py
